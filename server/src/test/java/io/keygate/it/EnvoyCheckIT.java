package io.keygate.it;

import static io.keygate.it.Grpc.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.rpc.Code;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.HeaderMap;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption.HeaderAppendAction;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.envoyproxy.envoy.service.auth.v3.DeniedHttpResponse;
import io.envoyproxy.envoy.service.auth.v3.OkHttpResponse;
import io.grpc.Status;
import io.keygate.keys.SecretFormat;
import io.keygate.testing.TestClock;
import io.keygate.transport.envoy.ExtAuthzService;
import io.keygate.v1.AcceptedCredentials;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.DeleteApiKeyRequest;
import io.keygate.v1.Expiration;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.RevokeApiKeyRequest;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenAccess;
import io.keygate.v1.TokenSpec;
import io.keygate.v1.UpdateScopeRequest;
import io.keygate.v1.UpdateTenantRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** envoy.service.auth.v3.Authorization/Check over real gRPC against a real PostgreSQL. */
class EnvoyCheckIT {
  private static final String ROUTES = """
      # method  path pattern              permission
      GET       /v1/conversations/**      conversations:read
      POST      /v1/conversations         conversations:write
      DELETE    /v1/conversations/{id}    conversations:delete
      *         /healthz                  public
      """;
  private static final SecretFormat FORMAT = new SecretFormat(SecretFormat.DEFAULT_PREFIX);

  @TempDir
  static Path dir;
  private static Path routes;
  private static TestKeygate keygate;
  private static CreateTenantResponse tenant;
  private static String admin;
  private static String readerRoleId;
  private static String everythingRoleId;

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();
  private static final TestClock CLOCK = TestClock.atNow();

