package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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
import io.keygate.v1.UpdateApiKeyRequest;
import io.keygate.v1.UpdateTenantRequest;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet of sidecars sharing one real Redis and one PostgreSQL: limits hold exactly across the
 * fleet under concurrent load, windows reset, limits and modes changed through the management API
 * reach every sidecar, and a Redis outage gets the configured behaviour — fail-open sidecars keep
 * serving and count locally, fail-closed ones answer 503 — with automatic recovery. Each test makes
 * its own keys, tenants and client IPs, and a test that stops Redis starts it again before it ends,
 * so they hold in any order. Redis keeps its own time (the script reads {@code TIME}), so a test
 * that needs a window to pass awaits the answer it expects instead of sleeping.
 */
class RedisRateLimitIT {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimitIT.class);
  /** The deployment-wide per-IP limit of this fleet: small enough to reach, with a 15-minute window. */
  private static final int FLEET_IP_LIMIT = 40;
  private static final AtomicInteger IPS = new AtomicInteger();
  /**
   * The windows of the tests that watch one pass: Redis counts on its own clock, so they are long
   * enough that no burst below can straddle one on a busy machine, and the tests await the reset.
   */
  private static final int WINDOW_SECONDS = 12;
  /** The window of the per-key limits. */
  private static final long MINUTE_MILLIS = 60_000;

  @RegisterExtension
  static final TestFleet SERVERS = new TestFleet();

  private static TestRedis redis;
  private static TestKeygate a;
  private static TestKeygate b;
  private static TestKeygate c;
  /** Same Redis, fail-closed. */
  private static TestKeygate closed;
  private static List<TestKeygate> fleet;
  private static String admin;
  private static String roleId;

  @BeforeAll
  static void start() {
    redis = SERVERS.redis();
    String db = TestPostgres.newDatabase();
    a = SERVERS.closeAfterAll(redisSidecar(db, true));
    b = SERVERS.closeAfterAll(redisSidecar(db, true));
    c = SERVERS.closeAfterAll(redisSidecar(db, true));
    closed = SERVERS.closeAfterAll(redisSidecar(db, false));
    fleet = List.of(a, b, c);
    CreateTenantResponse tenant = a.newTenant("limits", TenantSettings.newBuilder()
        .setIpLimitRequests(FLEET_IP_LIMIT).build());
    admin = tenant.getAdminSecret();
    roleId = a.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("reader")
        .addPermissions("conversations:read").build()).getRole().getId();
  }

  /**
   * Every test starts with Redis up and every Redis sidecar counting in it again — a test that stopped
   * Redis leaves the sidecars to reconnect on their own, each in its own time.
   */
  @BeforeEach
  void everySidecarCountsInRedis() {
    String secret = newKey(1_000_000, RateLimitMode.RATE_LIMIT_MODE_ENFORCED).getSecret();
    for (TestKeygate sidecar : List.of(a, b, c, closed)) {
      await(() -> authorize(sidecar, secret, nextIp()).getReason() == Reason.REASON_OK
          && !sidecar.server.rateLimiter().degraded(), "a sidecar counting in Redis");
    }
  }

  private static TestKeygate redisSidecar(String db, boolean failOpen) {
    // A command timeout far above any round trip on a busy test machine: the accuracy tests need every
    // request counted in Redis (a timed-out one is counted locally, by the failure mode). The outage
    // test below shows that a dead Redis is still noticed at once: the connection drops.
    return TestKeygate.start(db, Map.of("KEYGATE_REDIS_URL", redis.url(), "KEYGATE_RATE_LIMIT_FAILURE",
        failOpen ? "open" : "closed", "KEYGATE_REDIS_TIMEOUT_MS", "5000"));
  }

  /** Leased (the default) and for a tenant with {@code exact_rate_limits}: exact under concurrent load. */
  @ParameterizedTest(name = "exact_rate_limits={0}")
  @ValueSource(booleans = {false, true})
  void keyLimitIsExactAcrossSidecarsUnderConcurrentLoad(boolean exactTenant) throws Exception {
    String secret = keyOf(TenantSettings.newBuilder().setIpLimitRequests(10_000_000).setExactRateLimits(exactTenant),
        25);
    // 3 sidecars × 3 threads × 20 requests, each thread from its own IP (well inside the IP limit).
    List<Callable<List<AuthorizeResponse>>> callers = new ArrayList<>();
    for (TestKeygate sidecar : fleet) {
      for (int t = 0; t < 3; t++) {
        String ip = nextIp();
        callers.add(() -> {
          List<AuthorizeResponse> out = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            out.add(authorize(sidecar, secret, ip));
          }
          return out;
        });
      }
    }
    long errors = fleetErrors();
    long bucket = TestRedis.bucket(redis.url(), MINUTE_MILLIS);
    Map<Reason, Integer> reasons = tally(runConcurrently(callers));
    assertThat(fleetErrors()).as("Redis errors (requests counted locally)").isEqualTo(errors);
    boolean oneBucket = TestRedis.bucket(redis.url(), MINUTE_MILLIS) == bucket;
    if (!LimitBursts.assertLimitHeld(reasons, 25, 180, exactTenant || oneBucket)) {
      return;
    }
    AuthorizeResponse denied = authorize(b, secret, nextIp());
    assertThat(denied.getHttpStatus()).isEqualTo(429);
    assertThat(denied.getRateLimit().getScope()).isEqualTo(RateLimitScope.RATE_LIMIT_SCOPE_KEY);
    assertThat(denied.getResponseHeadersMap()).containsEntry("x-ratelimit-limit", "25")
        .containsEntry("x-ratelimit-remaining", "0").containsKeys("x-ratelimit-reset", "retry-after");
    assertThat(Long.parseLong(denied.getResponseHeadersMap().get("retry-after"))).isBetween(1L, 62L);
  }

  @Test
  void theTenantsIpLimitIsSharedByEveryKeyOnEverySidecar() throws Exception {
    String ip = nextIp();
    List<String> secrets = List.of(newKey(0, RateLimitMode.RATE_LIMIT_MODE_UNSPECIFIED).getSecret(),
        newKey(0, RateLimitMode.RATE_LIMIT_MODE_UNSPECIFIED).getSecret(),
        newKey(0, RateLimitMode.RATE_LIMIT_MODE_UNSPECIFIED).getSecret());
    for (int i = 0; i < 10; i++) {
      assertThat(authorize(fleet.get(i % 3), secrets.get(i % 3), ip).getReason()).isEqualTo(Reason.REASON_OK);
    }
    // Each sidecar offered more than the 30 left: each ends refused, holding no unspent slice.
    List<Callable<List<AuthorizeResponse>>> callers = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      TestKeygate sidecar = fleet.get(s);
      String secret = secrets.get(s);
      callers.add(() -> {
        List<AuthorizeResponse> out = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
          out.add(authorize(sidecar, secret, ip));
        }
        return out;
      });
    }
    long errors = fleetErrors();
    long window = 900_000; // the fleet tenant's IP window: 15 minutes
    long bucket = TestRedis.bucket(redis.url(), window);
    Map<Reason, Integer> reasons = tally(runConcurrently(callers));
    assertThat(fleetErrors()).as("Redis errors (requests counted locally)").isEqualTo(errors);
    // 10 requests, then 135 with 3 keys; the IP allows 40.
    if (!LimitBursts.assertLimitHeld(reasons, Reason.REASON_IP_RATE_LIMITED, 30, 135,
        TestRedis.bucket(redis.url(), window) == bucket)) {
      return;
    }
    AuthorizeResponse limited = authorize(c, secrets.get(0), ip);
    assertThat(limited.getReason()).isEqualTo(Reason.REASON_IP_RATE_LIMITED);
    assertThat(limited.getResponseHeadersMap()).containsEntry("x-ratelimit-limit", "40");
    assertThat(Long.parseLong(limited.getResponseHeadersMap().get("retry-after"))).isBetween(1L, 916L);
    // A new key does not raise the allowance; another IP is untouched.
    String fresh = newKey(0, RateLimitMode.RATE_LIMIT_MODE_UNSPECIFIED).getSecret();
    assertThat(authorize(a, fresh, ip).getReason()).isEqualTo(Reason.REASON_IP_RATE_LIMITED);
    assertThat(authorize(a, fresh, nextIp()).getReason()).isEqualTo(Reason.REASON_OK);
  }

  @Test
  void tenantIpLimitChangedThroughTheApiReachesEverySidecarAndItsWindowResets() {
    CreateTenantResponse tenant = a.newTenant("short window");
    String tenantAdmin = tenant.getAdminSecret();
    String role = a.roles(tenantAdmin).createRole(CreateRoleRequest.newBuilder().setName("reader")
        .addPermissions("conversations:read").build()).getRole().getId();
    String secret = a.keys(tenantAdmin).createApiKey(CreateApiKeyRequest.newBuilder().setName("k").setRoleId(role)
        .setInitialToken(TokenSpec.getDefaultInstance()).build()).getSecret();
    for (TestKeygate sidecar : fleet) {
      assertThat(authorize(sidecar, secret, nextIp()).getReason()).isEqualTo(Reason.REASON_OK);
    }
    // A window far longer than the burst below can take, however busy the machine.
    a.tenants(tenantAdmin).updateTenant(UpdateTenantRequest.newBuilder().setSettings(TenantSettings.newBuilder()
        .setIpLimitRequests(5).setIpLimitWindow(Duration.newBuilder().setSeconds(WINDOW_SECONDS))).build());
    for (TestKeygate sidecar : fleet) {
      await(() -> authorize(sidecar, secret, nextIp()).getResponseHeadersMap().get("x-ratelimit-limit").equals("5"),
          "the tenant's new IP limit on every sidecar");
    }
    // Exactly 5 of a burst get through, spread over the sidecars.
    String ip = nextIp();
    for (int i = 0; i < 5; i++) {
      AuthorizeResponse ok = authorize(fleet.get(i % 3), secret, ip);
      assertThat(ok.getReason()).as("request %d", i + 1).isEqualTo(Reason.REASON_OK);
      assertThat(ok.getResponseHeadersMap()).containsEntry("x-ratelimit-remaining", Integer.toString(4 - i));
    }
    AuthorizeResponse sixth = authorize(b, secret, ip);
    assertThat(sixth.getReason()).as("request 6").isEqualTo(Reason.REASON_IP_RATE_LIMITED);
    long retryAfter = Long.parseLong(sixth.getResponseHeadersMap().get("retry-after"));
    assertThat(retryAfter).isBetween(1L, WINDOW_SECONDS + 1L);
    // Refused requests are not counted, so asking until one is allowed leaves the count as it was.
    await(() -> authorize(c, secret, ip).getReason() == Reason.REASON_OK, "room again after Retry-After");
  }

  @Test
  void informationalModeNeverDeniesAndSwitchingToEnforcedReachesTheFleet() {
    CreateApiKeyResponse key = newKey(5, RateLimitMode.RATE_LIMIT_MODE_INFORMATIONAL);
    for (int i = 0; i < 30; i++) {
      AuthorizeResponse response = authorize(fleet.get(i % 3), key.getSecret(), nextIp());
      assertThat(response.getDecision()).as("request %d of 30 against an informational 5", i + 1)
          .isEqualTo(Decision.DECISION_ALLOW);
    }
    a.keys(admin).updateApiKey(UpdateApiKeyRequest.newBuilder().setApiKeyId(key.getApiKey().getId())
        .setRateLimit(KeyRateLimit.newBuilder().setMode(RateLimitMode.RATE_LIMIT_MODE_ENFORCED)).build());
    for (TestKeygate sidecar : fleet) {
      await(() -> authorize(sidecar, key.getSecret(), nextIp()).getReason() == Reason.REASON_KEY_RATE_LIMITED,
          "enforced on every sidecar");
    }
  }

  /**
   * Leased: at steady state most decisions touch no Redis ({@code INFO commandstats}: the EVALSHA calls sent;
   * the commands the scripts run inside and Redis's CPU time for them are logged).
   */
  @Test
  void leasedDecisionsCostAtMostFiftyRedisCommandsPerThousand() {
    // Limits high enough never to be reached: both are still counted on every request.
    String secret = keyOf(TenantSettings.newBuilder().setIpLimitRequests(10_000_000), 1_000_000);
    String[] ips = new String[4];
    Arrays.setAll(ips, i -> nextIp());
    for (int i = 0; i < 1000; i++) {
      authorize(a, secret, ips[i % ips.length]);
    }
    Map<String, Long> before = commandCalls();
    Map<String, Long> usecBefore = commandMicros();
    for (int i = 0; i < 1000; i++) {
      assertThat(authorize(a, secret, ips[i % ips.length]).getReason()).isEqualTo(Reason.REASON_OK);
    }
    Map<String, Long> sent = since(commandCalls(), before);
    Map<String, Long> micros = since(commandMicros(), usecBefore);
    sent.keySet().removeAll(List.of("hello", "client", "info")); // this test's own INFO connection
    long evalsha = sent.getOrDefault("evalsha", 0L);
    Map<String, Long> inner = new HashMap<>(sent);
    inner.remove("evalsha");
    long innerCalls = inner.values().stream().mapToLong(Long::longValue).sum();
    LOG.info("1,000 allowed Authorize calls, leased: {} EVALSHA sent to Redis (+ {} commands inside the scripts:"
        + " {}); Redis CPU {} µs", evalsha, innerCalls, inner, micros.getOrDefault("evalsha", 0L));
    // SCRIPT: a script reloaded after NOSCRIPT, when an earlier test restarted Redis (tests run in any order).
    assertThat(sent.keySet()).as("commands sent to Redis").isSubsetOf(List.of("evalsha", "script", "time",
        "hgetall", "hincrby", "hdel", "pexpire"));
    assertThat(evalsha + sent.getOrDefault("script", 0L)).as("sent for 1,000 decisions").isBetween(1L, 50L);
  }

  /**
   * Leased (the default): a limit offered twice over on each of three sidecars, concurrently, admits exactly
   * its limit. (Every sidecar is over the limit: a sidecar whose traffic stops while it holds part of a slice
   * leaves that part unspent until its bucket ends — fewer admitted, never more; docs/rate-limiting.md.)
   */
  @Test
  void aLimitOfferedTwiceOverOnEverySidecarAdmitsExactlyTheLimit() throws Exception {
    String secret = keyOf(TenantSettings.newBuilder().setIpLimitRequests(10_000_000), 60);
    List<Callable<List<AuthorizeResponse>>> callers = new ArrayList<>();
    for (TestKeygate sidecar : fleet) {
      for (int t = 0; t < 2; t++) {
        String ip = nextIp();
        callers.add(() -> {
          List<AuthorizeResponse> out = new ArrayList<>();
          for (int i = 0; i < 60; i++) {
            out.add(authorize(sidecar, secret, ip));
          }
          return out;
        });
      }
    }
    long errors = fleetErrors();
    long bucket = TestRedis.bucket(redis.url(), MINUTE_MILLIS);
    Map<Reason, Integer> reasons = tally(runConcurrently(callers));
    assertThat(fleetErrors()).as("Redis errors (requests counted locally)").isEqualTo(errors);
    if (!LimitBursts.assertLimitHeld(reasons, 60, 360, TestRedis.bucket(redis.url(), MINUTE_MILLIS) == bucket)) {
      return;
    }
    for (TestKeygate sidecar : fleet) {
      AuthorizeResponse denied = authorize(sidecar, secret, nextIp());
      assertThat(denied.getReason()).isEqualTo(Reason.REASON_KEY_RATE_LIMITED);
      assertThat(denied.getResponseHeadersMap()).containsEntry("x-ratelimit-limit", "60")
          .containsEntry("x-ratelimit-remaining", "0");
      // The window is a minute; Retry-After comes from Redis's answer, aged by this sidecar's clock.
      assertThat(Long.parseLong(denied.getResponseHeadersMap().get("retry-after"))).isBetween(1L, 62L);
    }
  }

  /** A tenant with {@code exact_rate_limits}: every request is one script call, and the headers are exact. */
  @Test
  void anExactTenantIsCountedInRedisRequestByRequest() {
    String secret = keyOf(TenantSettings.newBuilder().setIpLimitRequests(10_000_000).setExactRateLimits(true), 10);
    String ip = nextIp();
    for (TestKeygate sidecar : fleet) {
      await(() -> authorize(sidecar, secret, nextIp()).getReason() == Reason.REASON_OK,
          "the tenant's settings on every sidecar");
    }
    Map<String, Long> before = commandCalls();
    for (int i = 0; i < 7; i++) {
      AuthorizeResponse ok = authorize(fleet.get(i % 3), secret, ip);
      assertThat(ok.getReason()).as("request %d", i + 1).isEqualTo(Reason.REASON_OK);
      assertThat(ok.getResponseHeadersMap()).containsEntry("x-ratelimit-remaining", Integer.toString(6 - i));
    }
    for (int i = 0; i < 5; i++) {
      assertThat(authorize(fleet.get(i % 3), secret, ip).getReason()).isEqualTo(Reason.REASON_KEY_RATE_LIMITED);
    }
    Map<String, Long> sent = since(commandCalls(), before);
    assertThat(sent.get("evalsha")).as("one script call per request").isEqualTo(12L);
  }

  private static Map<String, Long> since(Map<String, Long> now, Map<String, Long> before) {
    Map<String, Long> out = new HashMap<>(now);
    out.replaceAll((command, calls) -> calls - before.getOrDefault(command, 0L));
    out.values().removeIf(calls -> calls == 0);
    return out;
  }

  /** A key of a new tenant with {@code settings}, limited to {@code perMinute}. */
  private static String keyOf(TenantSettings.Builder settings, long perMinute) {
    CreateTenantResponse tenant = a.newTenant("t" + IPS.incrementAndGet(), settings.build());
    String role = a.roles(tenant.getAdminSecret()).createRole(CreateRoleRequest.newBuilder().setName("reader")
        .addPermissions("conversations:read").build()).getRole().getId();
    return a.keys(tenant.getAdminSecret()).createApiKey(CreateApiKeyRequest.newBuilder().setName("k").setRoleId(role)
        .setRateLimit(KeyRateLimit.newBuilder().setRequestsPerMinute(perMinute)
            .setMode(RateLimitMode.RATE_LIMIT_MODE_ENFORCED))
        .setInitialToken(TokenSpec.getDefaultInstance()).build()).getSecret();
  }

  @Test
  void redisOutageFailOpenCountsLocallyFailClosedDeniesAndBothRecover() {
    CreateApiKeyResponse key = newKey(5, RateLimitMode.RATE_LIMIT_MODE_ENFORCED);
    String ip = nextIp();
    assertThat(authorize(a, key.getSecret(), ip).getReason()).isEqualTo(Reason.REASON_OK);
    assertThat(authorize(closed, key.getSecret(), ip).getReason()).isEqualTo(Reason.REASON_OK);
    long errorsBefore = a.server.rateLimiter().errors();
    redis.down();
    try {
      // Fail-open: served at once, counted in this sidecar alone (its local count starts afresh).
      long start = System.nanoTime();
      for (int i = 0; i < 5; i++) {
        assertThat(authorizeWithin(a, key.getSecret(), ip, 2).getReason()).as("fail-open, request %d", i + 1)
            .isEqualTo(Reason.REASON_OK);
      }
      AuthorizeResponse sixth = authorizeWithin(a, key.getSecret(), ip, 2);
      LOG.info("Redis down: 6 fail-open Authorize calls took {} ms in all", (System.nanoTime() - start) / 1_000_000);
      assertThat(sixth.getReason()).as("the local count still enforces").isEqualTo(Reason.REASON_KEY_RATE_LIMITED);
      assertThat(a.server.rateLimiter().degraded()).isTrue();
      assertThat(a.server.rateLimiter().errors()).as("failures seen (later calls skip Redis for a moment)")
          .isGreaterThan(errorsBefore);
      assertThat(scrape(a)).contains("keygate_ratelimit_degraded 1.0")
          .contains("keygate_ratelimit_errors_total " + a.server.rateLimiter().errors() + ".0");
      // Fail-closed: a clear 503, also fast.
      AuthorizeResponse unavailable = authorizeWithin(closed, key.getSecret(), ip, 2);
      assertThat(unavailable.getReason()).isEqualTo(Reason.REASON_RATE_LIMITER_UNAVAILABLE);
      assertThat(unavailable.getHttpStatus()).isEqualTo(503);
      assertThat(unavailable.getDecision()).isEqualTo(Decision.DECISION_DENY);
      assertThat(closed.server.rateLimiter().degraded()).isTrue();
    } finally {
      redis.up();
    }
    // Recovery without a restart: Lettuce reconnects, the script is loaded again (Redis forgot it).
    String fresh = nextIp();
    await(() -> authorize(closed, key.getSecret(), fresh).getReason() == Reason.REASON_OK,
        "the fail-closed sidecar serving again");
    await(() -> {
      authorize(a, key.getSecret(), fresh);
      return !a.server.rateLimiter().degraded();
    }, "the fail-open sidecar counting in Redis again");
    assertThat(closed.server.rateLimiter().degraded()).isFalse();
  }

  @Test
  void aSidecarStartedBeforeRedisServesByItsFailureModeAndConnectsWhenRedisComesUp() {
    try (TestRedis later = TestRedis.notStarted();
        TestKeygate early = TestKeygate.start(a.jdbcUrl, Map.of("KEYGATE_REDIS_URL", later.url(),
            "KEYGATE_RATE_LIMIT_FAILURE", "closed"))) {
      CreateApiKeyResponse key = newKey(5, RateLimitMode.RATE_LIMIT_MODE_ENFORCED);
      assertThat(authorizeWithin(early, key.getSecret(), nextIp(), 2).getReason())
          .isEqualTo(Reason.REASON_RATE_LIMITER_UNAVAILABLE);
      later.up();
      await(() -> authorize(early, key.getSecret(), nextIp()).getReason() == Reason.REASON_OK,
          "the sidecar connecting to Redis once it is up");
    }
  }

  /**
   * Redis stalls (CLIENT PAUSE) longer than the 100 ms command timeout: the first call waits for the
   * timeout and is answered by the failure mode; the calls right after it do not wait at all — Redis
   * is left alone for a moment after a failure — so a hung Redis costs a call at most one timeout.
   * When the stall ends the sidecar counts in Redis again on its own.
   */
  @Test
  void aStallBeyondTheTimeoutCostsOneTimeoutAndTheSidecarRecovers() {
    try (TestKeygate fast = TestKeygate.start(a.jdbcUrl, Map.of("KEYGATE_REDIS_URL", redis.url()))) {
      String secret = newKey(1_000_000, RateLimitMode.RATE_LIMIT_MODE_ENFORCED).getSecret();
      String ip = nextIp();
      for (int i = 0; i < 4; i++) {
        assertThat(authorize(fast, secret, ip).getReason()).isEqualTo(Reason.REASON_OK);
      }
      long errors = fast.server.rateLimiter().errors();
      io.lettuce.core.RedisClient admin = io.lettuce.core.RedisClient.create(redis.url());
      try (var connection = admin.connect()) {
        connection.sync().clientPause(1500);
      } finally {
        admin.shutdown(java.time.Duration.ZERO, java.time.Duration.ofSeconds(1));
      }
      for (int i = 0; i < 4; i++) {
        assertThat(authorizeWithin(fast, secret, ip, 2).getReason()).as("during the stall, request %d", i + 1)
            .isEqualTo(Reason.REASON_OK);
      }
      assertThat(fast.server.rateLimiter().errors()).as("calls that waited for Redis's timeout")
          .isGreaterThan(errors).isLessThan(errors + 4);
      await(() -> authorize(fast, secret, ip).getReason() == Reason.REASON_OK
          && !fast.server.rateLimiter().degraded(), "counting in Redis again once the stall is over");
    }
  }

  /** A long Redis outage in fail-open mode: requests are refused by Lettuce at once, nothing piles up. */
  @Test
  void memoryStaysFlatThroughALongOutage() {
    String secret = newKey(1_000_000, RateLimitMode.RATE_LIMIT_MODE_ENFORCED).getSecret();
    // 200 IPs: 27 calls each, inside the fleet's per-IP limit of 40.
    String[] ips = new String[200];
    Arrays.setAll(ips, i -> nextIp());
    redis.down();
    try {
      for (int i = 0; i < 500; i++) {
        authorize(a, secret, ips[i % ips.length]);
      }
      long before = usedHeapAfterGc();
      for (int i = 0; i < 5000; i++) {
        assertThat(authorize(a, secret, ips[i % ips.length]).getDecision()).isEqualTo(Decision.DECISION_ALLOW);
      }
      long grown = usedHeapAfterGc() - before;
      LOG.info("heap growth over 5000 Authorize calls with Redis down: {} KB", grown / 1024);
      assertThat(grown).as("heap growth in bytes").isLessThan(32L * 1024 * 1024);
    } finally {
      redis.up();
    }
    await(() -> {
      authorize(a, secret, nextIp());
      return !a.server.rateLimiter().degraded();
    }, "recovery");
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      sleep(100);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  // --- helpers ---

  private static CreateApiKeyResponse newKey(long perMinute, RateLimitMode mode) {
    CreateApiKeyRequest.Builder request = CreateApiKeyRequest.newBuilder().setName("limited").setRoleId(roleId)
        .setInitialToken(TokenSpec.getDefaultInstance());
    if (perMinute > 0) {
      request.setRateLimit(KeyRateLimit.newBuilder().setRequestsPerMinute(perMinute).setMode(mode));
    }
    return a.keys(admin).createApiKey(request.build());
  }

  /** The sidecar's Prometheus metrics, as a scraper sees them. */
  private static String scrape(TestKeygate sidecar) {
    try (HTTPServer exporter = sidecar.server.metrics().serve("127.0.0.1", 0)) {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + exporter.getPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static long fleetErrors() {
    return fleet.stream().mapToLong(s -> s.server.rateLimiter().errors()).sum();
  }

  private static AuthorizeResponse authorize(TestKeygate sidecar, String secret, String ip) {
    return sidecar.authorizer().authorize(request(secret, ip));
  }

  /** Authorize with a short deadline: a hang would fail with DEADLINE_EXCEEDED. */
  private static AuthorizeResponse authorizeWithin(TestKeygate sidecar, String secret, String ip, int seconds) {
    try {
      return sidecar.authorizer().withDeadlineAfter(seconds, TimeUnit.SECONDS).authorize(request(secret, ip));
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).as("Authorize failed instead of deciding").isNotEqualTo(Status.Code.OK);
      throw e;
    }
  }

  private static AuthorizeRequest request(String secret, String ip) {
    return AuthorizeRequest.newBuilder().setCredential(secret).setResource("conversations").setAction("read")
        .setClientIp(ip).build();
  }

  private static String nextIp() {
    int n = IPS.incrementAndGet();
    return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
  }

  /** Calls per command since Redis started, from {@code INFO commandstats}. */
  private static Map<String, Long> commandCalls() {
    return commandStat("calls=");
  }

  /** Redis CPU time per command in µs since Redis started, from {@code INFO commandstats}. */
  private static Map<String, Long> commandMicros() {
    return commandStat("usec=");
  }

  private static Map<String, Long> commandStat(String stat) {
    return TestRedis.commandStats(redis.url(), stat);
  }

  private static List<AuthorizeResponse> runConcurrently(List<Callable<List<AuthorizeResponse>>> callers)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers.size());
    try {
      List<AuthorizeResponse> all = new ArrayList<>();
      for (Future<List<AuthorizeResponse>> f : pool.invokeAll(callers)) {
        all.addAll(f.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<Reason, Integer> tally(List<AuthorizeResponse> responses) {
    Map<Reason, Integer> out = new EnumMap<>(Reason.class);
    responses.forEach(r -> out.merge(r.getReason(), 1, Integer::sum));
    return out;
  }

  private static void await(Callable<Boolean> condition, String what) {
    Awaitility.await(what).atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(20))
        .until(condition);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
