package io.keygate.it;

import static io.keygate.it.Grpc.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Status;
import io.keygate.keys.SecretFormat;
import io.keygate.v1.AcceptedCredentials;
import io.keygate.v1.ApiKey;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.CreateTenantRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.CreateTokenRequest;
import io.keygate.v1.DeleteApiKeyRequest;
import io.keygate.v1.GetApiKeyRequest;
import io.keygate.v1.GetTenantRequest;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.ListTenantsRequest;
import io.keygate.v1.ListTokensRequest;
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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who may call what: authentication, tenant isolation, own/team/all, agents, no self-escalation. */
class ManagementAccessIT {
  private static TestKeygate keygate;
  private static CreateTenantResponse acme;
  private static String admin;

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  @BeforeAll
  static void start() {
    keygate = FLEET.keygate();
    acme = keygate.newTenant("acme");
    admin = acme.getAdminSecret();
  }


  @Test
  void callsWithoutAValidCredentialAreUnauthenticated() {
    ApiKeyServiceGrpc.ApiKeyServiceBlockingStub anonymous = ApiKeyServiceGrpc.newBlockingStub(keygate.channel);
    assertStatus(Status.Code.UNAUTHENTICATED, () -> anonymous.listApiKeys(ListApiKeysRequest.getDefaultInstance()));
    assertStatus(Status.Code.UNAUTHENTICATED, () -> keygate.keys("lk_nope").listApiKeys(
        ListApiKeysRequest.getDefaultInstance())).hasMessageContaining("well-formed");
    assertStatus(Status.Code.UNAUTHENTICATED, () -> keygate.keys(new SecretFormat("lk_").generate()).listApiKeys(
        ListApiKeysRequest.getDefaultInstance())).hasMessageContaining("not valid");

    CreateApiKeyResponse revoked = keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("gone")
        .setRoleId(acme.getAdminPrincipal().getRoleId()).setInitialToken(TokenSpec.getDefaultInstance()).build());
    keygate.keys(admin).revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(revoked.getApiKey().getId())
        .build());
    assertStatus(Status.Code.UNAUTHENTICATED, () -> keygate.keys(revoked.getSecret()).listApiKeys(
        ListApiKeysRequest.getDefaultInstance())).hasMessageContaining("revoked");
  }

  @Test
  void bearerIsRefusedForAHeaderOnlyTenantAndAcceptedForOthers() {
    CreateTenantResponse headerOnly = keygate.newTenant("header-only", TenantSettings.newBuilder()
        .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_API_KEY_HEADER).build());
    Metadata bearer = TestKeygate.bearer(headerOnly.getAdminSecret());
    assertStatus(Status.Code.UNAUTHENTICATED, () -> TestKeygate.with(ApiKeyServiceGrpc.newBlockingStub(
        keygate.channel), bearer).listApiKeys(ListApiKeysRequest.getDefaultInstance()))
        .hasMessageContaining("x-api-key");
    assertThat(TestKeygate.with(ApiKeyServiceGrpc.newBlockingStub(keygate.channel), TestKeygate.bearer(admin))
        .listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount()).isPositive();
  }

  @Test
  void anotherTenantsObjectsAreNotFound() {
    CreateTenantResponse other = keygate.newTenant("other");
    String otherKey = other.getAdminApiKeyId();
    String otherAdmin = other.getAdminSecret();
    assertStatus(Status.Code.NOT_FOUND, () -> keygate.keys(admin).getApiKey(GetApiKeyRequest.newBuilder()
        .setApiKeyId(otherKey).build()));
    assertStatus(Status.Code.NOT_FOUND, () -> keygate.keys(admin).deleteApiKey(DeleteApiKeyRequest.newBuilder()
        .setApiKeyId(otherKey).build()));
    assertStatus(Status.Code.NOT_FOUND, () -> keygate.keys(admin).updateApiKey(UpdateApiKeyRequest.newBuilder()
        .setApiKeyId(otherKey).setName("stolen").build()));
    assertStatus(Status.Code.NOT_FOUND, () -> keygate.keys(admin).listTokens(ListTokensRequest.newBuilder()
        .setApiKeyId(otherKey).build()));
    String otherToken = keygate.keys(otherAdmin).listTokens(ListTokensRequest.newBuilder().setApiKeyId(otherKey)
        .build()).getTokens(0).getId();
    assertStatus(Status.Code.NOT_FOUND, () -> keygate.keys(admin).rotateToken(RotateTokenRequest.newBuilder()
        .setTokenId(otherToken).build()));
    assertStatus(Status.Code.NOT_FOUND, () -> keygate.tenants(admin).getTenant(GetTenantRequest.newBuilder()
        .setTenantId(other.getTenant().getId()).build()));
    assertThat(keygate.keys(admin).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysList())
        .extracting(ApiKey::getTenantId).containsOnly(acme.getTenant().getId());
    assertStatus(Status.Code.NOT_FOUND, () -> keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder()
        .setName("x").setOwnerPrincipalId(other.getAdminPrincipal().getId()).build()));
  }

  @Test
  void onlySystemTenantAdminsManageTenants() {
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.tenants(admin).createTenant(
        CreateTenantRequest.newBuilder().setName("rogue").build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.tenants(admin).listTenants(
        ListTenantsRequest.getDefaultInstance()));
    assertThat(keygate.tenants(keygate.system.secret()).listTenants(ListTenantsRequest.getDefaultInstance())
        .getTenantsCount()).isGreaterThanOrEqualTo(2);
    assertThat(keygate.tenants(admin).getTenant(GetTenantRequest.getDefaultInstance()).getTenant().getId())
        .isEqualTo(acme.getTenant().getId());
  }

  @Test
  void readPermissionsDecideWhichKeysAreVisible() {
    String team = keygate.scopes(admin).createScope(CreateScopeRequest.newBuilder().setName("blue team").build())
        .getScope().getId();
    String teamReader = role("team-reader", "api-keys:read:team");
    String ownReader = role("own-reader", "api-keys:read:own");
    String nothing = role("nothing", "orders:read");
    String alice = user("alice", teamReader, team);
    String bob = user("bob", ownReader, team);
    String carol = user("carol", nothing, "");
    String aliceKey = key(alice, teamReader);
    String bobKey = key(bob, ownReader);
    String carolKey = key(carol, nothing);
    String teamBound = keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("team bound")
        .setScopeId(team).build()).getApiKey().getId();

    List<String> aliceSees = visible(aliceKey);
    assertThat(aliceSees).contains(teamBound, ownerKeyId(bobKey)).doesNotContain(acme.getAdminApiKeyId());
    assertThat(visible(bobKey)).containsExactly(ownerKeyId(bobKey));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> visible(carolKey));
    assertStatus(Status.Code.NOT_FOUND, () -> keygate.keys(bobKey).getApiKey(GetApiKeyRequest.newBuilder()
        .setApiKeyId(teamBound).build()));
    assertThat(visible(admin)).contains(teamBound, acme.getAdminApiKeyId());
  }

  @Test
  void ownPermissionsCoverOwnKeysAndManagedAgentsOnly() {
    String selfService = role("self-service", "api-keys:read:own", "api-keys:create:own", "api-keys:delete:own");
    String dana = user("dana", selfService, "");
    String danaKey = key(dana, selfService);
    String agent = keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_AGENT).setDisplayName("dana's bot").setParentPrincipalId(dana).build())
        .getPrincipal().getId();
    String service = keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT).setDisplayName("etl").build()).getPrincipal().getId();

    CreateApiKeyResponse forBot = keygate.keys(danaKey).createApiKey(CreateApiKeyRequest.newBuilder()
        .setName("bot key").setOwnerPrincipalId(agent).setInitialToken(TokenSpec.getDefaultInstance()).build());
    assertThat(forBot.getSecret()).isNotEmpty();
    assertThat(keygate.keys(danaKey).createApiKey(CreateApiKeyRequest.newBuilder().setName("mine").build())
        .getApiKey().getOwnerPrincipalId()).isEqualTo(dana);
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(danaKey).createApiKey(
        CreateApiKeyRequest.newBuilder().setName("not mine").setOwnerPrincipalId(service).build()))
        .hasMessageContaining("api-keys:create:all");
    assertStatus(Status.Code.NOT_FOUND, () -> keygate.keys(danaKey).deleteApiKey(DeleteApiKeyRequest.newBuilder()
        .setApiKeyId(acme.getAdminApiKeyId()).build()));
    assertThat(keygate.keys(danaKey).deleteApiKey(DeleteApiKeyRequest.newBuilder()
        .setApiKeyId(forBot.getApiKey().getId()).build()).getDeletedTokens()).isEqualTo(1);
  }

  @Test
  void createAllWithoutDeleteAllCannotDelete() {
    String creator = role("creator", "api-keys:read:all", "api-keys:create:all");
    String creatorKey = key(user("erin", creator, ""), creator);
    String victim = keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("victim").build())
        .getApiKey().getId();
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(creatorKey).deleteApiKey(
        DeleteApiKeyRequest.newBuilder().setApiKeyId(victim).build())).hasMessageContaining("api-keys:delete:all");
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(creatorKey).revokeApiKey(
        RevokeApiKeyRequest.newBuilder().setApiKeyId(victim).build()));
  }

  @Test
  void agentsNeverManageKeysEvenWithEveryPermission() {
    String agent = keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_AGENT).setDisplayName("bot")
        .setParentPrincipalId(acme.getAdminPrincipal().getId()).build()).getPrincipal().getId();
    CreateApiKeyResponse agentKey = keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder()
        .setName("bot").setOwnerPrincipalId(agent).setRoleId(acme.getAdminPrincipal().getRoleId())
        .setInitialToken(TokenSpec.getDefaultInstance()).build());
    String secret = agentKey.getSecret();
    assertThat(keygate.keys(secret).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount())
        .isPositive();
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(secret).createApiKey(
        CreateApiKeyRequest.newBuilder().setName("more").build())).hasMessageContaining("agents");
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(secret).createToken(CreateTokenRequest.newBuilder()
        .setApiKeyId(agentKey.getApiKey().getId()).build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(secret).rotateToken(RotateTokenRequest.newBuilder()
        .setTokenId(agentKey.getToken().getId()).build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(secret).deleteApiKey(DeleteApiKeyRequest
        .newBuilder().setApiKeyId(agentKey.getApiKey().getId()).build()));
  }

  @Test
  void nobodyCreatesTokensForInternalAgents() {
    String internal = keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_AGENT).setDisplayName("runner").setInternal(true)
        .setParentPrincipalId(acme.getAdminPrincipal().getId()).build()).getPrincipal().getId();
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(admin).createApiKey(CreateApiKeyRequest
        .newBuilder().setName("internal").setOwnerPrincipalId(internal).build()))
        .hasMessageContaining("internal agents");
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.principals(admin).createPrincipal(
        CreatePrincipalRequest.newBuilder().setKind(PrincipalKind.PRINCIPAL_KIND_USER).setDisplayName("x")
            .setInternal(true).build()));
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.principals(admin).createPrincipal(
        CreatePrincipalRequest.newBuilder().setKind(PrincipalKind.PRINCIPAL_KIND_AGENT).setDisplayName("orphan")
            .build())).hasMessageContaining("parent_principal_id");
  }

  @Test
  void noKeyCanGrantMoreThanItHoldsOrChangeItsOwnRole() {
    String keyAdmin = role("key-admin", "api-keys:*", "roles:*");
    String frank = user("frank", keyAdmin, "");
    String frankKey = key(frank, keyAdmin);
    String frankKeyId = ownerKeyId(frankKey);
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(frankKey).createApiKey(CreateApiKeyRequest
        .newBuilder().setName("escalate").setRoleId(acme.getAdminPrincipal().getRoleId()).build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.roles(frankKey).createRole(CreateRoleRequest
        .newBuilder().setName("super").addPermissions("*").build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.roles(frankKey).updateRole(UpdateRoleRequest
        .newBuilder().setRoleId(keyAdmin).setPermissions(StringList.newBuilder().addValues("*")).build()));
    String weaker = role("weaker", "api-keys:read:all");
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(frankKey).updateApiKey(UpdateApiKeyRequest
        .newBuilder().setApiKeyId(frankKeyId).setRoleId(weaker).build())).hasMessageContaining("own role");
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.principals(admin).updatePrincipal(
        UpdatePrincipalRequest.newBuilder().setPrincipalId(acme.getAdminPrincipal().getId()).setRoleId(weaker)
            .build()));
  }

  @Test
  void readOnlyTokensCannotChangeAnything() {
    CreateApiKeyResponse readOnly = keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder()
        .setName("auditor").setRoleId(acme.getAdminPrincipal().getRoleId())
        .setInitialToken(TokenSpec.newBuilder().setAccess(TokenAccess.TOKEN_ACCESS_READ_ONLY)).build());
    assertThat(keygate.keys(readOnly.getSecret()).listApiKeys(ListApiKeysRequest.getDefaultInstance())
        .getApiKeysCount()).isPositive();
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(readOnly.getSecret()).createApiKey(
        CreateApiKeyRequest.newBuilder().setName("nope").build())).hasMessageContaining("read-only");
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.roles(readOnly.getSecret()).createRole(
        CreateRoleRequest.newBuilder().setName("nope").build()));
  }

  private static String role(String name, String... permissions) {
    return keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName(name)
        .addAllPermissions(List.of(permissions)).build()).getRole().getId();
  }

  private static String user(String name, String roleId, String scopeId) {
    return keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_USER).setDisplayName(name).setRoleId(roleId).setScopeId(scopeId)
        .build()).getPrincipal().getId();
  }

  private static String key(String ownerId, String roleId) {
    return keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("key of " + ownerId)
        .setOwnerPrincipalId(ownerId).setRoleId(roleId).setInitialToken(TokenSpec.getDefaultInstance()).build())
        .getSecret();
  }

  private static List<String> visible(String secret) {
    return keygate.keys(secret).listApiKeys(ListApiKeysRequest.newBuilder().setPageSize(1000).build())
        .getApiKeysList().stream().map(ApiKey::getId).toList();
  }

  private static String ownerKeyId(String secret) {
    return keygate.authorizer().authorize(io.keygate.v1.AuthorizeRequest.newBuilder().setCredential(secret)
        .setResource("any").setAction("read").build()).getIdentity().getApiKeyId();
  }
}
