package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.keygate.store.postgres.PgChangeFeed;
import io.keygate.testing.TestClock;
import io.keygate.v1.ApiKey;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.DeleteApiKeyRequest;
import io.keygate.v1.Expiration;
import io.keygate.v1.GetApiKeyRequest;
import io.keygate.v1.Reason;
import io.keygate.v1.RevokeApiKeyRequest;
import io.keygate.v1.RotateTokenRequest;
import io.keygate.v1.StringList;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenSpec;
import io.keygate.v1.UpdateApiKeyRequest;
import io.keygate.v1.UpdateRoleRequest;
import io.keygate.v1.UpdateScopeRequest;
import io.keygate.v1.UpdateTenantRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several sidecars on one database: a change made through one reaches the others' caches through
 * the change log's notifications, or through the TTL alone when the feed is off; usage is recorded
 * in batches. Both sidecars read one {@link TestClock}; B's cache TTL is an hour, so whatever B
 * learns within the test's bound it learnt from the feed.
 */
class SidecarFleetIT {
  private static final Logger LOG = LoggerFactory.getLogger(SidecarFleetIT.class);
  /**
   * A correctness bound, not a latency figure (bench/ measures that): far below B's one-hour TTL,
   * so a change seen within it was pushed, and generous enough for a loaded machine.
   */
  private static final long PUSH_BOUND_MILLIS = 20_000;
  private static final List<Long> LAGS = Collections.synchronizedList(new ArrayList<>());
  private static final TestClock CLOCK = TestClock.atNow();

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  private static TestKeygate a;
  private static TestKeygate b;
  private static CreateTenantResponse tenant;
  private static String admin;
  private static String readerRoleId;

  @BeforeAll
  static void start() {
    String url = TestPostgres.newDatabase();
    a = FLEET.keygate(url, Map.of(), CLOCK);
    b = FLEET.keygate(url, Map.of("KEYGATE_CACHE_TTL_SECONDS", "3600"), CLOCK);
    tenant = a.newTenant("fleet");
    admin = tenant.getAdminSecret();
    readerRoleId = reader(admin);
    waitFor(() -> b.server.changeFeed().connected(), PUSH_BOUND_MILLIS);
  }

  @AfterAll
  static void report() {
    if (!LAGS.isEmpty()) {
      List<Long> sorted = new ArrayList<>(LAGS);
      Collections.sort(sorted);
      LOG.info("cross-sidecar propagation lag over {} changes: min {} ms, median {} ms, max {} ms", sorted.size(),
          sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }
  }

  @Test
  void revokeThroughOneSidecarIsDeniedByTheOtherWithinTheBound() {
    CreateApiKeyResponse key = newKey(CreateApiKeyRequest.newBuilder());
    assertAllowedAndCachedOnB(key.getSecret());
    long start = System.nanoTime();
    a.keys(admin).revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(key.getApiKey().getId()).build());
    awaitReasonOnB(key.getSecret(), Reason.REASON_CREDENTIAL_REVOKED, start);
  }

  @Test
  void deleteThroughOneSidecarIsUnknownOnTheOther() {
    CreateApiKeyResponse key = newKey(CreateApiKeyRequest.newBuilder());
    assertAllowedAndCachedOnB(key.getSecret());
    long start = System.nanoTime();
    a.keys(admin).deleteApiKey(DeleteApiKeyRequest.newBuilder().setApiKeyId(key.getApiKey().getId()).build());
    awaitReasonOnB(key.getSecret(), Reason.REASON_CREDENTIAL_UNKNOWN, start);
  }

  @Test
  void rotationWithoutGraceRetiresTheOldSecretEverywhere() {
    CreateApiKeyResponse key = newKey(CreateApiKeyRequest.newBuilder());
    assertAllowedAndCachedOnB(key.getSecret());
    long start = System.nanoTime();
    String fresh = a.keys(admin).rotateToken(RotateTokenRequest.newBuilder().setTokenId(key.getToken().getId())
        .setGracePeriod(Duration.getDefaultInstance()).build()).getSecret();
    awaitReasonOnB(key.getSecret(), Reason.REASON_CREDENTIAL_UNKNOWN, start);
    assertThat(authorizeOnB(fresh).getReason()).isEqualTo(Reason.REASON_OK);
  }

