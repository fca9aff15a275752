package io.keygate.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.KeygateException;
import io.keygate.authz.AccessRequest.Transport;
import io.keygate.authz.CredentialRecord;
import io.keygate.authz.Decision;
import io.keygate.authz.Reason;
import io.keygate.authz.ScopePath;
import io.keygate.keys.SecretFormat;
import io.keygate.ratelimit.LimitStatus;
import io.keygate.ratelimit.LocalCounters;
import io.keygate.ratelimit.WindowedRateLimiter;
import io.keygate.store.CredentialStore;
import io.keygate.testing.Records;
import io.keygate.testing.TestClock;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The decision in the order README §"The decision" gives, on an in-memory store that counts its
 * lookups and in-process counters on a test clock: nothing here touches a network.
 */
class AuthorizerTest {
  private static final SecretFormat FORMAT = new SecretFormat(SecretFormat.DEFAULT_PREFIX);
  private static final String IP = "192.0.2.10";

  private final TestClock clock = new TestClock();
  private final MemoryStore store = new MemoryStore();
  private final List<CredentialRecord> used = new ArrayList<>();
  private final WindowedRateLimiter limiter = new WindowedRateLimiter(new LocalCounters(clock, 1000),
      new LocalCounters(clock, 1000), true, 5, 60_000, 3, 60_000);
  private final Authorizer authorizer = new Authorizer(store, FORMAT, clock, RouteTable.parse(
      "GET /public public\nGET /v1/orders/** orders:read\n", "test"), limiter, (key, at) -> used.add(key));

  /** Records by digest, lookups counted; {@link #peek} answers only for records marked cached. */
  private static final class MemoryStore implements CredentialStore {
    final Map<ByteBuffer, CredentialRecord> records = new HashMap<>();
    final Map<ByteBuffer, Boolean> cached = new HashMap<>();
    final Map<String, ScopePath> scopes = new HashMap<>();
    final AtomicInteger lookups = new AtomicInteger();

    @Override
    public Optional<CredentialRecord> findByDigest(byte[] digest) {
      lookups.incrementAndGet();
      return Optional.ofNullable(records.get(ByteBuffer.wrap(digest)));
    }

    @Override
    public Optional<CredentialRecord> peek(byte[] digest) {
      ByteBuffer key = ByteBuffer.wrap(digest);
      return cached.containsKey(key) ? Optional.ofNullable(records.get(key)) : Optional.empty();
    }

    @Override
    public ScopePath scopePath(String tenantId, String scopeId) {
      lookups.incrementAndGet();
      return scopes.get(tenantId + "/" + scopeId);
    }
  }

  @Test
  void aValidKeyWithThePermissionIsAllowedWithItsIdentityAndItsUseRecorded() {
    String secret = key(record("orders:read"));
    Decision decision = authorizer.authorize(input(secret, "orders", "read"));
    assertThat(decision.reason()).isEqualTo(Reason.OK);
    assertThat(decision.identity().apiKeyId()).isEqualTo("key_1");
    assertThat(decision.rateLimit()).isNotNull();
    assertThat(used).hasSize(1);
    assertThat(authorizer.decisions(Reason.OK)).isEqualTo(1);
  }

  @Test
  void step1AMissingCredentialIs401WithoutALookupAndIsNoFailedAuthentication() {
    for (int i = 0; i < 3; i++) {
      assertThat(authorizer.authorize(input("", "orders", "read")).reason()).isEqualTo(Reason.CREDENTIAL_MISSING);
    }
    assertThat(store.lookups).hasValue(0);
    // The failure guard (3) was not touched: a valid key from that IP is still served.
    assertThat(authorizer.authorize(input(key(record("orders:read")), "orders", "read")).reason())
        .isEqualTo(Reason.OK);
  }

