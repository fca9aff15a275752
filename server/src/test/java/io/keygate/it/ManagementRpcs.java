package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.keygate.v1.ApiKey;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.AuditEvent;
import io.keygate.v1.AuditServiceGrpc;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.CreateTenantRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.CreateTokenRequest;
import io.keygate.v1.CreateTokenResponse;
import io.keygate.v1.DeleteApiKeyRequest;
import io.keygate.v1.DeletePrincipalRequest;
import io.keygate.v1.DeleteRoleRequest;
import io.keygate.v1.DeleteScopeRequest;
import io.keygate.v1.DeleteTokenRequest;
import io.keygate.v1.GetApiKeyRequest;
import io.keygate.v1.GetApiKeyResponse;
import io.keygate.v1.GetPrincipalRequest;
import io.keygate.v1.GetPrincipalResponse;
import io.keygate.v1.GetRoleRequest;
import io.keygate.v1.GetRoleResponse;
import io.keygate.v1.GetScopeRequest;
import io.keygate.v1.GetScopeResponse;
import io.keygate.v1.GetTenantRequest;
import io.keygate.v1.GetTenantResponse;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.ListApiKeysResponse;
import io.keygate.v1.ListAuditEventsRequest;
import io.keygate.v1.ListAuditEventsResponse;
import io.keygate.v1.ListPrincipalsRequest;
import io.keygate.v1.ListPrincipalsResponse;
import io.keygate.v1.ListRolesRequest;
import io.keygate.v1.ListRolesResponse;
import io.keygate.v1.ListScopesRequest;
import io.keygate.v1.ListScopesResponse;
import io.keygate.v1.ListTenantsRequest;
import io.keygate.v1.ListTenantsResponse;
import io.keygate.v1.ListTokensRequest;
import io.keygate.v1.ListTokensResponse;
import io.keygate.v1.Principal;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.PrincipalServiceGrpc;
import io.keygate.v1.RevokeApiKeyRequest;
import io.keygate.v1.Role;
import io.keygate.v1.RoleServiceGrpc;
import io.keygate.v1.RotateTokenRequest;
import io.keygate.v1.RotateTokenResponse;
import io.keygate.v1.Scope;
import io.keygate.v1.ScopeServiceGrpc;
import io.keygate.v1.Tenant;
import io.keygate.v1.TenantServiceGrpc;
import io.keygate.v1.Token;
import io.keygate.v1.TokenSpec;
import io.keygate.v1.UpdateApiKeyRequest;
import io.keygate.v1.UpdateApiKeyResponse;
import io.keygate.v1.UpdatePrincipalRequest;
import io.keygate.v1.UpdateRoleRequest;
import io.keygate.v1.UpdateScopeRequest;
import io.keygate.v1.UpdateTenantRequest;
import io.keygate.v1.UpdateTenantResponse;
import io.keygate.v1.UpdateTokenRequest;
import io.keygate.v1.UpdateTokenResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every management RPC as data for {@link AccessMatrixIT}: how to get a target in tenant acme (shared
 * for reads, fresh for changes), a valid request against it, acme's state the call would change (read
 * straight from PostgreSQL), and what an allowed answer must contain.
 */
final class ManagementRpcs {
  /** The object a call addresses: its id, a second id (a key's token) and a name unique to the cell. */
  record Target(String id, String sub, String name) {}

  interface Call {
    Object apply(Stubs stubs, Target target);
  }

  interface Verify {
    /** Checks an allowed answer; {@code inAcme} is false when the caller acted on its own tenant. */
    void accept(Target target, Object response, boolean inAcme);
  }

  record Rpc(String name, boolean mutating, Supplier<Target> target, Call call, Function<Target, String> state,
      Verify verify) {}

  /** Stubs of every management service carrying one credential. */
  record Stubs(TestKeygate keygate, Metadata metadata) {
    TenantServiceGrpc.TenantServiceBlockingStub tenants() {
      return TestKeygate.with(TenantServiceGrpc.newBlockingStub(keygate.channel), metadata);
    }

    ScopeServiceGrpc.ScopeServiceBlockingStub scopes() {
      return TestKeygate.with(ScopeServiceGrpc.newBlockingStub(keygate.channel), metadata);
    }

