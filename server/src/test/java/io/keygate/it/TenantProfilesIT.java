package io.keygate.it;

import static io.keygate.it.Grpc.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.grpc.Status;
import io.keygate.keys.SecretFormat;
import io.keygate.v1.AcceptedCredentials;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.CreateTokenRequest;
import io.keygate.v1.Expiration;
import io.keygate.v1.GetTenantRequest;
import io.keygate.v1.KeyRateLimit;
import io.keygate.v1.Lifetime;
import io.keygate.v1.LifetimeUnit;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.PermissionSource;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.RateLimitMode;
import io.keygate.v1.Reason;
import io.keygate.v1.RotateTokenRequest;
import io.keygate.v1.StringList;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenIssuers;
import io.keygate.v1.TokenOwners;
import io.keygate.v1.TokenSpec;
import io.keygate.v1.UpdateApiKeyRequest;
import io.keygate.v1.UpdateScopeRequest;
import io.keygate.v1.UpdateTenantRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One deployment hosting four tenants set up exactly as docs/tenant-profiles.md says — Harmony v1,
 * Harmony v2, Harness and Harmonic — each checked, side by side, against what its product's
 * documents say: limits, transports, token rules, switches, routes. Decisions go through both
 * Authorize and Envoy Check.
 */
class TenantProfilesIT {
  private static final AtomicInteger IPS = new AtomicInteger();
  private static final SecretFormat FORMAT = new SecretFormat(SecretFormat.DEFAULT_PREFIX);
  private static final String DEPLOYMENT_ROUTES = """
      GET  /v1/conversations/**  conversations:read
      POST /v1/api-tokens        api-tokens:create
      GET  /healthz              public
      """;
  private static final String HARMONIC_ROUTES = """
      GET  /api/v1/conversations/**  conversations:read
      POST /api/v1/api-tokens        api-tokens:create
      """;

  private static final Lifetime NO_CAP = Lifetime.newBuilder().setAmount(0).setUnit(LifetimeUnit.LIFETIME_UNIT_MONTHS)
      .build();