  @Test
  void aRoleLosingThePermissionIsDeniedOnTheOther() {
    String roleId = a.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("shrinking")
        .addPermissions("conversations:read").build()).getRole().getId();
    CreateApiKeyResponse key = newKey(CreateApiKeyRequest.newBuilder().setRoleId(roleId));
    assertAllowedAndCachedOnB(key.getSecret());
    long start = System.nanoTime();
    a.roles(admin).updateRole(UpdateRoleRequest.newBuilder().setRoleId(roleId)
        .setPermissions(StringList.newBuilder().addValues("orders:read")).build());
    awaitReasonOnB(key.getSecret(), Reason.REASON_PERMISSION_DENIED, start);
  }

  @Test
  void aShortenedExpiryIsHonouredOnTheOther() {
    CreateApiKeyResponse key = newKey(CreateApiKeyRequest.newBuilder());
    assertAllowedAndCachedOnB(key.getSecret());
    Instant soon = CLOCK.instant().plusSeconds(60);
    a.keys(admin).updateApiKey(UpdateApiKeyRequest.newBuilder().setApiKeyId(key.getApiKey().getId())
        .setExpiration(Expiration.newBuilder().setAt(Timestamp.newBuilder().setSeconds(soon.getEpochSecond())
            .setNanos(soon.getNano()))).build());
    awaitFeedOfB();
    assertThat(authorizeOnB(key.getSecret()).getReason()).isEqualTo(Reason.REASON_OK);
    CLOCK.advance(60_000);
    assertThat(authorizeOnB(key.getSecret()).getReason()).isEqualTo(Reason.REASON_CREDENTIAL_EXPIRED);
  }

  @Test
  void switchingTheTenantsApiAccessOffAndOnReachesTheOther() {
    CreateTenantResponse other = a.newTenant("switchable");
    CreateApiKeyResponse key = a.keys(other.getAdminSecret()).createApiKey(CreateApiKeyRequest.newBuilder()
        .setName("k").setRoleId(reader(other.getAdminSecret())).setInitialToken(TokenSpec.getDefaultInstance())
        .build());
    assertAllowedAndCachedOnB(key.getSecret());
    long start = System.nanoTime();
    a.tenants(a.system.secret()).updateTenant(UpdateTenantRequest.newBuilder().setTenantId(other.getTenant().getId())
        .setSettings(TenantSettings.newBuilder().setApiAccessEnabled(false)).build());
    awaitReasonOnB(key.getSecret(), Reason.REASON_TENANT_API_DISABLED, start);
    start = System.nanoTime();
    a.tenants(a.system.secret()).updateTenant(UpdateTenantRequest.newBuilder().setTenantId(other.getTenant().getId())
        .setSettings(TenantSettings.newBuilder().setApiAccessEnabled(true)).build());
    awaitReasonOnB(key.getSecret(), Reason.REASON_OK, start);
  }

  @Test
  void switchingAScopesApiAccessOffReachesTheOther() {
    String scopeId = a.scopes(admin).createScope(CreateScopeRequest.newBuilder()
        .setName("collective-" + System.nanoTime()).setKind("collective").build()).getScope().getId();
    CreateApiKeyResponse key = newKey(CreateApiKeyRequest.newBuilder().setScopeId(scopeId));
    assertAllowedAndCachedOnB(key.getSecret(), scopeId);
    long start = System.nanoTime();
    a.scopes(admin).updateScope(UpdateScopeRequest.newBuilder().setScopeId(scopeId).setApiAccessEnabled(false)
        .build());
    awaitReasonOnB(key.getSecret(), scopeId, Reason.REASON_SCOPE_API_DISABLED, start);
  }

  @Test
  void theFeedReconnectsAfterItsConnectionIsKilledAndKeepsPropagating() throws Exception {
    long before = b.server.changeFeed().received();
    try (Connection c = DriverManager.getConnection(a.jdbcUrl, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("select pg_terminate_backend(pid) from pg_stat_activity"
          + " where application_name = 'keygate-change-feed' and datname = current_database()");
    }
    waitFor(() -> !b.server.changeFeed().connected(), PUSH_BOUND_MILLIS);
    waitFor(() -> b.server.changeFeed().connected(), PUSH_BOUND_MILLIS);
    CreateApiKeyResponse key = newKey(CreateApiKeyRequest.newBuilder());
    assertAllowedAndCachedOnB(key.getSecret());
    long start = System.nanoTime();
    a.keys(admin).revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(key.getApiKey().getId()).build());
    awaitReasonOnB(key.getSecret(), Reason.REASON_CREDENTIAL_REVOKED, start);
    assertThat(b.server.changeFeed().received()).isGreaterThan(before);
  }

  @Test
  void withoutTheFeedTheTtlBoundsStaleness() {
    TestClock own = TestClock.atNow();
    try (TestKeygate c = TestKeygate.start(a.jdbcUrl, Map.of("KEYGATE_CACHE_TTL_SECONDS", "5",
        "KEYGATE_CHANGE_FEED", "false"), own)) {
      assertThat(c.server.changeFeed()).isNull();
      CreateApiKeyResponse key = newKey(CreateApiKeyRequest.newBuilder());
      AuthorizeRequest request = request(key.getSecret());
      assertThat(c.authorizer().authorize(request).getReason()).isEqualTo(Reason.REASON_OK);
      a.keys(admin).revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(key.getApiKey().getId()).build());
      // Served from the cache until the TTL runs out, then read again.
      own.advance(4_999);
      assertThat(c.authorizer().authorize(request).getReason()).isEqualTo(Reason.REASON_OK);
      own.advance(1);
      assertThat(c.authorizer().authorize(request).getReason()).isEqualTo(Reason.REASON_CREDENTIAL_REVOKED);
    }
  }

  @Test
  void usageIsRecordedInBatchesWithoutAWritePerRequest() {
    CreateApiKeyResponse key = newKey(CreateApiKeyRequest.newBuilder());
    b.server.usage().flush();
    for (int i = 0; i < 25; i++) {
      assertThat(authorizeOnB(key.getSecret()).getReason()).isEqualTo(Reason.REASON_OK);
    }
    GetApiKeyRequest get = GetApiKeyRequest.newBuilder().setApiKeyId(key.getApiKey().getId()).build();
    assertThat(a.keys(admin).getApiKey(get).getApiKey().getRequestCount()).isZero();
    assertThat(b.server.usage().flush()).isEqualTo(1);
    ApiKey stored = a.keys(admin).getApiKey(get).getApiKey();
    assertThat(stored.getRequestCount()).isEqualTo(25);
    assertThat(stored.hasLastUsedTime()).isTrue();
    assertThat(Instant.ofEpochSecond(stored.getLastUsedTime().getSeconds(), stored.getLastUsedTime().getNanos()))
        .isEqualTo(CLOCK.instant());
    // Recording usage is not a change: B keeps serving the key from its cache.
    long misses = b.server.cache().misses();
    authorizeOnB(key.getSecret());
    assertThat(b.server.cache().misses()).isEqualTo(misses);
  }

  /**
   * Allowed on B, and still served from B's cache once B's feed has applied every change so far —
   * the key's own creation among them, which must not evict the record B just read.
   */
  private static void assertAllowedAndCachedOnB(String secret) {
    assertAllowedAndCachedOnB(secret, "");
  }

  /** As above, for a request in {@code scopeId} (empty: tenant-wide). */
  private static void assertAllowedAndCachedOnB(String secret, String scopeId) {
    assertThat(authorizeOnB(secret, scopeId).getReason()).isEqualTo(Reason.REASON_OK);
    awaitFeedOfB();
    long misses = b.server.cache().misses();
    assertThat(authorizeOnB(secret, scopeId).getReason()).isEqualTo(Reason.REASON_OK);
    assertThat(b.server.cache().misses()).as("served from B's cache").isEqualTo(misses);
  }

  /** Waits until B's feed has applied every change committed so far. */
  private static void awaitFeedOfB() {
    long committed = PgChangeFeed.currentPosition(a.server.database());
    waitFor(() -> b.server.changeFeed().position() >= committed, PUSH_BOUND_MILLIS);
  }

  private static void awaitReasonOnB(String secret, Reason expected, long startNanos) {
    awaitReasonOnB(secret, "", expected, startNanos);
  }

  private static void awaitReasonOnB(String secret, String scopeId, Reason expected, long startNanos) {
    long deadline = startNanos + PUSH_BOUND_MILLIS * 1_000_000;
    Reason seen;
    do {
      seen = authorizeOnB(secret, scopeId).getReason();
      if (seen == expected) {
        LAGS.add((System.nanoTime() - startNanos) / 1_000_000);
        return;
      }
      sleep(2);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("sidecar B still answered " + seen + " " + PUSH_BOUND_MILLIS + " ms after the change;"
        + " expected " + expected);
  }

  private static AuthorizeResponse authorizeOnB(String secret) {
    return authorizeOnB(secret, "");
  }

  private static AuthorizeResponse authorizeOnB(String secret, String scopeId) {
    return b.authorizer().authorize(request(secret).toBuilder().setScopeId(scopeId).build());
  }

  private static AuthorizeRequest request(String secret) {
    return AuthorizeRequest.newBuilder().setCredential(secret).setResource("conversations").setAction("read")
        .setClientIp("192.0.2.20").build();
  }

  private static String reader(String adminSecret) {
    return a.roles(adminSecret).createRole(CreateRoleRequest.newBuilder().setName("reader")
        .addPermissions("conversations:read").build()).getRole().getId();
  }

  private static CreateApiKeyResponse newKey(CreateApiKeyRequest.Builder request) {
    if (request.getRoleId().isEmpty()) {
      request.setRoleId(readerRoleId);
    }
    return a.keys(admin).createApiKey(request.setName("fleet key").setInitialToken(TokenSpec.getDefaultInstance())
        .build());
  }

  private static void waitFor(Supplier<Boolean> condition, long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeoutMillis + " ms");
      }
      sleep(10);
    }
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