    PrincipalServiceGrpc.PrincipalServiceBlockingStub principals() {
      return TestKeygate.with(PrincipalServiceGrpc.newBlockingStub(keygate.channel), metadata);
    }

    RoleServiceGrpc.RoleServiceBlockingStub roles() {
      return TestKeygate.with(RoleServiceGrpc.newBlockingStub(keygate.channel), metadata);
    }

    ApiKeyServiceGrpc.ApiKeyServiceBlockingStub keys() {
      return TestKeygate.with(ApiKeyServiceGrpc.newBlockingStub(keygate.channel), metadata);
    }

    AuditServiceGrpc.AuditServiceBlockingStub audit() {
      return TestKeygate.with(AuditServiceGrpc.newBlockingStub(keygate.channel), metadata);
    }
  }

  static final Map<String, Rpc> ALL = new LinkedHashMap<>();
  private static final AtomicInteger CELLS = new AtomicInteger();
  private static TestKeygate keygate;
  private static Connection db;
  private static String acmeId;
  private static String admin;
  private static String teamScope;
  private static String owner;
  private static Target scope;
  private static Target principal;
  private static Target role;
  private static Target key;

  private ManagementRpcs() {}

  /** Creates the shared read targets in acme (as its admin) and opens a database connection. */
  static void init(TestKeygate server, String tenantId, String adminSecret, String teamScopeId, String ownerId)
      throws SQLException {
    keygate = server;
    db = DriverManager.getConnection(server.jdbcUrl, "postgres", "");
    acmeId = tenantId;
    admin = adminSecret;
    teamScope = teamScopeId;
    owner = ownerId;
    scope = newScope();
    principal = newPrincipal();
    role = newRole();
    key = newKey();
  }

  static void close() throws SQLException {
    db.close();
  }

  static {
    tenantRpcs();
    scopeRpcs();
    principalRpcs();
    roleRpcs();
    keyRpcs();
    tokenRpcs();
    add(new Rpc("ListAuditEvents", false, () -> key, (s, t) -> s.audit().listAuditEvents(
        ListAuditEventsRequest.newBuilder().setTargetId(t.id()).setPageSize(1000).build()), null, (t, r, in) -> {
          List<AuditEvent> events = ((ListAuditEventsResponse) r).getEventsList();
          if (in) {
            assertThat(events).isNotEmpty().extracting(AuditEvent::getTargetId).containsOnly(t.id());
          }
          assertThat(events).extracting(AuditEvent::getTenantId).allMatch(id -> in == id.equals(acmeId));
        }));
  }

  private static void tenantRpcs() {
    add(new Rpc("CreateTenant", true, ManagementRpcs::named, (s, t) -> s.tenants().createTenant(
        CreateTenantRequest.newBuilder().setName(t.name()).build()),
        t -> sql("select count(*) from tenants where name = ?", t.name()),
        (t, r, in) -> assertThat(((CreateTenantResponse) r).getTenant().getName()).isEqualTo(t.name())));
    add(new Rpc("GetTenant", false, ManagementRpcs::named, (s, t) -> s.tenants().getTenant(
        GetTenantRequest.newBuilder().setTenantId(acmeId).build()), null,
        (t, r, in) -> assertThat(((GetTenantResponse) r).getTenant().getId()).isEqualTo(acmeId)));
    add(new Rpc("ListTenants", false, ManagementRpcs::named, (s, t) -> s.tenants().listTenants(
        ListTenantsRequest.newBuilder().setPageSize(1000).build()), null,
        (t, r, in) -> assertThat(((ListTenantsResponse) r).getTenantsList()).extracting(Tenant::getId)
            .contains(acmeId)));
    add(new Rpc("UpdateTenant", true, ManagementRpcs::named, (s, t) -> s.tenants().updateTenant(
        UpdateTenantRequest.newBuilder().setTenantId(acmeId).setName(t.name()).build()),
        t -> sql("select name, updated_at from tenants where id = ?", acmeId),
        (t, r, in) -> assertThat(((UpdateTenantResponse) r).getTenant().getName()).isEqualTo(t.name())));
  }