  @Test
  void step1AMalformedCredentialIs401WithoutALookup() {
    String valid = FORMAT.generate();
    String typo = valid.substring(0, valid.length() - 1) + (valid.endsWith("0") ? "1" : "0");
    assertThat(authorizer.authorize(input(typo, "orders", "read")).reason()).isEqualTo(Reason.CREDENTIAL_MALFORMED);
    assertThat(store.lookups).hasValue(0);
  }

  @Test
  void step1ACredentialInTheQueryStringIsRefused() {
    AuthorizeInput in = new AuthorizeInput(key(record("orders:read")), Transport.API_KEY_HEADER, Map.of(), IP, "",
        "", "GET", "/v1/orders/1?api_key=x", "");
    assertThat(authorizer.authorize(in).reason()).isEqualTo(Reason.CREDENTIAL_IN_QUERY);
    assertThat(store.lookups).hasValue(0);
  }

  @Test
  void step2AnUnknownSecretIs401AndCountsAgainstTheFailureGuard() {
    for (int i = 0; i < 3; i++) {
      assertThat(authorizer.authorize(input(FORMAT.generate(), "orders", "read")).reason())
          .isEqualTo(Reason.CREDENTIAL_UNKNOWN);
    }
    // Three failures from the IP: its requests are refused before any lookup, valid keys too.
    int lookups = store.lookups.get();
    Decision refused = authorizer.authorize(input(key(record("orders:read")), "orders", "read"));
    assertThat(refused.reason()).isEqualTo(Reason.IP_RATE_LIMITED);
    assertThat(refused.identity()).isNull();
    assertThat(store.lookups).hasValue(lookups);
  }

  @Test
  void step2ExpiredAndRevokedKeysAre401() {
    String expired = key(record("orders:read").expiresAt(clock.instant().plusSeconds(60)));
    assertThat(authorizer.authorize(input(expired, "orders", "read")).reason()).isEqualTo(Reason.OK);
    clock.advance(60_000);
    assertThat(authorizer.authorize(input(expired, "orders", "read")).reason()).isEqualTo(Reason.CREDENTIAL_EXPIRED);
    String revoked = key(record("orders:read").revoked(true));
    assertThat(authorizer.authorize(input(revoked, "orders", "read")).reason()).isEqualTo(Reason.CREDENTIAL_REVOKED);
  }

  @Test
  void step3AnUnknownRequestedScopeIsForbidden() {
    String secret = key(record("orders:read"));
    AuthorizeInput in = new AuthorizeInput(secret, Transport.API_KEY_HEADER, Map.of(), IP, "orders", "read", "", "",
        "scp_01jz0000000000000000000000");
    assertThat(authorizer.authorize(in).reason()).isEqualTo(Reason.SCOPE_FORBIDDEN);
  }

  @Test
  void step4APermissionTheKeyLacksIs403AndUsesNoKeyAllowance() {
    String secret = key(record("orders:read"));
    for (int i = 0; i < 5; i++) {
      assertThat(authorizer.authorize(input(secret, "invoices", "read")).reason())
          .isEqualTo(Reason.PERMISSION_DENIED);
    }
    assertThat(used).isEmpty();
  }

  @Test
  void step5TheIpLimitIsCountedBeforeAnyLookupAndBindsEveryKey() {
    for (int i = 0; i < 5; i++) {
      authorizer.authorize(input(key(record("orders:read")), "orders", "read"));
    }
    int lookups = store.lookups.get();
    Decision limited = authorizer.authorize(input(FORMAT.generate(), "orders", "read"));
    assertThat(limited.reason()).isEqualTo(Reason.IP_RATE_LIMITED);
    assertThat(limited.rateLimit().scope()).isEqualTo(LimitStatus.Scope.IP);
    assertThat(store.lookups).as("refused before the lookup").hasValue(lookups);
  }

