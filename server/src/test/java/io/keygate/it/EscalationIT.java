package io.keygate.it;

import static io.keygate.it.Grpc.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import io.grpc.Status;
import io.keygate.testing.TestClock;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreateTenantRequest;
import io.keygate.v1.CreateTokenRequest;
import io.keygate.v1.DeleteApiKeyRequest;
import io.keygate.v1.DeleteRoleRequest;
import io.keygate.v1.Expiration;
import io.keygate.v1.GetPrincipalRequest;
import io.keygate.v1.GetRoleRequest;
import io.keygate.v1.GetScopeRequest;
import io.keygate.v1.Lifetime;
import io.keygate.v1.LifetimeUnit;
import io.keygate.v1.ListAuditEventsRequest;
import io.keygate.v1.ListTokensRequest;
import io.keygate.v1.PermissionSource;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.RevokeApiKeyRequest;
import io.keygate.v1.RotateTokenRequest;
import io.keygate.v1.StringList;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenAccess;
import io.keygate.v1.TokenSpec;
import io.keygate.v1.UpdateApiKeyRequest;
import io.keygate.v1.UpdatePrincipalRequest;
import io.keygate.v1.UpdateRoleRequest;
import io.keygate.v1.UpdateScopeRequest;
import io.keygate.v1.UpdateTenantRequest;
import io.keygate.v1.UpdateTokenRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The escalation paths of issue 14, each tried exactly as an attacker holding only the permission
 * named would, against a more privileged target: none may obtain, shape or take over a credential
 * with more than the caller holds, reach outside its scope, or (as an agent) get a secret or change
 * token policy.
 */
class EscalationIT {
  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();
  private static final TestClock CLOCK = TestClock.atNow();
  private static TestKeygate keygate;

  @BeforeAll
  static void start() {
    keygate = FLEET.keygate(TestPostgres.newDatabase(), Map.of(), CLOCK);
  }

  // --- 1. api-keys:create:all is not admin ---

