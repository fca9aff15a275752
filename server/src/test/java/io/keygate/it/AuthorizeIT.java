package io.keygate.it;

import static io.keygate.it.Grpc.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.keygate.keys.SecretFormat;
import io.keygate.testing.TestClock;
import io.keygate.v1.AcceptedCredentials;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.CredentialTransport;
import io.keygate.v1.Decision;
import io.keygate.v1.DeleteApiKeyRequest;
import io.keygate.v1.Expiration;
import io.keygate.v1.PermissionSource;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.Reason;
import io.keygate.v1.RevokeApiKeyRequest;
import io.keygate.v1.StringList;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenAccess;
import io.keygate.v1.TokenSpec;
import io.keygate.v1.UpdateScopeRequest;
import io.keygate.v1.UpdateTenantRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every row of the decision table, over the real gRPC API against a real PostgreSQL. */
class AuthorizeIT {
  private static TestKeygate keygate;
  private static CreateTenantResponse tenant;
  private static String admin;
  private static String readerRoleId;
  private static String everythingRoleId;

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();
  private static final TestClock CLOCK = TestClock.atNow();

  @BeforeAll
  static void start() {
    keygate = FLEET.keygate(TestPostgres.newDatabase(), Map.of(), CLOCK);
    tenant = keygate.newTenant("acme");
    admin = tenant.getAdminSecret();
    readerRoleId = keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("reader")
        .addPermissions("conversations:read").build()).getRole().getId();
    everythingRoleId = keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("everything")
        .addPermissions("*").build()).getRole().getId();
  }


  @Test
  void validKeyWithRoleIsAllowedWithItsIdentity() {
    CreateApiKeyResponse key = newKey(admin, CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId));
    AuthorizeResponse response = authorize(key.getSecret(), "conversations", "read");
    assertThat(response.getDecision()).isEqualTo(Decision.DECISION_ALLOW);
    assertThat(response.getHttpStatus()).isEqualTo(200);
    assertThat(response.getReason()).isEqualTo(Reason.REASON_OK);
    assertThat(response.getIdentity().getTenantId()).isEqualTo(tenant.getTenant().getId());
    assertThat(response.getIdentity().getApiKeyId()).isEqualTo(key.getApiKey().getId());
    assertThat(response.getIdentity().getTokenId()).isEqualTo(key.getToken().getId());
    assertThat(response.getIdentity().getPrincipalId()).isEqualTo(tenant.getAdminPrincipal().getId());
    assertThat(response.getIdentity().getRoleName()).isEqualTo("reader");
    assertThat(response.getIdentity().getPermissionsList()).containsExactly("conversations:read");
  }

  @Test
  void missingCredentialIs401WithWwwAuthenticate() {
    AuthorizeResponse response = keygate.authorizer().authorize(request("conversations", "read").build());
    assertDenied(response, 401, Reason.REASON_CREDENTIAL_MISSING);
    assertThat(response.getResponseHeadersMap()).containsKey("www-authenticate");
    assertThat(response.hasIdentity()).isFalse();
  }

  @Test
  void malformedCredentialsAre401() {
    String good = new SecretFormat("lk_").generate();
    for (String bad : new String[] {"lk_123", good.toUpperCase().replace("LK_", "lk_"), "xx_" + good.substring(3),
        good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0"), good + "0"}) {
      assertDenied(authorize(bad, "conversations", "read"), 401, Reason.REASON_CREDENTIAL_MALFORMED);
    }
  }

  @Test
  void wellFormedButUnknownCredentialIs401() {
    assertDenied(authorize(new SecretFormat("lk_").generate(), "conversations", "read"), 401,
        Reason.REASON_CREDENTIAL_UNKNOWN);
  }

  @Test
  void credentialInQueryStringIsRefusedEvenWithAValidHeader() {
    CreateApiKeyResponse key = newKey(admin, CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId));
    AuthorizeResponse response = keygate.authorizer().authorize(request("conversations", "read")
        .putHeaders("x-api-key", key.getSecret())
        .setPath("/v1/conversations?api_key=" + key.getSecret()).build());
    assertDenied(response, 401, Reason.REASON_CREDENTIAL_IN_QUERY);
  }

  @Test
  void transportsFollowTheTenantPolicy() {
    CreateTenantResponse headerOnly = keygate.newTenant("header-only", TenantSettings.newBuilder()
        .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_API_KEY_HEADER).build());
    String secret = headerOnly.getAdminSecret();
    assertDenied(viaHeaders(Map.of("authorization", "Bearer " + secret)), 401, Reason.REASON_TRANSPORT_NOT_ACCEPTED);
    assertThat(viaHeaders(Map.of("x-api-key", secret)).getHttpStatus()).isEqualTo(200);

    CreateTenantResponse bearerOnly = keygate.newTenant("bearer-only", TenantSettings.newBuilder()
        .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_BEARER).build());
    String other = bearerOnly.getAdminSecret();
    assertDenied(viaHeaders(Map.of("x-api-key", other)), 401, Reason.REASON_TRANSPORT_NOT_ACCEPTED);
    assertThat(viaHeaders(Map.of("authorization", "Bearer " + other)).getHttpStatus()).isEqualTo(200);
    AuthorizeResponse declared = keygate.authorizer().authorize(request("conversations", "read")
        .setCredential(other).setCredentialTransport(CredentialTransport.CREDENTIAL_TRANSPORT_API_KEY_HEADER).build());
    assertDenied(declared, 401, Reason.REASON_TRANSPORT_NOT_ACCEPTED);
  }

  @Test
  void twoCredentialsInOneRequestAre401() {
    String secret = newKey(admin, CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId)).getSecret();
    assertDenied(viaHeaders(Map.of("x-api-key", secret, "authorization", "Bearer " + secret)), 401,
        Reason.REASON_MULTIPLE_CREDENTIALS);
  }

  @Test
  void expiredKeyIs401() {
    Instant soon = CLOCK.instant().plusSeconds(2);
    String secret = newKey(admin, CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId)
        .setExpiration(Expiration.newBuilder().setAt(Timestamp.newBuilder().setSeconds(soon.getEpochSecond())))
    ).getSecret();
    CLOCK.advance(1999);
    assertThat(authorize(secret, "conversations", "read").getHttpStatus()).isEqualTo(200);
    CLOCK.advance(1);
    assertDenied(authorize(secret, "conversations", "read"), 401, Reason.REASON_CREDENTIAL_EXPIRED);
  }

  @Test
  void revokedKeyIs401AndDeletedKeyIsUnknown() {
    CreateApiKeyResponse revoked = newKey(admin, CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId));
    keygate.keys(admin).revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(revoked.getApiKey().getId()).build());
    assertDenied(authorize(revoked.getSecret(), "conversations", "read"), 401, Reason.REASON_CREDENTIAL_REVOKED);

    CreateApiKeyResponse deleted = newKey(admin, CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId));
    keygate.keys(admin).deleteApiKey(DeleteApiKeyRequest.newBuilder().setApiKeyId(deleted.getApiKey().getId()).build());
    assertDenied(authorize(deleted.getSecret(), "conversations", "read"), 401, Reason.REASON_CREDENTIAL_UNKNOWN);
  }

  @Test
  void roleWithoutThePermissionIs403() {
    String secret = newKey(admin, CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId)).getSecret();
    AuthorizeResponse response = authorize(secret, "conversations", "write");
    assertDenied(response, 403, Reason.REASON_PERMISSION_DENIED);
    assertThat(response.getIdentity().getApiKeyId()).isNotEmpty();
  }

  @Test
  void readOnlyTokenMayReadButNotWrite() {
    String secret = newKey(admin, CreateApiKeyRequest.newBuilder().setRoleId(everythingRoleId)
        .setInitialToken(TokenSpec.newBuilder().setAccess(TokenAccess.TOKEN_ACCESS_READ_ONLY))).getSecret();
    assertThat(authorize(secret, "conversations", "read").getHttpStatus()).isEqualTo(200);
    assertDenied(authorize(secret, "conversations", "write"), 403, Reason.REASON_READ_ONLY_TOKEN);
    AuthorizeResponse post = keygate.authorizer().authorize(AuthorizeRequest.newBuilder().setCredential(secret)
        .setResource("conversations").setAction("create").setMethod("POST").build());
    assertDenied(post, 403, Reason.REASON_READ_ONLY_TOKEN);
  }

  @Test
  void disabledTenantIs403() {
    CreateTenantResponse other = keygate.newTenant("switched-off");
    String secret = other.getAdminSecret();
    assertThat(authorize(secret, "conversations", "read").getHttpStatus()).isEqualTo(200);
    keygate.tenants(other.getAdminSecret()).updateTenant(UpdateTenantRequest.newBuilder()
        .setSettings(TenantSettings.newBuilder().setApiAccessEnabled(false)).build());
    assertDenied(authorize(secret, "conversations", "read"), 403, Reason.REASON_TENANT_API_DISABLED);
  }

  @Test
  void scopesGateAccessByApiSwitchAndByTheKeysOwnScope() {
    String org = keygate.scopes(admin).createScope(CreateScopeRequest.newBuilder().setName("org").setKind("org")
        .build()).getScope().getId();
    String project = keygate.scopes(admin).createScope(CreateScopeRequest.newBuilder().setParentId(org)
        .setName("project").setKind("project").build()).getScope().getId();
    String sibling = keygate.scopes(admin).createScope(CreateScopeRequest.newBuilder().setName("other-org")
        .build()).getScope().getId();
    String tenantWide = newKey(admin, CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId)).getSecret();
    String orgBound = newKey(admin, CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId).setScopeId(org))
        .getSecret();

    assertThat(authorizeIn(orgBound, project).getHttpStatus()).isEqualTo(200);
    assertThat(authorizeIn(orgBound, org).getHttpStatus()).isEqualTo(200);
    assertThat(authorizeIn(tenantWide, project).getHttpStatus()).isEqualTo(200);
    assertDenied(authorize(orgBound, "conversations", "read"), 403, Reason.REASON_SCOPE_FORBIDDEN);
    assertDenied(authorizeIn(orgBound, sibling), 403, Reason.REASON_SCOPE_FORBIDDEN);
    assertDenied(authorizeIn(tenantWide, "scp_00000000000000000000000000"), 403, Reason.REASON_SCOPE_FORBIDDEN);

    keygate.scopes(admin).updateScope(UpdateScopeRequest.newBuilder().setScopeId(org).setApiAccessEnabled(false)
        .build());
    assertDenied(authorizeIn(tenantWide, project), 403, Reason.REASON_SCOPE_API_DISABLED);
    assertDenied(authorizeIn(orgBound, org), 403, Reason.REASON_SCOPE_API_DISABLED);
    assertThat(authorizeIn(tenantWide, sibling).getHttpStatus()).isEqualTo(200);
  }

  @Test
  void anAgentMayUseItsKeyButNotManageKeys() {
    String agent = keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_AGENT).setDisplayName("helper bot")
        .setParentPrincipalId(tenant.getAdminPrincipal().getId()).build()).getPrincipal().getId();
    String secret = newKey(admin, CreateApiKeyRequest.newBuilder().setOwnerPrincipalId(agent)
        .setRoleId(everythingRoleId)).getSecret();
    AuthorizeResponse read = authorize(secret, "api-keys", "read");
    assertThat(read.getHttpStatus()).isEqualTo(200);
    assertThat(read.getIdentity().getParentPrincipalId()).isEqualTo(tenant.getAdminPrincipal().getId());
    assertDenied(authorize(secret, "api-keys", "create"), 403, Reason.REASON_AGENT_CANNOT_MANAGE_TOKENS);
    assertDenied(authorize(secret, "tokens", "delete"), 403, Reason.REASON_AGENT_CANNOT_MANAGE_TOKENS);
  }

  @Test
  void methodAndPathWithoutARouteIs403NoRoute() {
    String secret = newKey(admin, CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId)).getSecret();
    AuthorizeResponse response = keygate.authorizer().authorize(AuthorizeRequest.newBuilder().setCredential(secret)
        .setMethod("GET").setPath("/v1/conversations").build());
    assertDenied(response, 403, Reason.REASON_NO_ROUTE);
  }

  @Test
  void keyWithoutRoleGetsTheTenantDefaultPermissions() {
    CreateTenantResponse other = keygate.newTenant("defaults", TenantSettings.newBuilder()
        .setDefaultPermissions(StringList.newBuilder().addValues("conversations:read")).build());
    String secret = newKey(other.getAdminSecret(), CreateApiKeyRequest.newBuilder()).getSecret();
    AuthorizeResponse read = authorize(secret, "conversations", "read");
    assertThat(read.getHttpStatus()).isEqualTo(200);
    assertThat(read.getIdentity().getRoleId()).isEmpty();
    assertThat(read.getIdentity().getPermissionsList()).containsExactly("conversations:read");
    assertDenied(authorize(secret, "conversations", "write"), 403, Reason.REASON_PERMISSION_DENIED);
  }

  @Test
  void principalRoleSourceGivesKeysTheirOwnersPermissions() {
    CreateTenantResponse other = keygate.newTenant("harness-like", TenantSettings.newBuilder()
        .setPermissionSource(PermissionSource.PERMISSION_SOURCE_PRINCIPAL_ROLE).build());
    String otherAdmin = other.getAdminSecret();
    String role = keygate.roles(otherAdmin).createRole(CreateRoleRequest.newBuilder().setName("pipelines")
        .addPermissions("pipelines:*").build()).getRole().getId();
    String account = keygate.principals(otherAdmin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT).setDisplayName("ci").setRoleId(role).build())
        .getPrincipal().getId();
    String secret = newKey(otherAdmin, CreateApiKeyRequest.newBuilder().setOwnerPrincipalId(account)).getSecret();
    AuthorizeResponse run = authorize(secret, "pipelines", "execute");
    assertThat(run.getHttpStatus()).isEqualTo(200);
    assertThat(run.getIdentity().getRoleName()).isEqualTo("pipelines");
    assertDenied(authorize(secret, "api-keys", "read"), 403, Reason.REASON_PERMISSION_DENIED);
  }

  @Test
  void incompleteRequestIsInvalidArgument() {
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.authorizer().authorize(AuthorizeRequest.newBuilder()
        .setCredential(new SecretFormat("lk_").generate()).setResource("conversations").build()))
        .hasMessageContaining("resource and action");
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.authorizer().authorize(
        request("Conversations!", "read").build()));
  }

  private static CreateApiKeyResponse newKey(String secret, CreateApiKeyRequest.Builder request) {
    if (request.getName().isEmpty()) {
      request.setName("test key");
    }
    if (!request.hasInitialToken()) {
      request.setInitialToken(TokenSpec.getDefaultInstance());
    }
    return keygate.keys(secret).createApiKey(request.build());
  }

  private static AuthorizeRequest.Builder request(String resource, String action) {
    return AuthorizeRequest.newBuilder().setResource(resource).setAction(action).setClientIp("192.0.2.10");
  }

  private static AuthorizeResponse authorize(String secret, String resource, String action) {
    return keygate.authorizer().authorize(request(resource, action).setCredential(secret).build());
  }

  private static AuthorizeResponse authorizeIn(String secret, String scopeId) {
    return keygate.authorizer().authorize(request("conversations", "read").setCredential(secret)
        .setScopeId(scopeId).build());
  }

  private static AuthorizeResponse viaHeaders(Map<String, String> headers) {
    return keygate.authorizer().authorize(request("conversations", "read").putAllHeaders(headers).build());
  }

  private static void assertDenied(AuthorizeResponse response, int status, Reason reason) {
    assertThat(response.getReason()).as(response.getMessage()).isEqualTo(reason);
    assertThat(response.getDecision()).isEqualTo(Decision.DECISION_DENY);
    assertThat(response.getHttpStatus()).isEqualTo(status);
  }
}
