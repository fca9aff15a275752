package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.keygate.keys.SecretFormat;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.Decision;
import io.keygate.v1.KeyRateLimit;
import io.keygate.v1.RateLimitMode;
import io.keygate.v1.RateLimitScope;
import io.keygate.v1.Reason;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The default backend: one sidecar counting in-process. Limits are exact, reported in headers on
 * allowed and denied answers (Authorize and Envoy Check); the tenant's per-IP limit is shared by
 * every key of the tenant and by nobody else's; refused credentials meet the deployment's guard;
 * informational limits never deny.
 */
class RateLimitIT {
  private static final int IP_LIMIT = 30;
  private static final int AUTH_FAILURE_LIMIT = 12;
  private static final AtomicInteger IPS = new AtomicInteger();

  private static TestKeygate keygate;
  private static String admin;
  /** The admin key of another tenant with the same IP limit. */
  private static String other;
  private static String roleId;

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  @BeforeAll
  static void start() {
    keygate = FLEET.keygate(Map.of("KEYGATE_AUTH_FAILURE_LIMIT", Integer.toString(AUTH_FAILURE_LIMIT)));
    CreateTenantResponse tenant = keygate.newTenant("limits", TenantSettings.newBuilder()
        .setIpLimitRequests(IP_LIMIT).build());
    admin = tenant.getAdminSecret();
    other = keygate.newTenant("neighbour", TenantSettings.newBuilder().setIpLimitRequests(IP_LIMIT).build())
        .getAdminSecret();
    roleId = keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("reader")
        .addPermissions("conversations:read").build()).getRole().getId();
  }


  @Test
  void keyLimitAdmitsExactlyNAndReportsItOnEveryAnswer() {
    String secret = newKey(7, RateLimitMode.RATE_LIMIT_MODE_ENFORCED).getSecret();
    for (int i = 0; i < 7; i++) {
      AuthorizeResponse ok = authorize(secret, nextIp());
      assertThat(ok.getDecision()).as("request %d of 7", i + 1).isEqualTo(Decision.DECISION_ALLOW);
      assertThat(ok.getRateLimit().getScope()).isEqualTo(RateLimitScope.RATE_LIMIT_SCOPE_KEY);
      assertThat(ok.getResponseHeadersMap()).containsEntry("x-ratelimit-limit", "7")
          .containsEntry("x-ratelimit-remaining", Integer.toString(6 - i)).doesNotContainKey("retry-after");
      assertThat(Long.parseLong(ok.getResponseHeadersMap().get("x-ratelimit-reset"))).isBetween(1L, 61L);
    }
    AuthorizeResponse denied = authorize(secret, nextIp());
    assertThat(denied.getReason()).isEqualTo(Reason.REASON_KEY_RATE_LIMITED);
    assertThat(denied.getHttpStatus()).isEqualTo(429);
    assertThat(denied.getIdentity().getApiKeyId()).as("a key-limit 429 still says who called").isNotEmpty();
    assertThat(denied.getResponseHeadersMap()).containsEntry("x-ratelimit-limit", "7")
        .containsEntry("x-ratelimit-remaining", "0");
    assertThat(Long.parseLong(denied.getResponseHeadersMap().get("retry-after"))).isBetween(1L, 61L)
        .isEqualTo(Long.parseLong(denied.getResponseHeadersMap().get("x-ratelimit-reset")));
  }

  @Test
  void informationalLimitIsReportedButNeverDenies() {
    String secret = newKey(3, RateLimitMode.RATE_LIMIT_MODE_INFORMATIONAL).getSecret();
    for (int i = 0; i < 12; i++) {
      AuthorizeResponse response = authorize(secret, nextIp());
      assertThat(response.getDecision()).as("request %d against an informational 3", i + 1)
          .isEqualTo(Decision.DECISION_ALLOW);
      assertThat(response.getResponseHeadersMap()).doesNotContainKey("retry-after");
    }
  }

  /** The seeds' per-IP limit: every request of the tenant from the IP, whatever key, and no one else's. */
  @Test
  void theTenantsIpLimitCountsEveryRequestOfTheTenantAndNewKeysDoNotRaiseIt() {
    String ip = nextIp();
    String first = newKey(0, RateLimitMode.RATE_LIMIT_MODE_UNSPECIFIED).getSecret();
    for (int i = 0; i < 10; i++) {
      assertThat(authorize(first, ip, "invoices").getHttpStatus()).as("denied, and counted").isEqualTo(403);
    }
    for (int i = 0; i < 20; i++) {
      String secret = newKey(0, RateLimitMode.RATE_LIMIT_MODE_UNSPECIFIED).getSecret();
      AuthorizeResponse ok = authorize(secret, ip);
      assertThat(ok.getDecision()).as("request %d of the IP's %d", 11 + i, IP_LIMIT).isEqualTo(Decision.DECISION_ALLOW);
    }
    String another = newKey(0, RateLimitMode.RATE_LIMIT_MODE_UNSPECIFIED).getSecret();
    AuthorizeResponse denied = authorize(another, ip);
    assertThat(denied.getReason()).isEqualTo(Reason.REASON_IP_RATE_LIMITED);
    assertThat(denied.getRateLimit().getScope()).isEqualTo(RateLimitScope.RATE_LIMIT_SCOPE_IP);
    assertThat(denied.getResponseHeadersMap()).containsEntry("x-ratelimit-limit", Integer.toString(IP_LIMIT))
        .containsEntry("x-ratelimit-remaining", "0");
    assertThat(Long.parseLong(denied.getResponseHeadersMap().get("retry-after"))).isBetween(1L, 916L);
    assertThat(authorize(another, nextIp()).getDecision()).as("another IP").isEqualTo(Decision.DECISION_ALLOW);
    assertThat(authorize(other, ip).getDecision()).as("another tenant, same IP: its own allowance")
        .isEqualTo(Decision.DECISION_ALLOW);
    assertThat(authorize("lk_" + "1".repeat(64), ip).getReason())
        .as("an unknown key names no tenant: the deployment's guard, not the tenant's limit, meets it")
        .isEqualTo(Reason.REASON_CREDENTIAL_MALFORMED);
  }

  /** Guessing keys from one IP is stopped long before the IP limit, for every key from that IP. */
  @Test
  void repeatedBadCredentialsFromOneIpAreThrottledMoreStrictlyThanNormalTraffic() {
    String secret = newKey(0, RateLimitMode.RATE_LIMIT_MODE_UNSPECIFIED).getSecret();
    String normal = nextIp();
    for (int i = 0; i < AUTH_FAILURE_LIMIT + 5; i++) {
      AuthorizeResponse ok = authorize(secret, normal);
      assertThat(ok.getDecision()).as("valid request %d", i + 1).isEqualTo(Decision.DECISION_ALLOW);
      assertThat(ok.getResponseHeadersMap()).as("normal traffic never sees the guard")
          .containsEntry("x-ratelimit-limit", Integer.toString(IP_LIMIT));
    }
    // A missing credential is not a guess; it does not count.
    for (int i = 0; i < AUTH_FAILURE_LIMIT + 1; i++) {
      assertThat(authorize("", normal).getReason()).isEqualTo(Reason.REASON_CREDENTIAL_MISSING);
    }
    String guesser = nextIp();
    // Malformed, well-formed but unknown, and a revoked-looking mix: each a failed authentication.
    SecretFormat format = new SecretFormat(SecretFormat.DEFAULT_PREFIX);
    for (int i = 0; i < AUTH_FAILURE_LIMIT; i++) {
      String guess = i % 2 == 0 ? format.generate() : "lk_" + "a".repeat(64);
      assertThat(authorize(guess, guesser).getHttpStatus()).as("guess %d", i + 1).isEqualTo(401);
    }
    AuthorizeResponse blocked = authorize(secret, guesser);
    assertThat(blocked.getReason()).as("even a valid key, from the guessing IP").isEqualTo(
        Reason.REASON_IP_RATE_LIMITED);
    assertThat(blocked.getResponseHeadersMap()).containsEntry("x-ratelimit-limit",
        Integer.toString(AUTH_FAILURE_LIMIT)).containsEntry("x-ratelimit-remaining", "0");
    assertThat(Long.parseLong(blocked.getResponseHeadersMap().get("retry-after"))).isBetween(1L, 916L);
    assertThat(authorize(format.generate(), guesser).getReason()).isEqualTo(Reason.REASON_IP_RATE_LIMITED);
    assertThat(authorize(secret, nextIp()).getDecision()).as("other IPs").isEqualTo(Decision.DECISION_ALLOW);
  }

  @Test
  void envoyCheckCarriesTheLimitOnAllowedAnswersAndA429WithRetryAfter() {
    String secret = newKey(2, RateLimitMode.RATE_LIMIT_MODE_ENFORCED).getSecret();
    String ip = nextIp();
    for (int i = 0; i < 2; i++) {
      CheckResponse ok = check(secret, ip);
      assertThat(ok.hasOkResponse()).isTrue();
      Map<String, String> headers = headers(ok.getOkResponse().getResponseHeadersToAddList());
      assertThat(headers).containsEntry("x-ratelimit-limit", "2")
          .containsEntry("x-ratelimit-remaining", Integer.toString(1 - i)).containsKey("x-ratelimit-reset");
    }
    CheckResponse denied = check(secret, ip);
    assertThat(denied.getStatus().getCode()).isEqualTo(Code.RESOURCE_EXHAUSTED_VALUE);
    assertThat(denied.getDeniedResponse().getStatus().getCodeValue()).isEqualTo(429);
    assertThat(denied.getDeniedResponse().getBody()).contains("key_rate_limited");
    Map<String, String> headers = headers(denied.getDeniedResponse().getHeadersList());
    assertThat(headers).containsEntry("x-ratelimit-limit", "2").containsEntry("x-ratelimit-remaining", "0")
        .containsKeys("x-ratelimit-reset", "retry-after");
  }

  // --- helpers ---

  private static CreateApiKeyResponse newKey(long perMinute, RateLimitMode mode) {
    CreateApiKeyRequest.Builder request = CreateApiKeyRequest.newBuilder().setName("limited").setRoleId(roleId)
        .setInitialToken(TokenSpec.getDefaultInstance());
    if (perMinute > 0) {
      request.setRateLimit(KeyRateLimit.newBuilder().setRequestsPerMinute(perMinute).setMode(mode));
    }
    return keygate.keys(admin).createApiKey(request.build());
  }

  private static AuthorizeResponse authorize(String secret, String ip) {
    return authorize(secret, ip, "conversations");
  }

  private static AuthorizeResponse authorize(String secret, String ip, String resource) {
    return keygate.authorizer().authorize(AuthorizeRequest.newBuilder().setCredential(secret)
        .setResource(resource).setAction("read").setClientIp(ip).build());
  }

  private static CheckResponse check(String secret, String ip) {
    CheckRequest.Builder request = CheckRequest.newBuilder();
    request.getAttributesBuilder()
        .setSource(AttributeContext.Peer.newBuilder().setAddress(Address.newBuilder().setSocketAddress(
            SocketAddress.newBuilder().setAddress(ip).setPortValue(40000))))
        .setRequest(AttributeContext.Request.newBuilder().setHttp(AttributeContext.HttpRequest.newBuilder()
            .setId("rl").setMethod("GET").setPath("/v1/conversations").setHost("api.example.com")
            .setScheme("https").setProtocol("HTTP/1.1").putHeaders("x-api-key", secret)))
        // No route table here: the Envoy route names the permission, as per-route ext_authz config does.
        .putContextExtensions("resource", "conversations").putContextExtensions("action", "read");
    return AuthorizationGrpc.newBlockingStub(keygate.channel).withDeadlineAfter(20, TimeUnit.SECONDS)
        .check(request.build());
  }

  private static Map<String, String> headers(List<HeaderValueOption> options) {
    Map<String, String> out = new HashMap<>();
    options.forEach(o -> out.put(o.getHeader().getKey(), o.getHeader().getValue()));
    return out;
  }

  private static String nextIp() {
    int n = IPS.incrementAndGet();
    return "203.0." + (113 + n / 250) + "." + (1 + n % 250);
  }
}
