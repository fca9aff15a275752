package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.keygate.v1.ApiKey;
import io.keygate.v1.AuditEvent;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.CreateTokenRequest;
import io.keygate.v1.DeleteApiKeyRequest;
import io.keygate.v1.DeletePrincipalRequest;
import io.keygate.v1.DeleteRoleRequest;
import io.keygate.v1.DeleteScopeRequest;
import io.keygate.v1.DeleteTokenRequest;
import io.keygate.v1.GetApiKeyRequest;
import io.keygate.v1.GetPrincipalRequest;
import io.keygate.v1.GetRoleRequest;
import io.keygate.v1.GetScopeRequest;
import io.keygate.v1.GetTenantRequest;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.ListAuditEventsRequest;
import io.keygate.v1.ListPrincipalsRequest;
import io.keygate.v1.ListRolesRequest;
import io.keygate.v1.ListScopesRequest;
import io.keygate.v1.ListTokensRequest;
import io.keygate.v1.Principal;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.RevokeApiKeyRequest;
import io.keygate.v1.Role;
import io.keygate.v1.RotateTokenRequest;
import io.keygate.v1.Scope;
import io.keygate.v1.Token;
import io.keygate.v1.TokenAccess;
import io.keygate.v1.TokenSpec;
import io.keygate.v1.UpdateApiKeyRequest;
import io.keygate.v1.UpdatePrincipalRequest;
import io.keygate.v1.UpdateRoleRequest;
import io.keygate.v1.UpdateScopeRequest;
import io.keygate.v1.UpdateTenantRequest;
import io.keygate.v1.UpdateTokenRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestFactory;

/**
 * Nothing crosses a tenant boundary. Two tenants hold objects with identical names; every RPC that
 * addresses an object by id answers another tenant's id exactly as it answers an id that does not
 * exist (same code, same message but for the id), for callers with every permission and with none,
 * so no answer tells that the object exists; for an admin that answer is NOT_FOUND. Every list, the
 * audit log included, returns only the caller's tenant's objects, also when filtered by another
 * tenant's ids.
 */
class TenantIsolationIT {
  private static TestKeygate keygate;
  private static World a;
  private static World b;

  /** One tenant's objects, all named the same in both tenants. */
  private record World(CreateTenantResponse tenant, String admin, Map<String, String> callers, String scope,
      String user, String agent, String role, String key, String token) {
    String tenantId() {
      return tenant.getTenant().getId();
    }

    List<String> ids() {
      return List.of(tenantId(), scope, user, agent, role, key, token, tenant.getAdminPrincipal().getId(),
          tenant.getAdminApiKeyId());
    }
  }

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  @BeforeAll
  static void start() {
    keygate = FLEET.keygate();
    a = world("twin");
    b = world("twin");
  }


