package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.AuditServiceGrpc;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.PrincipalServiceGrpc;
import io.keygate.v1.RevokeApiKeyRequest;
import io.keygate.v1.RoleServiceGrpc;
import io.keygate.v1.ScopeServiceGrpc;
import io.keygate.v1.TenantServiceGrpc;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenAccess;
import io.keygate.v1.TokenSpec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestFactory;

/**
 * OWASP API1/API5 (broken object- and function-level authorization): every management RPC × every
 * kind of credential, each cell a test of its own named {@code "<Rpc> × <credential>"}.
 *
 * <p>The expected table below is written from docs/management-api.md and SPEC.md, not from the
 * server's code. Every call addresses real objects of tenant {@code acme}. Codes: {@code OK};
 * {@code OK*} = OK, but the call acted on the caller's own tenant and acme is unchanged (lists return
 * none of acme's objects); {@code UA} = UNAUTHENTICATED; {@code PD} = PERMISSION_DENIED;
 * {@code NF} = NOT_FOUND. A cell that changes acme must show the change in the database and add audit
 * rows; any other cell must leave the target and the whole audit log exactly as they were.
 *
 * <p>Credentials: {@code none} (no metadata); {@code other} (admin key, {@code *}, of another tenant);
 * {@code system} (admin key of the system tenant); {@code admin} (acme's first admin, {@code *});
 * {@code team}, {@code all}, {@code create}, {@code delete} (keys whose role holds only
 * {@code api-keys:read:team}, {@code api-keys:read:all}, {@code api-keys:create:all},
 * {@code api-keys:delete:all}); {@code agent} (an AI agent's key with the admin role {@code *});
 * {@code ro} (a read-only token with the admin role); {@code expired} and {@code revoked} (admin-role
 * keys). The targets of key RPCs are owned by another user of acme, in the {@code team} caller's scope.
 */
class AccessMatrixIT {
  static final String EXPECTED = """
      rpc              none other system admin team all create delete agent ro expired revoked
      CreateTenant     UA   PD    OK     PD    PD   PD  PD     PD     PD    PD UA      UA
      GetTenant        UA   NF    OK     OK    PD   PD  PD     PD     OK    OK UA      UA
      ListTenants      UA   PD    OK     PD    PD   PD  PD     PD     PD    PD UA      UA
      UpdateTenant     UA   NF    OK     OK    PD   PD  PD     PD     PD    PD UA      UA
      CreateScope      UA   NF    NF     OK    PD   PD  PD     PD     OK    PD UA      UA
      GetScope         UA   NF    NF     OK    PD   PD  PD     PD     OK    OK UA      UA
      ListScopes       UA   OK*   OK*    OK    PD   PD  PD     PD     OK    OK UA      UA
      UpdateScope      UA   NF    NF     OK    PD   PD  PD     PD     OK    PD UA      UA
      DeleteScope      UA   NF    NF     OK    PD   PD  PD     PD     OK    PD UA      UA
      CreatePrincipal  UA   NF    NF     OK    PD   PD  PD     PD     OK    PD UA      UA
      GetPrincipal     UA   NF    NF     OK    PD   PD  PD     PD     OK    OK UA      UA
      ListPrincipals   UA   OK*   OK*    OK    PD   PD  PD     PD     OK    OK UA      UA
      UpdatePrincipal  UA   NF    NF     OK    PD   PD  PD     PD     OK    PD UA      UA
      DeletePrincipal  UA   NF    NF     OK    PD   PD  PD     PD     OK    PD UA      UA
      CreateRole       UA   OK*   OK*    OK    PD   PD  PD     PD     OK    PD UA      UA
      GetRole          UA   NF    NF     OK    PD   PD  PD     PD     OK    OK UA      UA
      ListRoles        UA   OK*   OK*    OK    PD   PD  PD     PD     OK    OK UA      UA
      UpdateRole       UA   NF    NF     OK    PD   PD  PD     PD     OK    PD UA      UA
      DeleteRole       UA   NF    NF     OK    PD   PD  PD     PD     OK    PD UA      UA
      CreateApiKey     UA   NF    NF     OK    PD   PD  OK     PD     PD    PD UA      UA
      GetApiKey        UA   NF    NF     OK    OK   OK  PD     PD     OK    OK UA      UA
      ListApiKeys      UA   OK*   OK*    OK    OK   OK  PD     PD     OK    OK UA      UA
      UpdateApiKey     UA   NF    NF     OK    PD   PD  OK     PD     PD    PD UA      UA
      RevokeApiKey     UA   NF    NF     OK    PD   PD  PD     OK     PD    PD UA      UA
      DeleteApiKey     UA   NF    NF     OK    PD   PD  PD     OK     PD    PD UA      UA
      CreateToken      UA   NF    NF     OK    PD   PD  OK     PD     PD    PD UA      UA
      ListTokens       UA   NF    NF     OK    OK   OK  PD     PD     OK    OK UA      UA
      UpdateToken      UA   NF    NF     OK    PD   PD  OK     PD     PD    PD UA      UA
      RotateToken      UA   NF    NF     OK    PD   PD  OK     PD     PD    PD UA      UA
      DeleteToken      UA   NF    NF     OK    PD   PD  PD     OK     PD    PD UA      UA
      ListAuditEvents  UA   OK*   OK*    OK    PD   PD  PD     PD     OK    OK UA      UA
      """;