  private static void scopeRpcs() {
    add(new Rpc("CreateScope", true, ManagementRpcs::named, (s, t) -> s.scopes().createScope(
        CreateScopeRequest.newBuilder().setParentId(teamScope).setName(t.name()).build()).getScope(),
        t -> sql("select count(*) from scopes where tenant_id = ? and name = ?", acmeId, t.name()),
        (t, r, in) -> assertThat(((Scope) r).getTenantId()).isEqualTo(acmeId)));
    add(new Rpc("GetScope", false, () -> scope, (s, t) -> s.scopes().getScope(
        GetScopeRequest.newBuilder().setScopeId(t.id()).build()), null,
        (t, r, in) -> assertThat(((GetScopeResponse) r).getScope().getId()).isEqualTo(t.id())));
    add(new Rpc("ListScopes", false, () -> scope, (s, t) -> s.scopes().listScopes(
        ListScopesRequest.newBuilder().setPageSize(1000).build()), null, (t, r, in) ->
        listed(((ListScopesResponse) r).getScopesList(), Scope::getId, Scope::getTenantId, t.id(), in)));
    add(new Rpc("UpdateScope", true, ManagementRpcs::newScope, (s, t) -> s.scopes().updateScope(
        UpdateScopeRequest.newBuilder().setScopeId(t.id()).setName(t.name() + " renamed").build()),
        t -> sql("select name from scopes where id = ?", t.id()), (t, r, in) -> { }));
    add(new Rpc("DeleteScope", true, ManagementRpcs::newScope, (s, t) -> s.scopes().deleteScope(
        DeleteScopeRequest.newBuilder().setScopeId(t.id()).build()),
        t -> sql("select count(*) from scopes where id = ?", t.id()), (t, r, in) -> { }));
  }

  private static void principalRpcs() {
    add(new Rpc("CreatePrincipal", true, ManagementRpcs::named, (s, t) -> s.principals().createPrincipal(
        CreatePrincipalRequest.newBuilder().setKind(PrincipalKind.PRINCIPAL_KIND_USER).setDisplayName(t.name())
            .setScopeId(teamScope).build()).getPrincipal(),
        t -> sql("select count(*) from principals where tenant_id = ? and display_name = ?", acmeId, t.name()),
        (t, r, in) -> assertThat(((Principal) r).getTenantId()).isEqualTo(acmeId)));
    add(new Rpc("GetPrincipal", false, () -> principal, (s, t) -> s.principals().getPrincipal(
        GetPrincipalRequest.newBuilder().setPrincipalId(t.id()).build()), null,
        (t, r, in) -> assertThat(((GetPrincipalResponse) r).getPrincipal().getId()).isEqualTo(t.id())));
    add(new Rpc("ListPrincipals", false, () -> principal, (s, t) -> s.principals().listPrincipals(
        ListPrincipalsRequest.newBuilder().setPageSize(1000).build()), null, (t, r, in) -> listed(
        ((ListPrincipalsResponse) r).getPrincipalsList(), Principal::getId, Principal::getTenantId, t.id(), in)));
    add(new Rpc("UpdatePrincipal", true, ManagementRpcs::newPrincipal, (s, t) -> s.principals().updatePrincipal(
        UpdatePrincipalRequest.newBuilder().setPrincipalId(t.id()).setDisplayName(t.name() + " renamed").build()),
        t -> sql("select display_name from principals where id = ?", t.id()), (t, r, in) -> { }));
    add(new Rpc("DeletePrincipal", true, ManagementRpcs::newPrincipal, (s, t) -> s.principals().deletePrincipal(
        DeletePrincipalRequest.newBuilder().setPrincipalId(t.id()).build()),
        t -> sql("select count(*) from principals where id = ?", t.id()), (t, r, in) -> { }));
  }

