package io.keygate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.authz.CredentialRecord;
import io.keygate.authz.ScopePath;
import io.keygate.authz.TenantPolicy;
import io.keygate.store.CredentialStore;
import io.keygate.v1.PrincipalKind;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache's rules, against an in-memory store that counts its lookups. */
class CachingCredentialStoreTest {
  private static final byte[] ALPHA = digest(1);
  private static final byte[] BETA = digest(2);
  private static final byte[] STRANGER = digest(3);

  /** A store whose answers the test controls and whose lookups it counts. */
  private static final class FakeStore implements CredentialStore {
    final Map<String, CredentialRecord> records = new ConcurrentHashMap<>();
    final AtomicInteger lookups = new AtomicInteger();
    volatile CountDownLatch loading;
    volatile CountDownLatch release;

    @Override
    public Optional<CredentialRecord> findByDigest(byte[] digest) {
      lookups.incrementAndGet();
      Optional<CredentialRecord> answer = Optional.ofNullable(records.get(key(digest)));
      if (release != null) {
        loading.countDown();
        try {
          release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return answer;
    }

    @Override
    public ScopePath scopePath(String tenantId, String scopeId) {
      lookups.incrementAndGet();
      return records.isEmpty() ? null : new ScopePath(List.of(new ScopePath.Node(scopeId, true)));
    }
  }

  private final FakeStore store = new FakeStore();
  private final CachingCredentialStore cache =
      new CachingCredentialStore(store, Duration.ofMinutes(5), Duration.ofMinutes(5), 1000);

  @Test
  void aKnownKeyIsLookedUpOnceThenServedFromMemory() {
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    assertThat(cache.findByDigest(ALPHA)).map(CredentialRecord::apiKeyId).contains("key_1");
    assertThat(cache.findByDigest(ALPHA)).map(CredentialRecord::apiKeyId).contains("key_1");
    assertThat(store.lookups).hasValue(1);
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(1);
  }

  @Test
  void anUnknownDigestIsRememberedAsUnknown() {
    assertThat(cache.findByDigest(STRANGER)).isEmpty();
    assertThat(cache.findByDigest(STRANGER)).isEmpty();
    assertThat(store.lookups).hasValue(1);
  }

  @Test
  void aKeyChangeDropsOnlyThatKeysRecords() {
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    store.records.put(key(BETA), record("ten_a", "key_2", false));
    cache.findByDigest(ALPHA);
    cache.findByDigest(BETA);
    store.records.put(key(ALPHA), record("ten_a", "key_1", true));
    cache.keyChanged("ten_a", "key_1");
    assertThat(cache.findByDigest(ALPHA)).map(CredentialRecord::revoked).contains(true);
    cache.findByDigest(BETA);
    assertThat(store.lookups).hasValue(3);
  }

  @Test
  void aTenantChangeDropsEveryRecordAndScopeOfThatTenantOnly() {
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    store.records.put(key(BETA), record("ten_b", "key_2", false));
    cache.findByDigest(ALPHA);
    cache.findByDigest(BETA);
    cache.scopePath("ten_a", "scp_1");
    cache.scopePath("ten_b", "scp_2");
    cache.tenantChanged("ten_a");
    cache.findByDigest(ALPHA);
    cache.findByDigest(BETA);
    cache.scopePath("ten_a", "scp_1");
    cache.scopePath("ten_b", "scp_2");
    assertThat(store.lookups).hasValue(4 + 2);
  }

  @Test
  void aMissingScopeIsCachedToo() {
    assertThat(cache.scopePath("ten_a", "scp_gone")).isNull();
    assertThat(cache.scopePath("ten_a", "scp_gone")).isNull();
    assertThat(store.lookups).hasValue(1);
  }

  @Test
  void entriesExpireAfterTheTtl() throws InterruptedException {
    CachingCredentialStore shortLived =
        new CachingCredentialStore(store, Duration.ofMillis(50), Duration.ofMillis(50), 1000);
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    shortLived.findByDigest(ALPHA);
    shortLived.findByDigest(STRANGER);
    Thread.sleep(120);
    shortLived.findByDigest(ALPHA);
    shortLived.findByDigest(STRANGER);
    assertThat(store.lookups).hasValue(4);
  }

  @Test
  void aLookupInFlightDuringAnInvalidationDoesNotLeaveItsStaleAnswerCached() throws Exception {
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    store.loading = new CountDownLatch(1);
    store.release = new CountDownLatch(1);
    CompletableFuture<Optional<CredentialRecord>> inFlight = CompletableFuture.supplyAsync(() -> cache.findByDigest(
        ALPHA));
    assertThat(store.loading.await(5, TimeUnit.SECONDS)).isTrue();
    // The key is revoked while the lookup holds the old row.
    store.records.put(key(ALPHA), record("ten_a", "key_1", true));
    cache.keyChanged("ten_a", "key_1");
    store.release.countDown();
    assertThat(inFlight.get(5, TimeUnit.SECONDS)).map(CredentialRecord::revoked).contains(false);
    store.release = null;
    assertThat(cache.findByDigest(ALPHA)).map(CredentialRecord::revoked).contains(true);
    assertThat(store.lookups).hasValue(2);
  }

  @Test
  void invalidateAllForgetsUnknownDigestsToo() {
    cache.findByDigest(STRANGER);
    cache.invalidateAll();
    cache.findByDigest(STRANGER);
    assertThat(store.lookups).hasValue(2);
  }

  @Test
  void theCacheKeepsItsOwnCopyOfTheDigest() {
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    byte[] presented = ALPHA.clone();
    cache.findByDigest(presented);
    presented[0] ^= 1;
    assertThat(cache.findByDigest(ALPHA)).isPresent();
    assertThat(store.lookups).hasValue(1);
  }

  private static CredentialRecord record(String tenant, String keyId, boolean revoked) {
    return new CredentialRecord(tenant, keyId, "tok_" + keyId, "prn_1", PrincipalKind.PRINCIPAL_KIND_USER, null,
        null, null, null, null, List.of("*"), false, null, revoked, 100, true,
        new TenantPolicy(tenant, true, true, true, 1000, 900));
  }

  private static byte[] digest(int seed) {
    byte[] d = new byte[32];
    d[0] = (byte) seed;
    return d;
  }

  private static String key(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