  /** The four products, as the table in docs/tenant-profiles.md sets them. */
  enum Profile {
    HARMONY_V1(AcceptedCredentials.ACCEPTED_CREDENTIALS_BEARER, TenantSettings.newBuilder()
        .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_BEARER)
        .setKeyLimitPerMinute(100).setKeyLimitMode(RateLimitMode.RATE_LIMIT_MODE_ENFORCED)
        .setIpLimitRequests(0).setAuthFailureGuardBlocksValidKeys(false)
        .setDefaultPermissions(StringList.newBuilder().addValues("conversations:read"))
        .setMaxActiveTokensPerPrincipal(0).setMaxTokenLifetime(NO_CAP)
        .build()),
    HARMONY_V2(AcceptedCredentials.ACCEPTED_CREDENTIALS_API_KEY_HEADER, TenantSettings.newBuilder()
        .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_API_KEY_HEADER)
        .setKeyLimitPerMinute(100).setKeyLimitMode(RateLimitMode.RATE_LIMIT_MODE_INFORMATIONAL)
        .setIpLimitRequests(1000).setIpLimitWindow(Duration.newBuilder().setSeconds(900))
        .setAuthFailureGuardBlocksValidKeys(false)
        .setDefaultPermissions(StringList.newBuilder().addValues("conversations:read"))
        .setMaxActiveTokensPerPrincipal(0).setMaxTokenLifetime(NO_CAP)
        .build()),
    HARNESS(AcceptedCredentials.ACCEPTED_CREDENTIALS_API_KEY_HEADER, TenantSettings.newBuilder()
        .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_API_KEY_HEADER)
        .setKeyLimitPerMinute(0).setPermissionSource(PermissionSource.PERMISSION_SOURCE_PRINCIPAL_ROLE)
        .setMaxActiveTokensPerPrincipal(0).setMaxTokenLifetime(NO_CAP)
        .setPersonalKeysTenantWideOnly(true)
        .build()),
    HARMONIC(AcceptedCredentials.ACCEPTED_CREDENTIALS_BEARER, TenantSettings.newBuilder()
        .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_BEARER)
        .setTokenIssuers(TokenIssuers.TOKEN_ISSUERS_USERS_ONLY)
        .setTokenOwners(TokenOwners.TOKEN_OWNERS_SELF_AND_MANAGED_AGENTS)
        .setTokenManagementResources(StringList.newBuilder().addValues("api-keys").addValues("tokens")
            .addValues("api-tokens"))
        .setMaxActiveTokensPerPrincipal(50)
        .setMaxTokenLifetime(Lifetime.newBuilder().setAmount(12).setUnit(LifetimeUnit.LIFETIME_UNIT_MONTHS))
        .setRoutes(HARMONIC_ROUTES)
        .build());

    final AcceptedCredentials transport;
    final TenantSettings settings;
    TenantFixture tenant;

    Profile(AcceptedCredentials transport, TenantSettings settings) {
      this.transport = transport;
      this.settings = settings;
    }

    /** The header the product's clients send its secrets in. */
    Map<String, String> header(String secret) {
      return transport == AcceptedCredentials.ACCEPTED_CREDENTIALS_BEARER ? Map.of("authorization", "Bearer " + secret)
          : Map.of("x-api-key", secret);
    }

    /** The header the product refuses. */
    Map<String, String> otherHeader(String secret) {
      return transport == AcceptedCredentials.ACCEPTED_CREDENTIALS_BEARER ? Map.of("x-api-key", secret)
          : Map.of("authorization", "Bearer " + secret);
    }

    /** Where the product serves conversations. */
    String conversations() {
      return this == HARMONIC ? "/api/v1/conversations" : "/v1/conversations";
    }
  }

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  private static TestKeygate keygate;
  /** A second sidecar on the same database. */
  private static TestKeygate other;

  @BeforeAll
  static void start() throws IOException {
    Path routes = Files.createTempFile("keygate-routes", ".txt");
    Files.writeString(routes, DEPLOYMENT_ROUTES);
    Map<String, String> env = Map.of("KEYGATE_ROUTES_FILE", routes.toString());
    keygate = FLEET.keygate(env);
    other = FLEET.keygate(keygate.jdbcUrl, env);
    for (Profile profile : Profile.values()) {
      profile.tenant = TenantFixture.create(keygate, profile.settings);
    }
  }

  @Test
  void eachTenantReadsBackTheSettingsOfItsProfile() {
    for (Profile profile : Profile.values()) {
      TenantSettings stored = keygate.tenants(profile.tenant.admin).getTenant(GetTenantRequest.getDefaultInstance())
          .getTenant().getSettings();
      profile.settings.getAllFields().forEach((field, value) -> {
        Object read = stored.getField(field);
        if (value instanceof StringList list) {
          assertThat(((StringList) read).getValuesList()).as(profile + " " + field.getName())
              .containsExactlyInAnyOrderElementsOf(list.getValuesList());
        } else {
          assertThat(read).as(profile + " " + field.getName()).isEqualTo(value);
        }
      });
    }
  }

  // --- Transports: Bearer (v1, Harmonic) or X-API-Key (v2, Harness), never both, never the query ---

  @Test
  void eachTenantAcceptsItsProductsTransportOnly() {
    for (Profile profile : Profile.values()) {
      String secret = readerKey(profile);
      assertThat(authorize(profile.header(secret), nextIp()).getHttpStatus()).as(profile.name()).isEqualTo(200);
      assertThat(authorize(profile.otherHeader(secret), nextIp()).getReason()).as(profile.name())
          .isEqualTo(Reason.REASON_TRANSPORT_NOT_ACCEPTED);
      assertThat(deniedStatus(check(profile.header(secret), "GET", profile.conversations(), nextIp(), Map.of())))
          .as(profile.name() + " via Envoy").isZero();
      assertThat(deniedStatus(check(profile.otherHeader(secret), "GET", profile.conversations(), nextIp(), Map.of())))
          .isEqualTo(401);
      assertThat(deniedStatus(check(profile.header(secret), "GET", profile.conversations() + "?api_key=" + secret,
          nextIp(), Map.of()))).as("a credential in the query").isEqualTo(401);
    }
  }

  // --- 1. The per-IP limit is the tenant's: its own counter, 0 = none, no tenant uses up another's ---

  @Test
  void theIpLimitIsEachTenantsOwnAndZeroMeansNone() {
    String ip = nextIp();
    String v2 = readerKey(Profile.HARMONY_V2);
    for (int i = 0; i < 1000; i++) {
      assertThat(authorize(Profile.HARMONY_V2.header(v2), ip).getHttpStatus()).as("v2 request %d", i + 1)
          .isEqualTo(200);
    }
    AuthorizeResponse limited = authorize(Profile.HARMONY_V2.header(v2), ip);
    assertThat(limited.getReason()).isEqualTo(Reason.REASON_IP_RATE_LIMITED);
    assertThat(limited.getResponseHeadersMap()).containsEntry("x-ratelimit-limit", "1000");
    assertThat(deniedStatus(check(Profile.HARMONY_V2.header(v2), "GET", "/v1/conversations", ip, Map.of())))
        .as("v2 via Envoy from the spent IP").isEqualTo(429);
    // Harmony v1 has no IP limit: only its per-key limit, here raised for the key as v1 allows.
    String v1 = key(Profile.HARMONY_V1, CreateApiKeyRequest.newBuilder().setRateLimit(KeyRateLimit.newBuilder()
        .setRequestsPerMinute(5000))).getSecret();
    for (int i = 0; i < 1050; i++) {
      assertThat(authorize(Profile.HARMONY_V1.header(v1), ip).getHttpStatus()).as("v1 request %d", i + 1)
          .isEqualTo(200);
    }
    for (Profile profile : new Profile[] {Profile.HARNESS, Profile.HARMONIC}) {
      String secret = readerKey(profile);
      assertThat(authorize(profile.header(secret), ip).getHttpStatus()).as(profile + " from the same IP")
          .isEqualTo(200);
      assertThat(deniedStatus(check(profile.header(secret), "GET", profile.conversations(), ip, Map.of())))
          .as(profile + " via Envoy").isZero();
    }
  }

  // --- 2. The failed-authentication guard: the deployment refuses the flood; tenants decide for valid keys ---

  @Test
  void afterAFloodOfBadKeysValidKeysWorkWhereTheirTenantSaysSo() {
    String ip = nextIp();
    Map<Profile, String> fresh = new java.util.EnumMap<>(Profile.class);
    for (Profile profile : Profile.values()) {
      fresh.put(profile, readerKey(profile)); // never used yet: not in any cache
    }
    for (int i = 0; i < 101; i++) {
      assertThat(authorize(Map.of("x-api-key", FORMAT.generate()), ip).getHttpStatus()).isIn(401, 429);
    }
    assertThat(authorize(Map.of("x-api-key", FORMAT.generate()), ip).getReason()).as("the flood itself")
        .isEqualTo(Reason.REASON_IP_RATE_LIMITED);
    for (Profile profile : Profile.values()) {
      boolean spared = profile.settings.hasAuthFailureGuardBlocksValidKeys()
          && !profile.settings.getAuthFailureGuardBlocksValidKeys();
      assertThat(spared).as(profile.name()).isEqualTo(profile == Profile.HARMONY_V1 || profile == Profile.HARMONY_V2);
      int expected = spared ? 200 : 429;
      String secret = fresh.get(profile);
      assertThat(authorize(profile.header(secret), ip).getHttpStatus()).as(profile.name()).isEqualTo(expected);
      assertThat(deniedStatus(check(profile.header(secret), "GET", profile.conversations(), ip, Map.of())))
          .as(profile + " via Envoy").isEqualTo(spared ? 0 : 429);
    }
  }

  // --- 3. A scope-bound key acts only in its scope (Harness project keys) ---

  @Test
  void aProjectKeyAnswersOnlyForItsProject() {
    TenantFixture harness = Profile.HARNESS.tenant;
    String org = harness.scope("");
    String project = harness.scope(org);
    String account = harness.principal(PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT,
        harness.role("conversations:read"), "");
    String secret = harness.key(account, "", project).getSecret();
    Map<String, String> header = Profile.HARNESS.header(secret);
    assertThat(authorize(header, nextIp(), project).getHttpStatus()).isEqualTo(200);
    assertThat(authorize(header, nextIp(), "").getReason()).as("tenant-wide").isEqualTo(Reason.REASON_SCOPE_FORBIDDEN);
    assertThat(authorize(header, nextIp(), org).getReason()).as("the org above").isEqualTo(
        Reason.REASON_SCOPE_FORBIDDEN);
    assertThat(deniedStatus(check(header, "GET", "/v1/conversations", nextIp(), Map.of("scope_id", project))))
        .as("via Envoy, the route naming the project").isZero();
    assertThat(deniedStatus(check(header, "GET", "/v1/conversations", nextIp(), Map.of()))).as("via Envoy, no scope")
        .isEqualTo(403);
  }

  // --- 4. API access off: decisions 403, and the management API closed but for switching it on ---

  @Test
  void switchingApiAccessOffClosesTheManagementApiButForSwitchingItOn() {
    TenantFixture harmonic = TenantFixture.create(keygate, Profile.HARMONIC.settings);
    String admin = harmonic.admin;
    String secret = harmonic.key(harmonic.adminPrincipal(), harmonic.role("conversations:read"), "").getSecret();
    keygate.tenants(admin).updateTenant(UpdateTenantRequest.newBuilder().setSettings(TenantSettings.newBuilder()
        .setApiAccessEnabled(false)).build());
    assertThat(authorize(Profile.HARMONIC.header(secret), nextIp()).getReason()).isEqualTo(
        Reason.REASON_TENANT_API_DISABLED);
    assertThat(deniedStatus(check(Profile.HARMONIC.header(secret), "GET", "/api/v1/conversations", nextIp(),
        Map.of()))).isEqualTo(403);
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(admin).listApiKeys(
        ListApiKeysRequest.getDefaultInstance())).hasMessageContaining("API access is disabled");
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(admin).createApiKey(CreateApiKeyRequest
        .newBuilder().setName("new").setInitialToken(TokenSpec.getDefaultInstance()).build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.tenants(admin).updateTenant(UpdateTenantRequest
        .newBuilder().setSettings(TenantSettings.newBuilder().setMaxActiveTokensPerPrincipal(10)).build()))
        .hasMessageContaining("switch it on");
    assertThat(keygate.tenants(admin).getTenant(GetTenantRequest.getDefaultInstance()).getTenant().getSettings()
        .getApiAccessEnabled()).isFalse();
    keygate.tenants(admin).updateTenant(UpdateTenantRequest.newBuilder().setSettings(TenantSettings.newBuilder()
        .setApiAccessEnabled(true)).build());
    assertThat(keygate.keys(admin).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount())
        .isPositive();
    assertThat(authorize(Profile.HARMONIC.header(secret), nextIp()).getHttpStatus()).isEqualTo(200);
  }

  // --- 5. Who issues tokens, and for whom ---

  @Test
  void inHarmonicOnlyHumansIssueTokensAndOnlyForThemselvesOrTheirAgents() {
    // A service account key made while the tenant still allowed it, then the Harmonic rules.
    TenantFixture harmonic = TenantFixture.create(keygate, Profile.HARMONIC.settings.toBuilder()
        .setTokenIssuers(TokenIssuers.TOKEN_ISSUERS_USERS_AND_ADMIN_SERVICE_ACCOUNTS)
        .setTokenOwners(TokenOwners.TOKEN_OWNERS_ANY_COVERED).build());
    String issuerRole = harmonic.role("api-keys:create:all", "api-keys:read:all");
    String account = harmonic.principal(PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT, issuerRole, "");
    CreateApiKeyResponse accountKey = harmonic.key(account, issuerRole, "");
    String colleague = harmonic.user(issuerRole);
    keygate.tenants(harmonic.admin).updateTenant(UpdateTenantRequest.newBuilder().setSettings(TenantSettings
        .newBuilder().setTokenIssuers(TokenIssuers.TOKEN_ISSUERS_USERS_ONLY)
        .setTokenOwners(TokenOwners.TOKEN_OWNERS_SELF_AND_MANAGED_AGENTS)).build());

    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(accountKey.getSecret()).createApiKey(
        CreateApiKeyRequest.newBuilder().setName("by a robot").setInitialToken(TokenSpec.getDefaultInstance())
            .build())).hasMessageContaining("only human users");
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(accountKey.getSecret()).createToken(
        CreateTokenRequest.newBuilder().setApiKeyId(accountKey.getApiKey().getId()).build()));
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(accountKey.getSecret()).rotateToken(
        RotateTokenRequest.newBuilder().setTokenId(accountKey.getToken().getId()).build()));

    String admin = harmonic.admin;
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.keys(admin).createApiKey(CreateApiKeyRequest
        .newBuilder().setName("for a colleague").setOwnerPrincipalId(colleague).build()))
        .hasMessageContaining("for their creator or an AI agent");
    String agent = harmonic.agent(harmonic.adminPrincipal(), issuerRole);
    assertThat(keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("for my agent")
        .setOwnerPrincipalId(agent).setInitialToken(TokenSpec.getDefaultInstance()).build()).getSecret()).isNotEmpty();
    assertThat(keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("for me")
        .setInitialToken(TokenSpec.getDefaultInstance()).build()).getSecret()).isNotEmpty();
  }

  @Test
  void inHarnessAnAdminServiceAccountIssuesKeysForOthers() {
    TenantFixture harness = Profile.HARNESS.tenant;
    String issuerRole = harness.role("api-keys:create:all", "api-keys:read:all", "orders:read");
    String account = harness.principal(PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT, issuerRole, "");
    String accountSecret = harness.key(account, "", "").getSecret();
    String target = harness.principal(PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT, harness.role("orders:read"), "");
    CreateApiKeyResponse issued = keygate.keys(accountSecret).createApiKey(CreateApiKeyRequest.newBuilder()
        .setName("by an admin service account").setOwnerPrincipalId(target)
        .setInitialToken(TokenSpec.getDefaultInstance()).build());
    assertThat(authorize(Profile.HARNESS.header(issued.getSecret()), nextIp(), "", "orders").getHttpStatus())
        .isEqualTo(200);
  }

  // --- 6. PRINCIPAL_ROLE: a key's role would be ignored, so it is refused ---

  @Test
  void inAPrincipalRoleTenantAKeyRoleIsRefusedNotIgnored() {
    TenantFixture harness = Profile.HARNESS.tenant;
    String readOnly = harness.role("conversations:read");
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.keys(harness.admin).createApiKey(CreateApiKeyRequest
        .newBuilder().setName("read-only?").setRoleId(readOnly).build())).hasMessageContaining("role_id");
    CreateApiKeyResponse key = harness.key(harness.adminPrincipal(), "", "");
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.keys(harness.admin).updateApiKey(UpdateApiKeyRequest
        .newBuilder().setApiKeyId(key.getApiKey().getId()).setRoleId(readOnly).build()));

    TenantFixture v1 = TenantFixture.create(keygate, Profile.HARMONY_V1.settings);
    v1.key(v1.adminPrincipal(), v1.role("conversations:read"), "");
    assertStatus(Status.Code.FAILED_PRECONDITION, () -> keygate.tenants(v1.admin).updateTenant(UpdateTenantRequest
        .newBuilder().setSettings(TenantSettings.newBuilder().setPermissionSource(
            PermissionSource.PERMISSION_SOURCE_PRINCIPAL_ROLE)).build())).hasMessageContaining("role of their own");
  }

  // --- 7. max_token_lifetime caps a key's own expiry too ---

  @Test
  void aKeysExpiryBeyondTheTenantsMaximumLifetimeIsRefused() {
    TenantFixture harmonic = Profile.HARMONIC.tenant;
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.keys(harmonic.admin).createApiKey(CreateApiKeyRequest
        .newBuilder().setName("13 months").setExpiration(months(13)).build()))
        .hasMessageContaining("maximum token lifetime");
    CreateApiKeyResponse eleven = keygate.keys(harmonic.admin).createApiKey(CreateApiKeyRequest.newBuilder()
        .setName("11 months").setExpiration(months(11)).build());
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.keys(harmonic.admin).updateApiKey(UpdateApiKeyRequest
        .newBuilder().setApiKeyId(eleven.getApiKey().getId()).setExpiration(months(30)).build()));
    Expiration at = Expiration.newBuilder().setAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(
        Instant.now().atZone(ZoneOffset.UTC).plusMonths(13).toEpochSecond())).build();
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.keys(harmonic.admin).updateApiKey(UpdateApiKeyRequest
        .newBuilder().setApiKeyId(eleven.getApiKey().getId()).setExpiration(at).build()));
    TenantFixture v1 = Profile.HARMONY_V1.tenant;
    assertThat(keygate.keys(v1.admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("30 months")
        .setExpiration(months(30)).build()).getApiKey().hasExpireTime()).as("no cap in v1").isTrue();
  }

  // --- 9. What counts as managing tokens is the tenant's ---

  @Test
  void anAgentIsRefusedTheResourcesItsTenantNamesAsTokenManagement() {
    TenantFixture onboarding = harmonicOnboarding();
    String narrowRole = onboarding.role("tenant:write:all", "api-tokens:create");
    String narrow = onboarding.key(onboarding.user(narrowRole), narrowRole, "").getSecret();
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.tenants(narrow).updateTenant(UpdateTenantRequest
        .newBuilder().setSettings(TenantSettings.newBuilder().setTokenManagementResources(StringList.newBuilder()
            .addValues("tokens"))).build())).as("freeing every agent needs *").hasMessageContaining("needs *");
    for (Profile profile : new Profile[] {Profile.HARMONIC, Profile.HARMONY_V1}) {
      TenantFixture t = profile.tenant;
      String everything = t.role("*");
      String agent = t.agent(t.adminPrincipal(), everything);
      String secret = t.key(agent, everything, "").getSecret();
      AuthorizeResponse answer = authorize(profile.header(secret), nextIp(), "", "api-tokens", "create");
      String path = profile == Profile.HARMONIC ? "/api/v1/api-tokens" : "/v1/api-tokens";
      int viaEnvoy = deniedStatus(check(profile.header(secret), "POST", path, nextIp(), Map.of()));
      if (profile == Profile.HARMONIC) {
        assertThat(answer.getReason()).isEqualTo(Reason.REASON_AGENT_CANNOT_MANAGE_TOKENS);
        assertThat(viaEnvoy).isEqualTo(403);
      } else {
        assertThat(answer.getHttpStatus()).as("api-tokens is no token resource in v1").isEqualTo(200);
        assertThat(viaEnvoy).isZero();
      }
    }
  }

  // --- 10. A collective's admin switches its collective ---

  @Test
  void aCollectivesOwnAdminSwitchesItsCollectivesApiAccess() {
    TenantFixture harmonic = harmonicOnboarding();
    String collective = harmonic.scope("");
    String sibling = harmonic.scope("");
    String stewardRole = harmonic.role("scopes:write:team", "scopes:read:all", "conversations:read");
    String steward = keygate.principals(harmonic.admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_USER).setDisplayName("collective admin").setScopeId(collective)
        .setRoleId(stewardRole).build()).getPrincipal().getId();
    String stewardSecret = harmonic.key(steward, stewardRole, "").getSecret();
    String member = harmonic.key(harmonic.adminPrincipal(), harmonic.role("conversations:read"), collective)
        .getSecret();
    assertThat(authorize(Profile.HARMONIC.header(member), nextIp(), collective).getHttpStatus()).isEqualTo(200);

    keygate.scopes(stewardSecret).updateScope(UpdateScopeRequest.newBuilder().setScopeId(collective)
        .setApiAccessEnabled(false).build());
    assertThat(authorize(Profile.HARMONIC.header(member), nextIp(), collective).getReason())
        .isEqualTo(Reason.REASON_SCOPE_API_DISABLED);
    assertThat(deniedStatus(check(Profile.HARMONIC.header(member), "GET", "/api/v1/conversations", nextIp(),
        Map.of("scope_id", collective)))).isEqualTo(403);
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.scopes(stewardSecret).updateScope(UpdateScopeRequest
        .newBuilder().setScopeId(sibling).setApiAccessEnabled(false).build())).hasMessageContaining("scopes:write");
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.scopes(stewardSecret).createScope(CreateScopeRequest
        .newBuilder().setName("top level").build()));
    keygate.scopes(stewardSecret).updateScope(UpdateScopeRequest.newBuilder().setScopeId(collective)
        .setApiAccessEnabled(true).build());
    assertThat(authorize(Profile.HARMONIC.header(member), nextIp(), collective).getHttpStatus()).isEqualTo(200);
  }

  // --- 11. Routes per tenant, the deployment's file as the default, changes reach every sidecar ---

  @Test
  void eachTenantMapsItsOwnUrlLayoutAndAChangeReachesEverySidecar() {
    String harmonic = readerKey(Profile.HARMONIC);
    String v1 = readerKey(Profile.HARMONY_V1);
    assertThat(deniedStatus(check(Profile.HARMONIC.header(harmonic), "GET", "/api/v1/conversations/7", nextIp(),
        Map.of()))).isZero();
    assertThat(deniedStatus(check(Profile.HARMONIC.header(harmonic), "GET", "/v1/conversations/7", nextIp(),
        Map.of()))).as("the deployment's layout is not Harmonic's").isEqualTo(403);
    assertThat(deniedStatus(check(Profile.HARMONY_V1.header(v1), "GET", "/v1/conversations/7", nextIp(), Map.of())))
        .isZero();
    assertThat(deniedStatus(check(Profile.HARMONY_V1.header(v1), "GET", "/api/v1/conversations/7", nextIp(),
        Map.of()))).isEqualTo(403);
    assertThat(authorizeRoute(Profile.HARMONIC.header(harmonic), nextIp(), "GET", "/api/v1/conversations/7")
        .getHttpStatus()).as("Authorize with method and path").isEqualTo(200);

    TenantFixture t = harmonicOnboarding();
    String secret = t.key(t.adminPrincipal(), t.role("conversations:read"), "").getSecret();
    assertThat(deniedStatus(checkOn(other, Profile.HARMONIC.header(secret), "/api/v2/conversations"))).isEqualTo(403);
    keygate.tenants(t.admin).updateTenant(UpdateTenantRequest.newBuilder().setSettings(TenantSettings.newBuilder()
        .setRoutes("GET /api/v2/conversations/** conversations:read")).build());
    org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> deniedStatus(checkOn(other,
        Profile.HARMONIC.header(secret), "/api/v2/conversations")) == 0);
    assertThat(deniedStatus(checkOn(other, Profile.HARMONIC.header(secret), "/api/v1/conversations")))
        .as("the old table is gone").isEqualTo(403);

    assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.tenants(t.admin).updateTenant(UpdateTenantRequest
        .newBuilder().setSettings(TenantSettings.newBuilder().setRoutes("GET /healthz public")).build()))
        .hasMessageContaining("public");
    String narrowRole = t.role("tenant:write:all", "conversations:read");
    String narrowSecret = t.key(t.user(narrowRole), narrowRole, "").getSecret();
    assertStatus(Status.Code.PERMISSION_DENIED, () -> keygate.tenants(narrowSecret).updateTenant(UpdateTenantRequest
        .newBuilder().setSettings(TenantSettings.newBuilder().setRoutes("DELETE /api/v2/** conversations:read"))
        .build())).as("remapping a path gives every key that path: it needs *").hasMessageContaining("needs *");
  }

  // --- The rest of each product side by side: token caps, default permissions, informational limits ---

  @Test
  void tokenCapsDefaultPermissionsAndKeyLimitsFollowEachProduct() {
    TenantFixture harmonic = TenantFixture.create(keygate, Profile.HARMONIC.settings);
    String keyId = harmonic.key(harmonic.adminPrincipal(), "", "").getApiKey().getId();
    // The fixture's admin key holds one token already: 48 more reach 50 with the key's own.
    for (int i = 0; i < 48; i++) {
      keygate.keys(harmonic.admin).createToken(CreateTokenRequest.newBuilder().setApiKeyId(keyId).build());
    }
    assertStatus(Status.Code.FAILED_PRECONDITION, () -> keygate.keys(harmonic.admin).createToken(CreateTokenRequest
        .newBuilder().setApiKeyId(keyId).build())).hasMessageContaining("50");

    String v1NoRole = key(Profile.HARMONY_V1, CreateApiKeyRequest.newBuilder()).getSecret();
    assertThat(authorize(Profile.HARMONY_V1.header(v1NoRole), nextIp()).getHttpStatus())
        .as("no role: the default permissions").isEqualTo(200);
    assertThat(authorize(Profile.HARMONY_V1.header(v1NoRole), nextIp(), "", "invoices").getHttpStatus())
        .isEqualTo(403);

    String v2 = key(Profile.HARMONY_V2, CreateApiKeyRequest.newBuilder()).getSecret();
    for (int i = 0; i < 105; i++) {
      AuthorizeResponse answer = authorize(Profile.HARMONY_V2.header(v2), nextIp());
      assertThat(answer.getHttpStatus()).as("v2's key limit is a display value: request %d", i + 1).isEqualTo(200);
    }
  }

  // --- helpers ---

  /**
   * A Harmonic tenant whose admin may still give other users their first keys: under the product's
   * SELF_AND_MANAGED_AGENTS rule nobody but a user issues that user's keys, so tests that need a
   * second user's key onboard it first (the rule itself is tested above).
   */
  private static TenantFixture harmonicOnboarding() {
    return TenantFixture.create(keygate, Profile.HARMONIC.settings.toBuilder()
        .setTokenOwners(TokenOwners.TOKEN_OWNERS_ANY_COVERED).build());
  }

  /** A key of the profile's tenant admin that may read conversations, with a token. */
  private static String readerKey(Profile profile) {
    TenantFixture t = profile.tenant;
    boolean principalRole = profile.settings.getPermissionSource() == PermissionSource.PERMISSION_SOURCE_PRINCIPAL_ROLE;
    return t.key(t.adminPrincipal(), principalRole ? "" : t.role("conversations:read"), "").getSecret();
  }

  private static CreateApiKeyResponse key(Profile profile, CreateApiKeyRequest.Builder request) {
    return keygate.keys(profile.tenant.admin).createApiKey(request.setName("key")
        .setInitialToken(TokenSpec.getDefaultInstance()).build());
  }

  private static Expiration months(int n) {
    return Expiration.newBuilder().setAfter(Lifetime.newBuilder().setAmount(n).setUnit(
        LifetimeUnit.LIFETIME_UNIT_MONTHS)).build();
  }

  private static AuthorizeResponse authorize(Map<String, String> headers, String ip) {
    return authorize(headers, ip, "");
  }

  private static AuthorizeResponse authorize(Map<String, String> headers, String ip, String scopeId) {
    return authorize(headers, ip, scopeId, "conversations");
  }

  private static AuthorizeResponse authorize(Map<String, String> headers, String ip, String scopeId, String resource) {
    return authorize(headers, ip, scopeId, resource, "read");
  }

  private static AuthorizeResponse authorize(Map<String, String> headers, String ip, String scopeId, String resource,
      String action) {
    return keygate.authorizer().authorize(AuthorizeRequest.newBuilder().putAllHeaders(headers).setClientIp(ip)
        .setScopeId(scopeId).setResource(resource).setAction(action).build());
  }

  /** Authorize with method and path, mapped by the key's tenant's routes. */
  private static AuthorizeResponse authorizeRoute(Map<String, String> headers, String ip, String method,
      String path) {
    return keygate.authorizer().authorize(AuthorizeRequest.newBuilder().putAllHeaders(headers).setClientIp(ip)
        .setMethod(method).setPath(path).build());
  }

  private static CheckResponse check(Map<String, String> headers, String method, String path, String ip,
      Map<String, String> context) {
    return check(keygate, headers, method, path, ip, context);
  }

  private static CheckResponse checkOn(TestKeygate sidecar, Map<String, String> headers, String path) {
    return check(sidecar, headers, "GET", path, nextIp(), Map.of());
  }

  private static CheckResponse check(TestKeygate sidecar, Map<String, String> headers, String method, String path,
      String ip, Map<String, String> context) {
    CheckRequest.Builder request = CheckRequest.newBuilder();
    request.getAttributesBuilder()
        .setSource(AttributeContext.Peer.newBuilder().setAddress(Address.newBuilder().setSocketAddress(
            SocketAddress.newBuilder().setAddress(ip).setPortValue(40000))))
        .setRequest(AttributeContext.Request.newBuilder().setHttp(AttributeContext.HttpRequest.newBuilder()
            .setId("profile").setMethod(method).setPath(path).setHost("api.example.com").setScheme("https")
            .setProtocol("HTTP/1.1").putAllHeaders(headers)))
        .putAllContextExtensions(context);
    return AuthorizationGrpc.newBlockingStub(sidecar.channel).withDeadlineAfter(20, TimeUnit.SECONDS)
        .check(request.build());
  }

  /** The HTTP status of a denial; 0 for an allowed check. */
  private static int deniedStatus(CheckResponse response) {
    return response.hasDeniedResponse() ? response.getDeniedResponse().getStatus().getCodeValue() : 0;
  }

  private static String nextIp() {
    int n = IPS.incrementAndGet();
    return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
  }

}