  private static void roleRpcs() {
    add(new Rpc("CreateRole", true, ManagementRpcs::named, (s, t) -> s.roles().createRole(
        CreateRoleRequest.newBuilder().setName(t.name()).addPermissions("orders:read").build()).getRole(),
        t -> sql("select count(*) from roles where tenant_id = ? and name = ?", acmeId, t.name()),
        (t, r, in) -> assertThat(((Role) r).getTenantId().equals(acmeId)).isEqualTo(in)));
    add(new Rpc("GetRole", false, () -> role, (s, t) -> s.roles().getRole(
        GetRoleRequest.newBuilder().setRoleId(t.id()).build()), null,
        (t, r, in) -> assertThat(((GetRoleResponse) r).getRole().getId()).isEqualTo(t.id())));
    add(new Rpc("ListRoles", false, () -> role, (s, t) -> s.roles().listRoles(
        ListRolesRequest.newBuilder().setPageSize(1000).build()), null,
        (t, r, in) -> listed(((ListRolesResponse) r).getRolesList(), Role::getId, Role::getTenantId, t.id(), in)));
    add(new Rpc("UpdateRole", true, ManagementRpcs::newRole, (s, t) -> s.roles().updateRole(
        UpdateRoleRequest.newBuilder().setRoleId(t.id()).setDescription("changed by a cell").build()),
        t -> sql("select description from roles where id = ?", t.id()), (t, r, in) -> { }));
    add(new Rpc("DeleteRole", true, ManagementRpcs::newRole, (s, t) -> s.roles().deleteRole(
        DeleteRoleRequest.newBuilder().setRoleId(t.id()).build()),
        t -> sql("select count(*) from roles where id = ?", t.id()), (t, r, in) -> { }));
  }

  private static void keyRpcs() {
    add(new Rpc("CreateApiKey", true, ManagementRpcs::named, (s, t) -> s.keys().createApiKey(
        CreateApiKeyRequest.newBuilder().setName(t.name()).setOwnerPrincipalId(owner)
            .setInitialToken(TokenSpec.getDefaultInstance()).build()),
        t -> sql("select count(*) from api_keys where tenant_id = ? and name = ?", acmeId, t.name()),
        (t, r, in) -> assertThat(((CreateApiKeyResponse) r).getSecret()).matches("lk_[0-9a-f]{64}")));
    add(new Rpc("GetApiKey", false, () -> key, (s, t) -> s.keys().getApiKey(
        GetApiKeyRequest.newBuilder().setApiKeyId(t.id()).build()), null,
        (t, r, in) -> assertThat(((GetApiKeyResponse) r).getApiKey().getId()).isEqualTo(t.id())));
    add(new Rpc("ListApiKeys", false, () -> key, (s, t) -> s.keys().listApiKeys(
        ListApiKeysRequest.newBuilder().setPageSize(1000).build()), null,
        (t, r, in) -> listed(((ListApiKeysResponse) r).getApiKeysList(), ApiKey::getId, ApiKey::getTenantId, t.id(),
            in)));
    add(new Rpc("UpdateApiKey", true, ManagementRpcs::newKey, (s, t) -> s.keys().updateApiKey(
        UpdateApiKeyRequest.newBuilder().setApiKeyId(t.id()).setName(t.name() + " renamed").build()),
        t -> sql("select name from api_keys where id = ?", t.id()),
        (t, r, in) -> assertThat(((UpdateApiKeyResponse) r).getApiKey().getName()).endsWith(" renamed")));
    add(new Rpc("RevokeApiKey", true, ManagementRpcs::newKey, (s, t) -> s.keys().revokeApiKey(
        RevokeApiKeyRequest.newBuilder().setApiKeyId(t.id()).build()),
        t -> sql("select revoked_at is not null from api_keys where id = ?", t.id()), (t, r, in) -> { }));
    add(new Rpc("DeleteApiKey", true, ManagementRpcs::newKey, (s, t) -> s.keys().deleteApiKey(
        DeleteApiKeyRequest.newBuilder().setApiKeyId(t.id()).build()),
        t -> sql("select count(*) from api_keys where id = ?", t.id()) + sql(
            "select count(*) from tokens where api_key_id = ?", t.id()), (t, r, in) -> { }));
  }