  @BeforeAll
  static void start() throws Exception {
    routes = Files.writeString(dir.resolve("routes.txt"), ROUTES);
    keygate = FLEET.keygate(TestPostgres.newDatabase(), settings(), CLOCK);
    tenant = keygate.newTenant("acme", TenantSettings.newBuilder()
        .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_ANY).build());
    admin = tenant.getAdminSecret();
    readerRoleId = keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("reader")
        .addPermissions("conversations:read").build()).getRole().getId();
    everythingRoleId = keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("everything")
        .addPermissions("*").build()).getRole().getId();
  }

  private static Map<String, String> settings() {
    return Map.of("KEYGATE_ROUTES_FILE", routes.toString(), "KEYGATE_XFF_TRUSTED_HOPS", "1");
  }

  @Test
  void apiKeyHeaderIsAllowedWithIdentityHeadersAndTheCredentialRemoved() {
    CreateApiKeyResponse key = newKey(CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId));
    CheckResponse response = check(request("GET", "/v1/conversations/c1", Map.of(
        "x-api-key", key.getSecret(),
        "authorization", "Basic dXNlcjpwYXNz",
        ExtAuthzService.PARENT, "prn_spoofed",
        ExtAuthzService.TENANT, "ten_spoofed")));
    OkHttpResponse ok = assertAllowed(response);
    Map<String, String> set = headers(ok.getHeadersList());
    assertThat(set).containsExactlyInAnyOrderEntriesOf(Map.of(
        ExtAuthzService.TENANT, tenant.getTenant().getId(),
        ExtAuthzService.API_KEY, key.getApiKey().getId(),
        ExtAuthzService.TOKEN, key.getToken().getId(),
        ExtAuthzService.PRINCIPAL, tenant.getAdminPrincipal().getId(),
        ExtAuthzService.PRINCIPAL_KIND, kind(tenant.getAdminPrincipal().getKind()),
        ExtAuthzService.ROLE, "reader",
        ExtAuthzService.PERMISSIONS, "conversations:read",
        ExtAuthzService.TOKEN_ACCESS, "read-write"));
    // The spoofed parent is removed; the Basic authorization is not Keygate's and stays.
    assertThat(ok.getHeadersToRemoveList()).containsExactlyInAnyOrder("x-api-key", ExtAuthzService.PARENT);
    // The client's response learns the binding limit: the key's 100/min (tighter than 1000 per IP).
    assertThat(ok.getResponseHeadersToAddList())
        .extracting(h -> h.getHeader().getKey() + "=" + h.getHeader().getValue())
        .contains("x-ratelimit-limit=100").anyMatch(h -> h.startsWith("x-ratelimit-remaining="))
        .anyMatch(h -> h.startsWith("x-ratelimit-reset=")).noneMatch(h -> h.startsWith("retry-after"));
  }

  @Test
  void bearerIsAllowedAndTheAuthorizationHeaderRemoved() {
    CreateApiKeyResponse key = newKey(CreateApiKeyRequest.newBuilder().setRoleId(everythingRoleId));
    OkHttpResponse ok = assertAllowed(check(request("POST", "/v1/conversations", Map.of(
        "Authorization", "Bearer " + key.getSecret()))));
    Map<String, String> set = headers(ok.getHeadersList());
    assertThat(set).containsEntry(ExtAuthzService.API_KEY, key.getApiKey().getId())
        .doesNotContainKey(ExtAuthzService.PARENT);
    assertThat(ok.getHeadersToRemoveList()).contains("authorization").doesNotContain("x-api-key");
    assertRemovesEveryIdentityHeaderItDoesNotSet(ok);
  }

  @Test
  void anApiKeyBesideAnotherBearerTokenRemovesOnlyTheApiKey() {
    String secret = newKey(CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId)).getSecret();
    OkHttpResponse ok = assertAllowed(check(request("GET", "/v1/conversations", Map.of(
        "x-api-key", secret, "authorization", "Bearer eyJhbGciOiJub25lIn0.e30."))));
    assertThat(ok.getHeadersToRemoveList()).contains("x-api-key").doesNotContain("authorization");
  }

  @Test
  void rawHeaderMapIsReadLikeHeaders() {
    String secret = newKey(CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId)).getSecret();
    CheckRequest.Builder request = request("GET", "/v1/conversations", Map.of());
    request.getAttributesBuilder().getRequestBuilder().getHttpBuilder().setHeaderMap(HeaderMap.newBuilder()
        .addHeaders(HeaderValue.newBuilder().setKey("X-Api-Key")
            .setRawValue(ByteString.copyFrom(secret, StandardCharsets.UTF_8))));
    OkHttpResponse ok = assertAllowed(check(request));
    assertThat(ok.getHeadersToRemoveList()).contains("x-api-key");
  }

  @Test
  void aTenantAcceptingOnlyTheApiKeyHeaderRefusesBearer() {
    CreateTenantResponse headerOnly = keygate.newTenant("header-only", TenantSettings.newBuilder()
        .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_API_KEY_HEADER).build());
    String secret = headerOnly.getAdminSecret();
    assertDenied(check("GET", "/v1/conversations", "authorization", "Bearer " + secret), 401,
        "transport_not_accepted");
    assertAllowed(check("GET", "/v1/conversations", "x-api-key", secret));
  }

  @Test
  void missingCredentialIs401() {
    DeniedHttpResponse denied = assertDenied(check(request("GET", "/v1/conversations/c1", Map.of())), 401,
        "credential_missing");
    assertThat(headers(denied.getHeadersList())).containsEntry("www-authenticate", "Bearer realm=\"keygate\"");
    // A non-Bearer Authorization is no credential either.
    assertDenied(check("GET", "/v1/conversations", "authorization", "Basic dXNlcjpwYXNz"), 401,
        "credential_missing");
  }

  @Test
  void malformedAndUnknownCredentialsAre401() {
    String good = FORMAT.generate();
    for (String bad : new String[] {"lk_123", "xx_" + good.substring(3), good + "0",
        good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0")}) {
      DeniedHttpResponse denied = assertDenied(check("GET", "/v1/conversations", "x-api-key", bad), 401,
          "credential_malformed");
      assertThat(headers(denied.getHeadersList()).get("www-authenticate")).contains("error=\"invalid_token\"");
    }
    assertDenied(check("GET", "/v1/conversations", "x-api-key", FORMAT.generate()), 401, "credential_unknown");
    assertDenied(check("GET", "/v1/conversations", "authorization", "Bearer " + FORMAT.generate()), 401,
        "credential_unknown");
  }

  @Test
  void twoCredentialsAre401() {
    String secret = newKey(CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId)).getSecret();
    assertDenied(check(request("GET", "/v1/conversations", Map.of("x-api-key", secret,
        "authorization", "Bearer " + secret))), 401, "multiple_credentials");
  }

  @Test
  void expiredKeyIs401() {
    Instant soon = CLOCK.instant().plusSeconds(3600);
    String secret = newKey(CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId).setExpiration(
        Expiration.newBuilder().setAt(Timestamp.newBuilder().setSeconds(soon.getEpochSecond())))).getSecret();
    CLOCK.advance(Duration.ofSeconds(3599));
    assertAllowed(check("GET", "/v1/conversations", "x-api-key", secret));
    CLOCK.advance(Duration.ofSeconds(1));
    assertDenied(check("GET", "/v1/conversations", "x-api-key", secret), 401, "credential_expired");
  }

  @Test
  void revokedKeyIs401AndDeletedKeyIsUnknown() {
    CreateApiKeyResponse revoked = newKey(CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId));
    assertAllowed(check("GET", "/v1/conversations", "x-api-key", revoked.getSecret()));
    keygate.keys(admin).revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(revoked.getApiKey().getId())
        .build());
    assertDenied(check("GET", "/v1/conversations", "x-api-key", revoked.getSecret()), 401, "credential_revoked");

    CreateApiKeyResponse deleted = newKey(CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId));
    assertAllowed(check("GET", "/v1/conversations", "x-api-key", deleted.getSecret()));
    keygate.keys(admin).deleteApiKey(DeleteApiKeyRequest.newBuilder().setApiKeyId(deleted.getApiKey().getId())
        .build());
    assertDenied(check("GET", "/v1/conversations", "x-api-key", deleted.getSecret()), 401, "credential_unknown");
  }

  @Test
  void roleWithoutTheRoutesPermissionIs403() {
    String secret = newKey(CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId)).getSecret();
    assertAllowed(check("GET", "/v1/conversations/c1", "x-api-key", secret));
    assertDenied(check("DELETE", "/v1/conversations/c1", "x-api-key", secret), 403, "permission_denied");
    assertDenied(check("POST", "/v1/conversations", "x-api-key", secret), 403, "permission_denied");
  }

  @Test
  void readOnlyTokenMayGetButNotPost() {
    String secret = newKey(CreateApiKeyRequest.newBuilder().setRoleId(everythingRoleId)
        .setInitialToken(TokenSpec.newBuilder().setAccess(TokenAccess.TOKEN_ACCESS_READ_ONLY))).getSecret();
    OkHttpResponse ok = assertAllowed(check("GET", "/v1/conversations/c1", "x-api-key", secret));
    assertThat(headers(ok.getHeadersList())).containsEntry(ExtAuthzService.TOKEN_ACCESS, "read-only");
    assertDenied(check("POST", "/v1/conversations", "x-api-key", secret), 403, "read_only_token");
    assertDenied(check("DELETE", "/v1/conversations/c1", "x-api-key", secret), 403, "read_only_token");
  }

  @Test
  void disabledTenantIs403() {
    CreateTenantResponse other = keygate.newTenant("switched-off");
    String secret = other.getAdminSecret();
    assertAllowed(check("GET", "/v1/conversations", "x-api-key", secret));
    keygate.tenants(secret).updateTenant(UpdateTenantRequest.newBuilder()
        .setSettings(TenantSettings.newBuilder().setApiAccessEnabled(false)).build());
    assertDenied(check("GET", "/v1/conversations", "x-api-key", secret), 403, "tenant_api_disabled");
  }

  @Test
  void aScopeBoundKeyIsAllowedOnItsScopesRoutesOnlyAndADisabledScopeIs403() {
    String scope = keygate.scopes(admin).createScope(CreateScopeRequest.newBuilder().setName("envoy-org")
        .setKind("org").build()).getScope().getId();
    String secret = newKey(CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId).setScopeId(scope)).getSecret();
    // The route names the scope it serves (per-route context_extensions), as Envoy config does.
    assertAllowed(check(withContext(request("GET", "/v1/conversations", Map.of("x-api-key", secret)),
        "scope_id", scope)));
    assertDenied(check("GET", "/v1/conversations", "x-api-key", secret), 403, "scope_forbidden");
    keygate.scopes(admin).updateScope(UpdateScopeRequest.newBuilder().setScopeId(scope).setApiAccessEnabled(false)
        .build());
    assertDenied(check(withContext(request("GET", "/v1/conversations", Map.of("x-api-key", secret)),
        "scope_id", scope)), 403, "scope_api_disabled");
  }

  @Test
  void credentialInTheQueryStringIs401EvenWithAValidHeader() {
    String secret = newKey(CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId)).getSecret();
    assertDenied(check("GET", "/v1/conversations?api_key=" + secret, "x-api-key", secret), 401,
        "credential_in_query");
    assertDenied(check("GET", "/v1/conversations?page=2&token=abc", "x-api-key", secret), 401,
        "credential_in_query");
    assertAllowed(check("GET", "/v1/conversations?page=2", "x-api-key", secret));
  }

  @Test
  void requestsNoRouteMatchesAre403NoRoute() {
    String secret = newKey(CreateApiKeyRequest.newBuilder().setRoleId(everythingRoleId)).getSecret();
    for (String[] methodAndPath : new String[][] {{"GET", "/v2/other"}, {"PATCH", "/v1/conversations/c1"},
        {"POST", "/v1/conversations/"}, {"GET", "/"}}) {
      assertDenied(check(methodAndPath[0], methodAndPath[1], "x-api-key", secret), 403, "no_route");
    }
  }

  @Test
  void nonCanonicalPathsMatchNoRoute() {
    String secret = newKey(CreateApiKeyRequest.newBuilder().setRoleId(everythingRoleId)).getSecret();
    for (String path : new String[] {"/v1/conversations/../admin", "/v1/conversations/%2e%2e/admin",
        "/v1/conversations/..%2Fadmin", "/v1//conversations", "/v1/conversations/./c1",
        "/v1/conversations/..;/admin", "/v1/conversations\\..\\admin", "/healthz/.."}) {
      assertDenied(check("GET", path, "x-api-key", secret), 403, "no_route");
    }
    // Without a credential, a non-canonical public-looking path is not public.
    assertDenied(check(request("GET", "/healthz/../v1/conversations", Map.of())), 401, "credential_missing");
  }

  @Test
  void publicRouteNeedsNoCredentialAndStripsSpoofedIdentityHeaders() {
    Map<String, String> spoofed = new LinkedHashMap<>();
    for (String name : ExtAuthzService.IDENTITY_HEADERS) {
      spoofed.put(name, "spoofed");
    }
    for (String method : new String[] {"GET", "POST"}) {
      OkHttpResponse ok = assertAllowed(check(request(method, "/healthz", spoofed)));
      assertThat(ok.getHeadersList()).isEmpty();
      assertThat(ok.getHeadersToRemoveList()).containsExactlyInAnyOrderElementsOf(ExtAuthzService.IDENTITY_HEADERS);
    }
    assertAllowed(check(request("GET", "/healthz?verbose=1", Map.of())));
  }

  @Test
  void contextExtensionsOverrideTheRouteTable() {
    String secret = newKey(CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId)).getSecret();
    // The route says conversations:delete; the per-route extension says conversations:read.
    assertAllowed(check(withContext(request("DELETE", "/v1/conversations/c1", Map.of("x-api-key", secret)),
        "resource", "conversations", "action", "read")));
    // No route at all, but the extension names the permission.
    assertAllowed(check(withContext(request("GET", "/v9/unmapped", Map.of("x-api-key", secret)),
        "resource", "conversations", "action", "read")));
    // The route says read; the extension asks for a permission the key lacks.
    assertDenied(check(withContext(request("GET", "/v1/conversations", Map.of("x-api-key", secret)),
        "resource", "billing", "action", "read")), 403, "permission_denied");
    // A public route with an extension needs a credential.
    assertDenied(check(withContext(request("GET", "/healthz", Map.of()), "resource", "conversations",
        "action", "read")), 401, "credential_missing");
    // Half an extension, or a bad one, cannot be judged.
    assertDenied(check(withContext(request("GET", "/v1/conversations", Map.of("x-api-key", secret)),
        "resource", "conversations")), 403, "request_invalid");
    assertDenied(check(withContext(request("GET", "/v1/conversations", Map.of("x-api-key", secret)),
        "resource", "Conversations!", "action", "read")), 403, "request_invalid");
    assertDenied(check(withContext(request("GET", "/v1/conversations", Map.of("x-api-key", secret)),
        "scope_id", "not-a-scope")), 403, "request_invalid");
  }

  @Test
  void anAgentKeyCarriesItsParentAndMayNotManageKeys() {
    String agent = keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_AGENT).setDisplayName("envoy bot")
        .setParentPrincipalId(tenant.getAdminPrincipal().getId()).build()).getPrincipal().getId();
    String secret = newKey(CreateApiKeyRequest.newBuilder().setOwnerPrincipalId(agent).setRoleId(everythingRoleId))
        .getSecret();
    OkHttpResponse ok = assertAllowed(check(request("GET", "/v1/conversations", Map.of("x-api-key", secret,
        ExtAuthzService.PARENT, "prn_spoofed"))));
    assertThat(headers(ok.getHeadersList()))
        .containsEntry(ExtAuthzService.PRINCIPAL, agent)
        .containsEntry(ExtAuthzService.PRINCIPAL_KIND, "agent")
        .containsEntry(ExtAuthzService.PARENT, tenant.getAdminPrincipal().getId());
    assertRemovesEveryIdentityHeaderItDoesNotSet(ok);
    assertDenied(check(withContext(request("POST", "/v1/keys", Map.of("x-api-key", secret)),
        "resource", "api-keys", "action", "create")), 403, "agent_cannot_manage_tokens");
  }

  @Test
  void forwardedForDoesNotBreakTheDecision() {
    String secret = newKey(CreateApiKeyRequest.newBuilder().setRoleId(readerRoleId)).getSecret();
    for (String xff : new String[] {"not-an-ip", "1.1.1.1, 203.0.113.9", "203.0.113.9:443", ", ,", "::1",
        "2001:db8::7, garbage%%", "\u0661.\u0662.\u0663.\u0664", "x".repeat(2000)}) {
      assertAllowed(check(request("GET", "/v1/conversations", Map.of("x-api-key", secret,
          "x-forwarded-for", xff))));
    }
    CheckRequest.Builder noSource = request("GET", "/v1/conversations", Map.of("x-api-key", secret));
    noSource.getAttributesBuilder().clearSource();
    assertAllowed(check(noSource));
    noSource.getAttributesBuilder().getSourceBuilder().getAddressBuilder().getSocketAddressBuilder()
        .setAddress("/var/run/envoy.sock");
    assertAllowed(check(noSource));
  }

  @Test
  void aCheckWithoutHttpAttributesIsDeniedAsInvalidNotAnError() {
    DeniedHttpResponse denied = assertDenied(check(CheckRequest.getDefaultInstance()), 403, "request_invalid");
    assertThat(headers(denied.getHeadersList())).doesNotContainKey("www-authenticate");
    CheckRequest.Builder noPath = request("GET", "/v1/conversations", Map.of("x-api-key", FORMAT.generate()));
    noPath.getAttributesBuilder().getRequestBuilder().getHttpBuilder().clearPath();
    assertDenied(check(noPath), 403, "request_invalid");
    CheckRequest.Builder tooLong = request("GET", "/v1/conversations/" + "a".repeat(9000), Map.of());
    assertDenied(check(tooLong), 403, "request_invalid");
  }

  @Test
  void anUnreachableDatabaseFailsTheCallWithUnavailable() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    try (TestKeygate doomed = TestKeygate.start(postgres.getJdbcUrl("postgres", "postgres"), settings())) {
      doomed.newTenant("doomed");
      AuthorizationGrpc.AuthorizationBlockingStub stub = AuthorizationGrpc.newBlockingStub(doomed.channel);
      // While the database is up an unknown key is looked up and denied (not allowed: an allowed
      // check would leave a usage batch whose flush at close waits for the dead database).
      assertDenied(stub.withDeadlineAfter(20, TimeUnit.SECONDS).check(request("GET", "/v1/conversations",
          Map.of("x-api-key", FORMAT.generate())).build()), 401, "credential_unknown");
      postgres.close();
      long started = System.nanoTime();
      CheckRequest never = request("GET", "/v1/conversations", Map.of("x-api-key", FORMAT.generate())).build();
      assertStatus(Status.Code.UNAVAILABLE, () -> stub.withDeadlineAfter(20, TimeUnit.SECONDS).check(never));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered, not hung")
          .isLessThan(Duration.ofSeconds(30));
    } finally {
      postgres.close();
    }
  }

  // --- helpers ---

  private static CreateApiKeyResponse newKey(CreateApiKeyRequest.Builder request) {
    if (request.getName().isEmpty()) {
      request.setName("envoy key");
    }
    if (!request.hasInitialToken()) {
      request.setInitialToken(TokenSpec.getDefaultInstance());
    }
    return keygate.keys(admin).createApiKey(request.build());
  }

  private static String kind(PrincipalKind kind) {
    return kind.name().substring("PRINCIPAL_KIND_".length()).toLowerCase(Locale.ROOT);
  }

  /** A check as Envoy sends it: source address, HTTP method, path and lower-case headers. */
  private static CheckRequest.Builder request(String method, String path, Map<String, String> headers) {
    CheckRequest.Builder request = CheckRequest.newBuilder();
    request.getAttributesBuilder()
        .setSource(AttributeContext.Peer.newBuilder().setAddress(Address.newBuilder().setSocketAddress(
            SocketAddress.newBuilder().setAddress("10.0.0.9").setPortValue(51234))))
        .setRequest(AttributeContext.Request.newBuilder().setHttp(AttributeContext.HttpRequest.newBuilder()
            .setId("req-1").setMethod(method).setPath(path).setHost("api.example.com").setScheme("https")
            .setProtocol("HTTP/1.1").putAllHeaders(headers)));
    return request;
  }

  private static CheckRequest.Builder withContext(CheckRequest.Builder request, String... namesAndValues) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      request.getAttributesBuilder().putContextExtensions(namesAndValues[i], namesAndValues[i + 1]);
    }
    return request;
  }

  private static CheckResponse check(CheckRequest request) {
    return AuthorizationGrpc.newBlockingStub(keygate.channel).withDeadlineAfter(20, TimeUnit.SECONDS)
        .check(request);
  }

  private static CheckResponse check(CheckRequest.Builder request) {
    return check(request.build());
  }

  private static CheckResponse check(String method, String path, String header, String value) {
    return check(request(method, path, Map.of(header, value)));
  }

  /** Name → value of header options, asserting each overwrites (a client cannot pre-set them). */
  private static Map<String, String> headers(List<HeaderValueOption> options) {
    Map<String, String> out = new LinkedHashMap<>();
    for (HeaderValueOption option : options) {
      assertThat(option.getAppendAction()).as(option.getHeader().getKey())
          .isEqualTo(HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD);
      assertThat(out.put(option.getHeader().getKey(), option.getHeader().getValue()))
          .as("duplicate header %s", option.getHeader().getKey()).isNull();
    }
    return out;
  }

  private static OkHttpResponse assertAllowed(CheckResponse response) {
    assertThat(response.hasDeniedResponse()).as("denied: %s", response.getDeniedResponse().getBody()).isFalse();
    assertThat(response.getStatus().getCode()).isEqualTo(Code.OK_VALUE);
    assertThat(response.hasOkResponse()).isTrue();
    OkHttpResponse ok = response.getOkResponse();
    Set<String> set = headers(ok.getHeadersList()).keySet();
    assertThat(ok.getHeadersToRemoveList()).as("a header both set and removed").noneMatch(set::contains);
    return ok;
  }

  private static void assertRemovesEveryIdentityHeaderItDoesNotSet(OkHttpResponse ok) {
    Set<String> unset = new HashSet<>(ExtAuthzService.IDENTITY_HEADERS);
    unset.removeAll(headers(ok.getHeadersList()).keySet());
    assertThat(ok.getHeadersToRemoveList()).containsAll(unset);
  }

  /** The denial's HTTP status, JSON body, content type, WWW-Authenticate only on 401, and gRPC status. */
  private static DeniedHttpResponse assertDenied(CheckResponse response, int httpStatus, String reason) {
    assertThat(response.hasOkResponse()).as("allowed, expected %s", reason).isFalse();
    assertThat(response.hasDeniedResponse()).isTrue();
    DeniedHttpResponse denied = response.getDeniedResponse();
    assertThat(denied.getStatus().getCodeValue()).as(denied.getBody()).isEqualTo(httpStatus);
    JsonObject body = JsonParser.parseString(denied.getBody()).getAsJsonObject();
    assertThat(body.keySet()).containsExactlyInAnyOrder("code", "reason", "message");
    assertThat(body.get("reason").getAsString()).as(denied.getBody()).isEqualTo(reason);
    assertThat(body.get("code").getAsInt()).isEqualTo(httpStatus);
    assertThat(body.get("message").getAsString()).isNotBlank();
    Map<String, String> headers = headers(denied.getHeadersList());
    assertThat(headers).containsEntry("content-type", "application/json");
    if (httpStatus == 401) {
      assertThat(headers.get("www-authenticate")).startsWith("Bearer realm=\"keygate\"");
    } else {
      assertThat(headers).doesNotContainKey("www-authenticate");
    }
    int grpc = switch (httpStatus) {
      case 401 -> Code.UNAUTHENTICATED_VALUE;
      case 403 -> Code.PERMISSION_DENIED_VALUE;
      default -> Code.RESOURCE_EXHAUSTED_VALUE;
    };
    assertThat(response.getStatus().getCode()).isEqualTo(grpc);
    assertThat(response.getStatus().getMessage()).isEqualTo(reason);
    return denied;
  }
}