  static TestKeygate keygate;
  static CreateTenantResponse acme;
  static String acmeId;
  static String admin;
  static String teamScope;
  static String targetOwner;
  static final Map<String, Metadata> CREDENTIALS = new LinkedHashMap<>();

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  @BeforeAll
  static void start() throws SQLException {
    keygate = FLEET.keygate();
    acme = keygate.newTenant("acme", TenantSettings.newBuilder().setMaxActiveTokensPerPrincipal(10_000).build());
    acmeId = acme.getTenant().getId();
    admin = acme.getAdminSecret();
    String adminRole = acme.getAdminPrincipal().getRoleId();
    teamScope = keygate.scopes(admin).createScope(CreateScopeRequest.newBuilder().setName("team").build())
        .getScope().getId();
    targetOwner = user("target owner", "", teamScope);
    ManagementRpcs.init(keygate, acmeId, admin, teamScope, targetOwner);

    CREDENTIALS.put("none", new Metadata());
    CREDENTIALS.put("other", header(keygate.newTenant("other").getAdminSecret()));
    CREDENTIALS.put("system", header(keygate.system.secret()));
    CREDENTIALS.put("admin", header(admin));
    for (String qualifier : List.of("read:team", "read:all", "create:all", "delete:all")) {
      String role = keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName(qualifier)
          .addPermissions("api-keys:" + qualifier).build()).getRole().getId();
      String owner = user(qualifier + " holder", role, teamScope);
      String secret = key(owner, role, TokenAccess.TOKEN_ACCESS_READ_WRITE).getSecret();
      CREDENTIALS.put(qualifier.replaceAll("^read:|:all$", ""), header(secret));
    }
    String agent = keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_AGENT).setDisplayName("bot")
        .setParentPrincipalId(acme.getAdminPrincipal().getId()).build()).getPrincipal().getId();
    CREDENTIALS.put("agent", header(key(agent, adminRole, TokenAccess.TOKEN_ACCESS_READ_WRITE).getSecret()));
    CREDENTIALS.put("ro", header(key("", adminRole, TokenAccess.TOKEN_ACCESS_READ_ONLY).getSecret()));
    CreateApiKeyResponse expired = key("", adminRole, TokenAccess.TOKEN_ACCESS_READ_WRITE);
    ManagementRpcs.sql("update api_keys set expires_at = now() - interval '1 hour' where id = ?",
        expired.getApiKey().getId());
    CREDENTIALS.put("expired", header(expired.getSecret()));
    CreateApiKeyResponse revoked = key("", adminRole, TokenAccess.TOKEN_ACCESS_READ_WRITE);
    keygate.keys(admin).revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(revoked.getApiKey().getId())
        .build());
    CREDENTIALS.put("revoked", header(revoked.getSecret()));
  }

  @AfterAll
  static void stop() throws SQLException {
    ManagementRpcs.close();
  }

  @Test
  void theTableCoversEveryManagementRpcAndEveryCredential() {
    List<String> declared = new ArrayList<>();
    for (ServiceDescriptor service : List.of(TenantServiceGrpc.getServiceDescriptor(),
        ScopeServiceGrpc.getServiceDescriptor(), PrincipalServiceGrpc.getServiceDescriptor(),
        RoleServiceGrpc.getServiceDescriptor(), ApiKeyServiceGrpc.getServiceDescriptor(),
        AuditServiceGrpc.getServiceDescriptor())) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        declared.add(method.getBareMethodName());
      }
    }
    Map<String, Map<String, String>> table = table();
    assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(declared);
    assertThat(ManagementRpcs.ALL.keySet()).containsExactlyInAnyOrderElementsOf(declared);
    table.values().forEach(row -> assertThat(row.keySet()).containsExactlyElementsOf(CREDENTIALS.keySet()));
  }

  @TestFactory
  Stream<DynamicTest> everyRpcWithEveryCredential() {
    Map<String, Map<String, String>> table = table();
    return table.entrySet().stream().flatMap(row -> row.getValue().entrySet().stream().map(cell ->
        dynamicTest(row.getKey() + " × " + cell.getKey(),
            () -> check(ManagementRpcs.ALL.get(row.getKey()), cell.getKey(), cell.getValue()))));
  }

  private static void check(ManagementRpcs.Rpc rpc, String credential, String expected) throws SQLException {
    ManagementRpcs.Target target = rpc.target().get();
    String before = rpc.mutating() ? rpc.state().apply(target) : null;
    long auditBefore = ManagementRpcs.auditRows();
    Object response = null;
    Status status = Status.OK;
    try {
      response = rpc.call().apply(new ManagementRpcs.Stubs(keygate, CREDENTIALS.get(credential)), target);
    } catch (StatusRuntimeException e) {
      status = e.getStatus();
    }
    assertThat(status.getCode()).as("%s × %s answered %s", rpc.name(), credential, status)
        .isEqualTo(code(expected));
    boolean inAcme = expected.equals("OK");
    if (status.isOk()) {
      rpc.verify().accept(target, response, inAcme);
    }
    if (rpc.mutating()) {
      String after = rpc.state().apply(target);
      if (inAcme) {
        assertThat(after).as("acme's state after an allowed %s", rpc.name()).isNotEqualTo(before);
      } else {
        assertThat(after).as("acme's state after %s × %s", rpc.name(), credential).isEqualTo(before);
      }
    }
    long auditAfter = ManagementRpcs.auditRows();
    if (rpc.mutating() && status.isOk()) {
      assertThat(auditAfter).as("audit rows after an allowed change").isGreaterThan(auditBefore);
    } else {
      assertThat(auditAfter).as("audit rows after a read or a refused call").isEqualTo(auditBefore);
    }
  }

  private static Status.Code code(String expected) {
    return switch (expected) {
      case "OK", "OK*" -> Status.Code.OK;
      case "UA" -> Status.Code.UNAUTHENTICATED;
      case "PD" -> Status.Code.PERMISSION_DENIED;
      case "NF" -> Status.Code.NOT_FOUND;
      default -> throw new IllegalArgumentException("unknown code in the expected table: " + expected);
    };
  }

  /** The expected table as rpc → (credential → code), in the order written. */
  static Map<String, Map<String, String>> table() {
    List<String[]> lines = EXPECTED.lines().filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+")).toList();
    String[] header = lines.get(0);
    Map<String, Map<String, String>> table = new LinkedHashMap<>();
    for (String[] line : lines.subList(1, lines.size())) {
      assertThat(line).as("row %s", Arrays.toString(line)).hasSameSizeAs(header);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 1; i < line.length; i++) {
        row.put(header[i], line[i]);
      }
      table.put(line[0], row);
    }
    return table;
  }

  static Metadata header(String secret) {
    return TestKeygate.apiKeyHeader(secret);
  }

  static String user(String name, String roleId, String scopeId) {
    return keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_USER).setDisplayName(name).setRoleId(roleId).setScopeId(scopeId)
        .build()).getPrincipal().getId();
  }

  static CreateApiKeyResponse key(String owner, String roleId, TokenAccess access) {
    return keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("credential " + owner)
        .setOwnerPrincipalId(owner).setRoleId(roleId)
        .setInitialToken(TokenSpec.newBuilder().setAccess(access)).build());
  }
}