  private static void tokenRpcs() {
    add(new Rpc("CreateToken", true, ManagementRpcs::newKey, (s, t) -> s.keys().createToken(
        CreateTokenRequest.newBuilder().setApiKeyId(t.id()).build()),
        t -> sql("select count(*) from tokens where api_key_id = ?", t.id()),
        (t, r, in) -> assertThat(((CreateTokenResponse) r).getSecret()).matches("lk_[0-9a-f]{64}")));
    add(new Rpc("ListTokens", false, () -> key, (s, t) -> s.keys().listTokens(
        ListTokensRequest.newBuilder().setApiKeyId(t.id()).build()), null,
        (t, r, in) -> assertThat(((ListTokensResponse) r).getTokensList()).extracting(Token::getId)
            .containsExactly(t.sub())));
    add(new Rpc("UpdateToken", true, ManagementRpcs::newKey, (s, t) -> s.keys().updateToken(
        UpdateTokenRequest.newBuilder().setTokenId(t.sub()).setName(t.name() + " renamed").build()),
        t -> sql("select name from tokens where id = ?", t.sub()),
        (t, r, in) -> assertThat(((UpdateTokenResponse) r).getToken().getName()).endsWith(" renamed")));
    add(new Rpc("RotateToken", true, ManagementRpcs::newKey, (s, t) -> s.keys().rotateToken(
        RotateTokenRequest.newBuilder().setTokenId(t.sub()).build()),
        t -> sql("select digest from token_secrets where token_id = ?", t.sub()),
        (t, r, in) -> assertThat(((RotateTokenResponse) r).getSecret()).matches("lk_[0-9a-f]{64}")));
    add(new Rpc("DeleteToken", true, ManagementRpcs::newKey, (s, t) -> s.keys().deleteToken(
        DeleteTokenRequest.newBuilder().setTokenId(t.sub()).build()),
        t -> sql("select count(*) from tokens where id = ?", t.sub()), (t, r, in) -> { }));
  }

  private static void add(Rpc rpc) {
    ALL.put(rpc.name(), rpc);
  }

  /**
   * An allowed list: inside acme it holds the target and only acme's objects; from another tenant it
   * holds none of acme's objects.
   */
  private static <T> void listed(List<T> items, Function<T, String> id, Function<T, String> tenant, String target,
      boolean inAcme) {
    if (inAcme) {
      assertThat(items).extracting(id::apply).contains(target);
      assertThat(items).extracting(tenant::apply).containsOnly(acmeId);
    } else {
      assertThat(items).extracting(tenant::apply).doesNotContain(acmeId);
      assertThat(items).extracting(id::apply).doesNotContain(target);
    }
  }

  private static Target named() {
    return new Target("", "", "cell " + CELLS.incrementAndGet());
  }

  private static Target newScope() {
    String name = named().name();
    return new Target(keygate.scopes(admin).createScope(CreateScopeRequest.newBuilder().setName(name).build())
        .getScope().getId(), "", name);
  }

  private static Target newPrincipal() {
    String name = named().name();
    return new Target(keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_USER).setDisplayName(name).build()).getPrincipal().getId(), "", name);
  }

  private static Target newRole() {
    String name = named().name();
    return new Target(keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName(name)
        .addPermissions("orders:read").build()).getRole().getId(), "", name);
  }

  /** A key of the target owner, bound to the team scope, with one read-write token. */
  private static Target newKey() {
    String name = named().name();
    CreateApiKeyResponse created = keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName(name)
        .setOwnerPrincipalId(owner).setScopeId(teamScope).setInitialToken(TokenSpec.getDefaultInstance()).build());
    return new Target(created.getApiKey().getId(), created.getToken().getId(), name);
  }

  /** Total audit rows in the database, every tenant. */
  static long auditRows() {
    return Long.parseLong(sql("select count(*) from audit_events"));
  }

  /** The rows of a query as text, one per line (digests as hex). */
  static String sql(String query, Object... params) {
    try (PreparedStatement s = db.prepareStatement(query)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      if (!s.execute()) {
        return Integer.toString(s.getUpdateCount());
      }
      List<String> rows = new java.util.ArrayList<>();
      try (ResultSet rs = s.getResultSet()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int c = 1; c <= columns; c++) {
            Object value = rs.getObject(c);
            row.append(c > 1 ? "|" : "")
                .append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value);
          }
          rows.add(row.toString());
        }
      }
      return String.join("\n", rows);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