  @Test
  void step5TheKeyLimitDeniesTheRequestBeyondIt() {
    String secret = key(record("orders:read").id("key_limited").limit(2, true)
        .policy(Records.policy().ipLimit(0, 60)));
    assertThat(authorizer.authorize(input(secret, "orders", "read", "192.0.2.1")).reason()).isEqualTo(Reason.OK);
    assertThat(authorizer.authorize(input(secret, "orders", "read", "192.0.2.2")).reason()).isEqualTo(Reason.OK);
    Decision third = authorizer.authorize(input(secret, "orders", "read", "192.0.2.3"));
    assertThat(third.reason()).isEqualTo(Reason.KEY_RATE_LIMITED);
    assertThat(third.rateLimit().scope()).isEqualTo(LimitStatus.Scope.KEY);
    clock.advance(61_000);
    assertThat(authorizer.authorize(input(secret, "orders", "read", "192.0.2.4")).reason()).isEqualTo(Reason.OK);
  }

  @Test
  void aPublicRouteIsAllowedWithoutACredential() {
    AuthorizeInput in = new AuthorizeInput("", Transport.UNKNOWN, Map.of(), IP, "", "", "GET", "/public", "");
    assertThat(authorizer.authorize(in).reason()).isEqualTo(Reason.OK);
  }

  @Test
  void aRouteMapsMethodAndPathToThePermission() {
    String secret = key(record("orders:read"));
    AuthorizeInput in = new AuthorizeInput(secret, Transport.API_KEY_HEADER, Map.of(), IP, "", "", "GET",
        "/v1/orders/42", "");
    assertThat(authorizer.authorize(in).reason()).isEqualTo(Reason.OK);
    AuthorizeInput unrouted = new AuthorizeInput(secret, Transport.API_KEY_HEADER, Map.of(), IP, "", "", "GET",
        "/v1/invoices", "");
    assertThat(authorizer.authorize(unrouted).reason()).isEqualTo(Reason.NO_ROUTE);
  }

  @Test
  void badInputIsAnInvalidArgumentNotADenial() {
    String secret = key(record("orders:read"));
    assertThatThrownBy(() -> authorizer.authorize(input(secret, "orders", "read", "not an ip!")))
        .isInstanceOfSatisfying(KeygateException.class,
            e -> assertThat(e.kind()).isEqualTo(KeygateException.Kind.INVALID_ARGUMENT));
    assertThatThrownBy(() -> authorizer.authorize(input(secret, "orders", "")))
        .isInstanceOf(KeygateException.class).hasMessageContaining("resource and action");
  }

  @Test
  void aCachedKeyIsDecidedWithoutBlockingAndAnUncachedOneNeedsTheBlockingPath() {
    String secret = key(record("orders:read"));
    Authorizer.Attempt cold = authorizer.attempt(input(secret, "orders", "read"));
    assertThat(cold.now()).isNull();
    assertThat(cold.blocking().get().reason()).isEqualTo(Reason.OK);
    store.cached.put(ByteBuffer.wrap(SecretFormat.digest(secret)), true);
    int lookups = store.lookups.get();
    Authorizer.Attempt warm = authorizer.attempt(input(secret, "orders", "read"));
    assertThat(warm.blocking()).isNull();
    assertThat(warm.now().toCompletableFuture().join().reason()).isEqualTo(Reason.OK);
    assertThat(store.lookups).hasValue(lookups);
  }

  // --- fixtures ---

  private String key(Records.Key record) {
    String secret = FORMAT.generate();
    store.records.put(ByteBuffer.wrap(SecretFormat.digest(secret)), record.build());
    return secret;
  }

  private static AuthorizeInput input(String secret, String resource, String action) {
    return input(secret, resource, action, IP);
  }

  private static AuthorizeInput input(String secret, String resource, String action, String ip) {
    return new AuthorizeInput(secret, Transport.API_KEY_HEADER, Map.of(), ip, resource, action, "", "", "");
  }

  private static Records.Key record(String... permissions) {
    return Records.key().permissions(permissions).limit(0, true).policy(Records.policy().ipLimit(5, 60));
  }
}