  private static World world(String name) {
    CreateTenantResponse tenant = keygate.newTenant(name);
    String admin = tenant.getAdminSecret();
    String adminRole = tenant.getAdminPrincipal().getRoleId();
    String scope = keygate.scopes(admin).createScope(CreateScopeRequest.newBuilder().setName("same scope").build())
        .getScope().getId();
    String role = keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("same role")
        .addPermissions("orders:read").build()).getRole().getId();
    String user = keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_USER).setDisplayName("Same Name").setScopeId(scope).setRoleId(role)
        .build()).getPrincipal().getId();
    String agent = keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_AGENT).setDisplayName("Same Bot").setParentPrincipalId(user).build())
        .getPrincipal().getId();
    CreateApiKeyResponse key = keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("same key")
        .setOwnerPrincipalId(user).setScopeId(scope).setRoleId(role).setInitialToken(TokenSpec.getDefaultInstance())
        .build());
    Map<String, String> callers = new LinkedHashMap<>();
    callers.put("admin", admin);
    callers.put("no permission", secret(admin, user, role, TokenAccess.TOKEN_ACCESS_READ_WRITE));
    callers.put("read-only admin", secret(admin, "", adminRole, TokenAccess.TOKEN_ACCESS_READ_ONLY));
    callers.put("agent admin", secret(admin, agent, adminRole, TokenAccess.TOKEN_ACCESS_READ_WRITE));
    return new World(tenant, admin, callers, scope, user, agent, role, key.getApiKey().getId(),
        key.getToken().getId());
  }

  private static String secret(String admin, String owner, String role, TokenAccess access) {
    return keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("caller")
        .setOwnerPrincipalId(owner).setRoleId(role).setInitialToken(TokenSpec.newBuilder().setAccess(access))
        .build()).getSecret();
  }

  private static final String NO_SCOPE = "scp_00000000000000000000000000";
  private static final String NO_PRINCIPAL = "prn_00000000000000000000000000";
  private static final String NO_ROLE = "rol_00000000000000000000000000";
  private static final String NO_KEY = "key_00000000000000000000000000";
  private static final String NO_TOKEN = "tok_00000000000000000000000000";
  private static final String NO_TENANT = "ten_00000000000000000000000000";

  /** Each RPC that addresses an object by id: (secret, id) → call, and A's object and a missing one. */
  private record ById(String rpc, Function<World, String> target, String missing,
      BiFunction<String, String, Object> call) {}

  private static List<ById> byId() {
    return List.of(
        new ById("GetTenant", World::tenantId, NO_TENANT, (s, id) -> keygate.tenants(s).getTenant(
            GetTenantRequest.newBuilder().setTenantId(id).build())),
        new ById("UpdateTenant", World::tenantId, NO_TENANT, (s, id) -> keygate.tenants(s).updateTenant(
            UpdateTenantRequest.newBuilder().setTenantId(id).setName("stolen").build())),
        new ById("CreateScope(parent_id)", World::scope, NO_SCOPE, (s, id) -> keygate.scopes(s).createScope(
            CreateScopeRequest.newBuilder().setParentId(id).setName("under").build())),
        new ById("GetScope", World::scope, NO_SCOPE, (s, id) -> keygate.scopes(s).getScope(
            GetScopeRequest.newBuilder().setScopeId(id).build())),
        new ById("UpdateScope", World::scope, NO_SCOPE, (s, id) -> keygate.scopes(s).updateScope(
            UpdateScopeRequest.newBuilder().setScopeId(id).setApiAccessEnabled(false).build())),
        new ById("DeleteScope", World::scope, NO_SCOPE, (s, id) -> keygate.scopes(s).deleteScope(
            DeleteScopeRequest.newBuilder().setScopeId(id).build())),
        new ById("CreatePrincipal(parent_principal_id)", World::user, NO_PRINCIPAL, (s, id) -> keygate
            .principals(s).createPrincipal(CreatePrincipalRequest.newBuilder()
                .setKind(PrincipalKind.PRINCIPAL_KIND_AGENT).setDisplayName("x").setParentPrincipalId(id).build())),
        new ById("CreatePrincipal(role_id)", World::role, NO_ROLE, (s, id) -> keygate.principals(s).createPrincipal(
            CreatePrincipalRequest.newBuilder().setKind(PrincipalKind.PRINCIPAL_KIND_USER).setDisplayName("x")
                .setRoleId(id).build())),
        new ById("GetPrincipal", World::user, NO_PRINCIPAL, (s, id) -> keygate.principals(s).getPrincipal(
            GetPrincipalRequest.newBuilder().setPrincipalId(id).build())),
        new ById("UpdatePrincipal", World::user, NO_PRINCIPAL, (s, id) -> keygate.principals(s).updatePrincipal(
            UpdatePrincipalRequest.newBuilder().setPrincipalId(id).setDisplayName("stolen").build())),
        new ById("DeletePrincipal", World::agent, NO_PRINCIPAL, (s, id) -> keygate.principals(s).deletePrincipal(
            DeletePrincipalRequest.newBuilder().setPrincipalId(id).build())),
        new ById("GetRole", World::role, NO_ROLE, (s, id) -> keygate.roles(s).getRole(
            GetRoleRequest.newBuilder().setRoleId(id).build())),
        new ById("UpdateRole", World::role, NO_ROLE, (s, id) -> keygate.roles(s).updateRole(
            UpdateRoleRequest.newBuilder().setRoleId(id).setDescription("stolen").build())),
        new ById("DeleteRole", World::role, NO_ROLE, (s, id) -> keygate.roles(s).deleteRole(
            DeleteRoleRequest.newBuilder().setRoleId(id).build())),
        new ById("CreateApiKey(owner_principal_id)", World::user, NO_PRINCIPAL, (s, id) -> keygate.keys(s)
            .createApiKey(CreateApiKeyRequest.newBuilder().setName("x").setOwnerPrincipalId(id).build())),
        new ById("CreateApiKey(scope_id)", World::scope, NO_SCOPE, (s, id) -> keygate.keys(s).createApiKey(
            CreateApiKeyRequest.newBuilder().setName("x").setScopeId(id).build())),
        new ById("CreateApiKey(role_id)", World::role, NO_ROLE, (s, id) -> keygate.keys(s).createApiKey(
            CreateApiKeyRequest.newBuilder().setName("x").setRoleId(id).build())),
        new ById("GetApiKey", World::key, NO_KEY, (s, id) -> keygate.keys(s).getApiKey(
            GetApiKeyRequest.newBuilder().setApiKeyId(id).build())),
        new ById("UpdateApiKey", World::key, NO_KEY, (s, id) -> keygate.keys(s).updateApiKey(
            UpdateApiKeyRequest.newBuilder().setApiKeyId(id).setName("stolen").build())),
        new ById("RevokeApiKey", World::key, NO_KEY, (s, id) -> keygate.keys(s).revokeApiKey(
            RevokeApiKeyRequest.newBuilder().setApiKeyId(id).build())),
        new ById("DeleteApiKey", World::key, NO_KEY, (s, id) -> keygate.keys(s).deleteApiKey(
            DeleteApiKeyRequest.newBuilder().setApiKeyId(id).build())),
        new ById("CreateToken", World::key, NO_KEY, (s, id) -> keygate.keys(s).createToken(
            CreateTokenRequest.newBuilder().setApiKeyId(id).build())),
        new ById("ListTokens", World::key, NO_KEY, (s, id) -> keygate.keys(s).listTokens(
            ListTokensRequest.newBuilder().setApiKeyId(id).build())),
        new ById("UpdateToken", World::token, NO_TOKEN, (s, id) -> keygate.keys(s).updateToken(
            UpdateTokenRequest.newBuilder().setTokenId(id).setName("stolen").build())),
        new ById("RotateToken", World::token, NO_TOKEN, (s, id) -> keygate.keys(s).rotateToken(
            RotateTokenRequest.newBuilder().setTokenId(id).build())),
        new ById("DeleteToken", World::token, NO_TOKEN, (s, id) -> keygate.keys(s).deleteToken(
            DeleteTokenRequest.newBuilder().setTokenId(id).build())));
  }

  @TestFactory
  Stream<DynamicTest> anotherTenantsObjectAnswersExactlyLikeAMissingOne() {
    return byId().stream().flatMap(rpc -> b.callers().entrySet().stream().map(caller -> dynamicTest(
        rpc.rpc() + " × " + caller.getKey() + " of another tenant", () -> {
          String auditBefore = auditOf(a);
          Status foreign = status(() -> rpc.call().apply(caller.getValue(), rpc.target().apply(a)));
          Status missing = status(() -> rpc.call().apply(caller.getValue(), rpc.missing()));
          assertThat(foreign.getCode()).as("%s for another tenant's id vs a missing id", rpc.rpc())
              .isEqualTo(missing.getCode()).isNotEqualTo(Status.Code.OK);
          assertThat(String.valueOf(foreign.getDescription()).replace(rpc.target().apply(a), "<id>"))
              .isEqualTo(String.valueOf(missing.getDescription()).replace(rpc.missing(), "<id>"));
          if (caller.getKey().equals("admin")) {
            assertThat(foreign.getCode()).isEqualTo(Status.Code.NOT_FOUND);
          }
          assertThat(auditOf(a)).as("the other tenant's audit log").isEqualTo(auditBefore);
        })));
  }

  @Test
  void everyListReturnsOnlyTheCallersTenantThoughNamesAreIdentical() {
    for (World mine : List.of(a, b)) {
      World theirs = mine == a ? b : a;
      String s = mine.admin();
      List<Scope> scopes = keygate.scopes(s).listScopes(ListScopesRequest.newBuilder().setPageSize(1000).build())
          .getScopesList();
      assertThat(scopes).extracting(Scope::getId).contains(mine.scope()).doesNotContain(theirs.scope());
      assertThat(scopes).extracting(Scope::getTenantId).containsOnly(mine.tenantId());
      List<Principal> principals = keygate.principals(s).listPrincipals(ListPrincipalsRequest.newBuilder()
          .setPageSize(1000).build()).getPrincipalsList();
      assertThat(principals).extracting(Principal::getId).contains(mine.user(), mine.agent())
          .doesNotContainAnyElementsOf(theirs.ids());
      assertThat(principals).extracting(Principal::getTenantId).containsOnly(mine.tenantId());
      List<Role> roles = keygate.roles(s).listRoles(ListRolesRequest.newBuilder().setPageSize(1000).build())
          .getRolesList();
      assertThat(roles).extracting(Role::getId).contains(mine.role()).doesNotContain(theirs.role());
      assertThat(roles).extracting(Role::getTenantId).containsOnly(mine.tenantId());
      List<ApiKey> keys = keygate.keys(s).listApiKeys(ListApiKeysRequest.newBuilder().setPageSize(1000).build())
          .getApiKeysList();
      assertThat(keys).extracting(ApiKey::getId).contains(mine.key()).doesNotContainAnyElementsOf(theirs.ids());
      assertThat(keys).extracting(ApiKey::getTenantId).containsOnly(mine.tenantId());
      assertThat(keygate.keys(s).listTokens(ListTokensRequest.newBuilder().setApiKeyId(mine.key()).build())
          .getTokensList()).extracting(Token::getId).containsExactly(mine.token());
      List<AuditEvent> audit = keygate.audit(s).listAuditEvents(ListAuditEventsRequest.newBuilder()
          .setPageSize(1000).build()).getEventsList();
      assertThat(audit).extracting(AuditEvent::getTargetId).contains(mine.key(), mine.scope(), mine.role())
          .doesNotContainAnyElementsOf(theirs.ids());
      assertThat(audit).extracting(AuditEvent::getTenantId).containsOnly(mine.tenantId());
    }
  }

  @Test
  void listsFilteredByAnotherTenantsIdsAreEmpty() {
    String s = a.admin();
    assertThat(keygate.scopes(s).listScopes(ListScopesRequest.newBuilder().setParentId(b.scope()).build())
        .getScopesCount()).isZero();
    assertThat(keygate.principals(s).listPrincipals(ListPrincipalsRequest.newBuilder()
        .setParentPrincipalId(b.user()).build()).getPrincipalsCount()).isZero();
    for (ListApiKeysRequest filter : List.of(
        ListApiKeysRequest.newBuilder().setOwnerPrincipalId(b.user()).build(),
        ListApiKeysRequest.newBuilder().setScopeId(b.scope()).build(),
        ListApiKeysRequest.newBuilder().setRoleId(b.role()).build())) {
      assertThat(keygate.keys(s).listApiKeys(filter).getApiKeysCount()).as("%s", filter).isZero();
    }
    for (ListAuditEventsRequest filter : List.of(
        ListAuditEventsRequest.newBuilder().setTargetId(b.key()).build(),
        ListAuditEventsRequest.newBuilder().setTargetId(b.tenantId()).build(),
        ListAuditEventsRequest.newBuilder().setActorPrincipalId(b.tenant().getAdminPrincipal().getId()).build(),
        ListAuditEventsRequest.newBuilder().setActorApiKeyId(b.tenant().getAdminApiKeyId()).build())) {
      assertThat(keygate.audit(s).listAuditEvents(filter).getEventsCount()).as("%s", filter).isZero();
    }
    assertThat(keygate.keys(keygate.system.secret()).listApiKeys(ListApiKeysRequest.newBuilder().setPageSize(1000)
        .build()).getApiKeysList()).extracting(ApiKey::getId).doesNotContain(a.key(), b.key(),
        a.tenant().getAdminApiKeyId(), b.tenant().getAdminApiKeyId());
  }

  private static String auditOf(World world) {
    return keygate.audit(world.admin()).listAuditEvents(ListAuditEventsRequest.newBuilder().setPageSize(1)
        .build()).getEvents(0).toString();
  }

  private static Status status(Runnable call) {
    try {
      call.run();
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }
}