  @Test
  void createAllCannotIssueATokenForTheAdminsKey() {
    TenantFixture t = TenantFixture.create(keygate);
    String creator = t.holder("api-keys:create:all");
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(creator).createToken(CreateTokenRequest.newBuilder()
        .setApiKeyId(t.adminKey()).build()));
    assertThat(keygate.keys(t.admin).listTokens(ListTokensRequest.newBuilder().setApiKeyId(t.adminKey()).build())
        .getTokensCount()).as("no token was added to the admin's key").isEqualTo(1);
  }

  @Test
  void createAllCannotRotateTheAdminsTokenOrChangeItsAccess() {
    TenantFixture t = TenantFixture.create(keygate);
    String creator = t.holder("api-keys:create:all");
    String adminToken = keygate.keys(t.admin).listTokens(ListTokensRequest.newBuilder().setApiKeyId(t.adminKey())
        .build()).getTokens(0).getId();
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(creator).rotateToken(RotateTokenRequest.newBuilder()
        .setTokenId(adminToken).build()));
    assertThat(t.works(t.admin)).as("the admin's secret still works").isTrue();
    // A read-only admin token cannot be made read-write by the creator either.
    CreateApiKeyResponse readOnly = keygate.keys(t.admin).createApiKey(CreateApiKeyRequest.newBuilder()
        .setName("ro admin").setRoleId(t.adminRole()).setInitialToken(TokenSpec.newBuilder()
            .setAccess(TokenAccess.TOKEN_ACCESS_READ_ONLY)).build());
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(creator).updateToken(UpdateTokenRequest.newBuilder()
        .setTokenId(readOnly.getToken().getId()).setAccess(TokenAccess.TOKEN_ACCESS_READ_WRITE).build()));
  }

  @Test
  void createAllCannotDemoteOrChangeTheAdminsKeyAndDeleteAllCannotRevokeIt() {
    TenantFixture t = TenantFixture.create(keygate);
    String creator = t.holder("api-keys:create:all");
    String reader = t.role("orders:read");
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(creator).updateApiKey(UpdateApiKeyRequest
        .newBuilder().setApiKeyId(t.adminKey()).setRoleId(reader).build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(creator).updateApiKey(UpdateApiKeyRequest
        .newBuilder().setApiKeyId(t.adminKey()).setName("mine now").build()));
    String deleter = t.holder("api-keys:delete:all");
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(deleter).revokeApiKey(RevokeApiKeyRequest
        .newBuilder().setApiKeyId(t.adminKey()).build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(deleter).deleteApiKey(DeleteApiKeyRequest
        .newBuilder().setApiKeyId(t.adminKey()).build()));
    assertThat(t.authorize(t.admin, "anything", "write").getHttpStatus()).isEqualTo(200);
  }

  @Test
  void createAllStillManagesKeysThatHoldNoMoreThanItDoes() {
    TenantFixture t = TenantFixture.create(keygate);
    String creatorRole = t.role("api-keys:create:all", "orders:read");
    String creator = t.key(t.user(creatorRole), creatorRole, "").getSecret();
    String reader = t.role("orders:read");
    CreateApiKeyResponse target = t.key(t.user(reader), reader, "");
    String fresh = keygate.keys(creator).createToken(CreateTokenRequest.newBuilder()
        .setApiKeyId(target.getApiKey().getId()).build()).getSecret();
    assertThat(t.authorize(fresh, "orders", "read").getHttpStatus()).isEqualTo(200);
    assertThat(keygate.keys(creator).rotateToken(RotateTokenRequest.newBuilder().setTokenId(target.getToken().getId())
        .build()).getSecret()).startsWith("lk_");
  }

  // --- 2. Permissions from the owner's role (Harness-like tenants) ---

  @Test
  void inAPrincipalRoleTenantAKeyForTheAdminPrincipalIsRefused() {
    TenantFixture t = TenantFixture.create(keygate, TenantSettings.newBuilder()
        .setPermissionSource(PermissionSource.PERMISSION_SOURCE_PRINCIPAL_ROLE).build());
    String creatorRole = t.role("api-keys:create:all", "orders:read");
    String creator = t.key(t.user(creatorRole), "", "").getSecret();
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(creator).createApiKey(CreateApiKeyRequest
        .newBuilder().setName("a star for me").setOwnerPrincipalId(t.adminPrincipal())
        .setInitialToken(TokenSpec.getDefaultInstance()).build()));
    String narrow = t.user(t.role("orders:read"));
    assertThat(keygate.keys(creator).createApiKey(CreateApiKeyRequest.newBuilder().setName("for a reader")
        .setOwnerPrincipalId(narrow).setInitialToken(TokenSpec.getDefaultInstance()).build()).getSecret())
        .startsWith("lk_");
  }

  // --- 3. Tenant settings ---

  @Test
  void tenantWriteCannotGrantItselfEverythingThroughTheDefaultsOrThePermissionSource() {
    TenantFixture t = TenantFixture.create(keygate);
    String writerRole = t.role("tenant:write:all");
    String writerUser = t.user(t.adminRole()); // its owner's role is broader than its key's
    String writer = t.key(writerUser, writerRole, "").getSecret();
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.tenants(writer).updateTenant(UpdateTenantRequest
        .newBuilder().setSettings(TenantSettings.newBuilder().setDefaultPermissions(StringList.newBuilder()
            .addValues("*"))).build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.tenants(writer).updateTenant(UpdateTenantRequest
        .newBuilder().setSettings(TenantSettings.newBuilder()
            .setPermissionSource(PermissionSource.PERMISSION_SOURCE_PRINCIPAL_ROLE)).build()));
    assertThat(t.authorize(writer, "orders", "read").getHttpStatus()).isEqualTo(403);
    // Its own job still works.
    assertThat(keygate.tenants(writer).updateTenant(UpdateTenantRequest.newBuilder().setSettings(TenantSettings
        .newBuilder().setKeyLimitPerMinute(250)).build()).getTenant().getSettings().getKeyLimitPerMinute())
        .isEqualTo(250);
  }

  // --- 4. Roles ---

  @Test
  void rolesWriteCannotRewriteOrDeleteARoleBroaderThanItself() {
    TenantFixture t = TenantFixture.create(keygate);
    String writer = t.holder("roles:write:all", "roles:read:all");
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.roles(writer).updateRole(UpdateRoleRequest.newBuilder()
        .setRoleId(t.adminRole()).setPermissions(StringList.newBuilder().addValues("roles:read:all")).build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.roles(writer).updateRole(UpdateRoleRequest.newBuilder()
        .setRoleId(t.adminRole()).setDescription("mine").build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.roles(writer).deleteRole(DeleteRoleRequest.newBuilder()
        .setRoleId(t.role("orders:*")).build()));
    assertThat(keygate.roles(t.admin).getRole(GetRoleRequest.newBuilder().setRoleId(t.adminRole()).build())
        .getRole().getPermissionsList()).containsExactly("*");
    String narrow = t.role("roles:read:all");
    assertThat(keygate.roles(writer).updateRole(UpdateRoleRequest.newBuilder().setRoleId(narrow)
        .setDescription("within reach").build()).getRole().getDescription()).isEqualTo("within reach");
  }

  @Test
  void theBreakGlassPathWorksAfterTheAdminRoleWasChanged() {
    TestKeygate own = FLEET.keygate();
    String system = own.system.secret();
    String adminRole = own.roles(system).listRoles(io.keygate.v1.ListRolesRequest.getDefaultInstance())
        .getRolesList().stream().filter(r -> r.getName().equals("admin")).findFirst().orElseThrow().getId();
    // The system tenant's own admin narrows its 'admin' role (it may: it holds *), locking itself out.
    own.roles(system).updateRole(UpdateRoleRequest.newBuilder().setRoleId(adminRole)
        .setPermissions(StringList.newBuilder().addValues("roles:read:all")).build());
    var glass = own.server.bootstrap().issueAdminKey();
    assertThat(own.authorizer().authorize(io.keygate.v1.AuthorizeRequest.newBuilder().setCredential(glass.secret())
        .setResource("anything").setAction("write").build()).getHttpStatus())
        .as("the break-glass key holds everything").isEqualTo(200);
    assertThat(own.roles(glass.secret()).getRole(GetRoleRequest.newBuilder().setRoleId(adminRole).build()).getRole()
        .getPermissionsList()).as("what the administrator did to 'admin' is left as it was")
        .containsExactly("roles:read:all");
  }

  // --- 5. Scope containment ---

  @Test
  void aScopeBoundKeyCreatesKeysOnlyInsideItsScope() {
    TenantFixture t = TenantFixture.create(keygate);
    String org = t.scope("");
    String project = t.scope(org);
    String team = t.scope(project);
    String otherOrg = t.scope("");
    String role = t.role("api-keys:create:own", "orders:read");
    String user = t.user(role);
    String bound = t.key(user, role, project).getSecret();
    for (String outside : new String[] {"", org, otherOrg}) {
      assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(bound).createApiKey(CreateApiKeyRequest
          .newBuilder().setName("escape").setRoleId(role).setScopeId(outside)
          .setInitialToken(TokenSpec.getDefaultInstance()).build()));
    }
    assertThat(keygate.keys(bound).createApiKey(CreateApiKeyRequest.newBuilder().setName("inside").setRoleId(role)
        .setScopeId(team).setInitialToken(TokenSpec.getDefaultInstance()).build()).getApiKey().getScopeId())
        .isEqualTo(team);
    // The scope switches apply to management too: with the organisation off, the key does nothing.
    keygate.scopes(t.admin).updateScope(UpdateScopeRequest.newBuilder().setScopeId(org).setApiAccessEnabled(false)
        .build());
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(bound).createApiKey(CreateApiKeyRequest
        .newBuilder().setName("while off").setRoleId(role).setScopeId(team).build()));
  }

  @Test
  void aScopeBoundKeySeesAndChangesNothingOutsideItsScope() {
    TenantFixture t = TenantFixture.create(keygate);
    String project = t.scope("");
    String elsewhere = t.scope("");
    String role = t.role("scopes:*", "principals:*", "roles:*", "tenant:*", "audit:read:all");
    String bound = t.key(t.user(role), role, project).getSecret();
    assertStatus(Status.Code.NOT_FOUND, () -> keygate.scopes(bound).getScope(GetScopeRequest.newBuilder()
        .setScopeId(elsewhere).build()));
    assertStatus(Status.Code.NOT_FOUND, () -> keygate.scopes(bound).updateScope(UpdateScopeRequest.newBuilder()
        .setScopeId(elsewhere).setApiAccessEnabled(false).build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.roles(bound).updateRole(UpdateRoleRequest.newBuilder()
        .setRoleId(t.role("orders:read")).setDescription("tenant-wide").build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.tenants(bound).updateTenant(UpdateTenantRequest
        .newBuilder().setSettings(TenantSettings.newBuilder().setKeyLimitPerMinute(1)).build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.audit(bound).listAuditEvents(
        ListAuditEventsRequest.getDefaultInstance()));
    String outsider = t.user("");
    assertStatus(Status.Code.NOT_FOUND, () -> keygate.principals(bound).updatePrincipal(UpdatePrincipalRequest
        .newBuilder().setPrincipalId(outsider).setDisplayName("taken over").build()));
    assertThat(keygate.principals(bound).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT).setDisplayName("inside").setScopeId(project).build())
        .getPrincipal().getScopeId()).isEqualTo(project);
  }

  // --- 6. Agents ---

  @Test
  void anAgentGetsNoSecretAndChangesNoTenantPolicy() {
    String system = keygate.system.secret();
    var systemTenant = keygate.tenants(system).getTenant(io.keygate.v1.GetTenantRequest.getDefaultInstance())
        .getTenant();
    String parent = keygate.keys(system).getApiKey(io.keygate.v1.GetApiKeyRequest.newBuilder()
        .setApiKeyId(keygate.system.apiKeyId()).build()).getApiKey().getOwnerPrincipalId();
    String role = keygate.roles(system).createRole(io.keygate.v1.CreateRoleRequest.newBuilder().setName("agent-ops")
        .addPermissions("tenants:create:all").addPermissions("tenant:write:all").build()).getRole().getId();
    String agent = keygate.principals(system).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_AGENT).setDisplayName("ops bot").setParentPrincipalId(parent)
        .setRoleId(role).build()).getPrincipal().getId();
    String agentSecret = keygate.keys(system).createApiKey(CreateApiKeyRequest.newBuilder().setName("bot key")
        .setOwnerPrincipalId(agent).setRoleId(role).setInitialToken(TokenSpec.getDefaultInstance()).build())
        .getSecret();
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.tenants(agentSecret).createTenant(CreateTenantRequest
        .newBuilder().setName("agent-made").build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.tenants(agentSecret).updateTenant(UpdateTenantRequest
        .newBuilder().setSettings(TenantSettings.newBuilder().setMaxActiveTokensPerPrincipal(0)
            .setMaxTokenLifetime(Lifetime.newBuilder().setAmount(0))).build()));
    assertThat(keygate.tenants(system).getTenant(io.keygate.v1.GetTenantRequest.getDefaultInstance()).getTenant()
        .getSettings()).isEqualTo(systemTenant.getSettings());
  }

  // --- 7. The token cap holds on every path that makes a token active again ---

  @Test
  void extendingExpiredTokensCannotLiftTheCap() {
    TenantFixture t = TenantFixture.create(keygate, TenantSettings.newBuilder().setMaxActiveTokensPerPrincipal(2)
        .build());
    String reader = t.role("orders:read");
    String user = t.user(reader);
    CreateApiKeyResponse first = keygate.keys(t.admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("k")
        .setOwnerPrincipalId(user).setRoleId(reader).setInitialToken(TokenSpec.newBuilder()
            .setExpiration(inHours(1))).build());
    String second = keygate.keys(t.admin).createToken(CreateTokenRequest.newBuilder()
        .setApiKeyId(first.getApiKey().getId()).setToken(TokenSpec.newBuilder().setExpiration(inHours(1))).build())
        .getToken().getId();
    CLOCK.advance(2 * 3_600_000L);
    // Both expired: two fresh ones fit again.
    keygate.keys(t.admin).createToken(CreateTokenRequest.newBuilder().setApiKeyId(first.getApiKey().getId()).build());
    keygate.keys(t.admin).createToken(CreateTokenRequest.newBuilder().setApiKeyId(first.getApiKey().getId()).build());
    assertStatus(Status.Code.FAILED_PRECONDITION, () -> keygate.keys(t.admin).updateToken(UpdateTokenRequest
        .newBuilder().setTokenId(second).setExpiration(inHours(24)).build()))
        .hasMessageContaining("maximum is 2");
    assertStatus(Status.Code.FAILED_PRECONDITION, () -> keygate.keys(t.admin).rotateToken(RotateTokenRequest
        .newBuilder().setTokenId(first.getToken().getId()).setExpiration(inHours(24)).build()));
  }

  @Test
  void extendingAnExpiredKeyCannotLiftTheCap() {
    TenantFixture t = TenantFixture.create(keygate, TenantSettings.newBuilder().setMaxActiveTokensPerPrincipal(2)
        .build());
    String reader = t.role("orders:read");
    String user = t.user(reader);
    CreateApiKeyResponse lapsing = keygate.keys(t.admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("k")
        .setOwnerPrincipalId(user).setRoleId(reader).setExpiration(inHours(1))
        .setInitialToken(TokenSpec.getDefaultInstance()).build());
    keygate.keys(t.admin).createToken(CreateTokenRequest.newBuilder().setApiKeyId(lapsing.getApiKey().getId())
        .build());
    CLOCK.advance(2 * 3_600_000L);
    t.key(user, reader, "");
    t.key(user, reader, "");
    assertStatus(Status.Code.FAILED_PRECONDITION, () -> keygate.keys(t.admin).updateApiKey(UpdateApiKeyRequest
        .newBuilder().setApiKeyId(lapsing.getApiKey().getId()).setExpiration(inHours(24)).build()));
  }

  // --- 8. Rotation: at most one earlier secret in grace; grace 0 ends them all ---

  @Test
  void aRotationWithoutGraceEndsEveryEarlierSecret() {
    TenantFixture t = TenantFixture.create(keygate);
    String reader = t.role("orders:read");
    CreateApiKeyResponse key = t.key(t.user(reader), reader, "");
    String tokenId = key.getToken().getId();
    String s0 = key.getSecret();
    String s1 = rotate(t.admin, tokenId, 3600);
    assertThat(t.works(s0)).as("the first secret, in grace").isTrue();
    String s2 = rotate(t.admin, tokenId, 3600);
    assertThat(t.works(s0)).as("only the latest earlier secret stays in grace").isFalse();
    assertThat(t.works(s1)).isTrue();
    String s3 = rotate(t.admin, tokenId, 0);
    assertThat(t.works(s0)).isFalse();
    assertThat(t.works(s1)).isFalse();
    assertThat(t.works(s2)).as("a rotation without grace ends every earlier secret").isFalse();
    assertThat(t.works(s3)).isTrue();
  }

  // --- 18. No existence oracle: permission first ---

  @Test
  void withoutThePermissionAnExistingIdAndAMissingOneAnswerAlike() {
    TenantFixture t = TenantFixture.create(keygate);
    String nobody = t.holder("orders:read");
    String role = t.role("orders:read");
    String scope = t.scope("");
    String principal = t.user("");
    for (String[] ids : new String[][] {{role, "rol_01jz0000000000000000000000"}}) {
      for (String id : ids) {
        assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.roles(nobody).getRole(GetRoleRequest.newBuilder()
            .setRoleId(id).build()));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.roles(nobody).updateRole(UpdateRoleRequest
            .newBuilder().setRoleId(id).setDescription("x").build()));
      }
    }
    for (String id : new String[] {scope, "scp_01jz0000000000000000000000"}) {
      assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.scopes(nobody).getScope(GetScopeRequest.newBuilder()
          .setScopeId(id).build()));
    }
    for (String id : new String[] {principal, "prn_01jz0000000000000000000000"}) {
      assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.principals(nobody).getPrincipal(GetPrincipalRequest
          .newBuilder().setPrincipalId(id).build()));
    }
  }

  private static String rotate(String admin, String tokenId, long graceSeconds) {
    return keygate.keys(admin).rotateToken(RotateTokenRequest.newBuilder().setTokenId(tokenId)
        .setGracePeriod(Duration.newBuilder().setSeconds(graceSeconds)).build()).getSecret();
  }

  private static Expiration inHours(int hours) {
    return Expiration.newBuilder().setAfter(Lifetime.newBuilder().setAmount(hours)
        .setUnit(LifetimeUnit.LIFETIME_UNIT_HOURS)).build();
  }
}
