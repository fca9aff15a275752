package io.keygate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.authz.CredentialRecord;
import io.keygate.authz.ScopePath;
import io.keygate.store.Change;
import io.keygate.store.CredentialStore;
import io.keygate.testing.Records;
import io.keygate.testing.TestClock;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The cache's rules, against an in-memory store that counts its lookups and stamps what it returns
 * with its current change-log position, as PostgreSQL does.
 */
class CachingCredentialStoreTest {
  private static final byte[] ALPHA = digest(1);
  private static final byte[] BETA = digest(2);
  private static final byte[] STRANGER = digest(3);

  /** A store whose answers the test controls and whose lookups it counts. */
  private static final class FakeStore implements CredentialStore {
    final Map<String, Records.Key> records = new ConcurrentHashMap<>();
    final AtomicInteger lookups = new AtomicInteger();
    /** The change-log position the store's reads see. */
    final AtomicLong position = new AtomicLong(10);
    volatile CountDownLatch loading;
    volatile CountDownLatch release;

    @Override
    public Optional<CredentialRecord> findByDigest(byte[] digest) {
      lookups.incrementAndGet();
      long version = position.get();
      Optional<CredentialRecord> answer = Optional.ofNullable(records.get(key(digest)))
          .map(r -> r.version(version).build());
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
      return records.isEmpty() ? null : new ScopePath(List.of(new ScopePath.Node(scopeId, true)), position.get());
    }

    /** A change commits: the store's reads see it from now on. */
    Change commitKey(String tenantId, String apiKeyId) {
      return Change.key(position.incrementAndGet(), tenantId, apiKeyId);
    }

    Change commitTenant(String tenantId) {
      return Change.tenant(position.incrementAndGet(), tenantId);
    }
  }

  private final FakeStore store = new FakeStore();
  private final TestClock clock = new TestClock();
  private final CachingCredentialStore cache =
      new CachingCredentialStore(store, Duration.ofMinutes(5), Duration.ofMinutes(1), 1000, clock);

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
  void aNewerChangeOfAKeyDropsOnlyThatKeysRecords() {
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    store.records.put(key(BETA), record("ten_a", "key_2", false));
    cache.findByDigest(ALPHA);
    cache.findByDigest(BETA);
    store.records.put(key(ALPHA), record("ten_a", "key_1", true));
    cache.changed(store.commitKey("ten_a", "key_1"));
    assertThat(cache.findByDigest(ALPHA)).map(CredentialRecord::revoked).contains(true);
    cache.findByDigest(BETA);
    assertThat(store.lookups).hasValue(3);
  }

  /**
   * The flake of issue 13: the notice of a key's creation arrives after the first lookup has read the
   * key. The record already reflects the creation, so it stays cached.
   */
  @Test
  void aLateNoticeOfAChangeTheRecordAlreadyReflectsEvictsNothing() {
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    Change creation = store.commitKey("ten_a", "key_1");
    cache.findByDigest(ALPHA);
    cache.changed(creation);
    cache.changed(Change.tenant(creation.seq(), "ten_a"));
    assertThat(cache.findByDigest(ALPHA)).isPresent();
    assertThat(store.lookups).as("still served from memory").hasValue(1);
  }

  @Test
  void aNewerTenantChangeDropsEveryRecordAndScopeOfThatTenantOnly() {
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    store.records.put(key(BETA), record("ten_b", "key_2", false));
    cache.findByDigest(ALPHA);
    cache.findByDigest(BETA);
    cache.scopePath("ten_a", "scp_1");
    cache.scopePath("ten_b", "scp_2");
    cache.changed(store.commitTenant("ten_a"));
    cache.findByDigest(ALPHA);
    cache.findByDigest(BETA);
    cache.scopePath("ten_a", "scp_1");
    cache.scopePath("ten_b", "scp_2");
    assertThat(store.lookups).hasValue(4 + 2);
  }

  @Test
  void aKeyChangeLeavesScopePathsAlone() {
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    cache.scopePath("ten_a", "scp_1");
    cache.changed(store.commitKey("ten_a", "key_1"));
    cache.scopePath("ten_a", "scp_1");
    assertThat(store.lookups).hasValue(1);
  }

  @Test
  void aMissingScopeIsCachedUntilItsTenantChanges() {
    assertThat(cache.scopePath("ten_a", "scp_gone")).isNull();
    assertThat(cache.scopePath("ten_a", "scp_gone")).isNull();
    assertThat(store.lookups).hasValue(1);
    cache.changed(Change.tenant(1, "ten_a")); // even an old change: a missing scope has no version
    assertThat(cache.scopePath("ten_a", "scp_gone")).isNull();
    assertThat(store.lookups).hasValue(2);
  }

  @Test
  void entriesExpireAfterTheTtlAndNotBefore() {
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    cache.findByDigest(ALPHA);
    cache.findByDigest(STRANGER);
    clock.advance(Duration.ofMinutes(1).minusMillis(1));
    cache.findByDigest(ALPHA);
    cache.findByDigest(STRANGER);
    assertThat(store.lookups).as("both still cached").hasValue(2);
    clock.advance(1);
    cache.findByDigest(STRANGER);
    assertThat(store.lookups).as("the unknown digest after its 1-minute TTL").hasValue(3);
    clock.advance(Duration.ofMinutes(4).minusMillis(1));
    cache.findByDigest(ALPHA);
    assertThat(store.lookups).as("the record just before its 5-minute TTL").hasValue(3);
    clock.advance(1);
    cache.findByDigest(ALPHA);
    assertThat(store.lookups).hasValue(4);
  }

  @Test
  void aLookupInFlightDuringANewerChangeDoesNotLeaveItsStaleAnswerCached() throws Exception {
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    CompletableFuture<Optional<CredentialRecord>> inFlight = holdLookup(ALPHA);
    // The key is revoked while the lookup holds the old row.
    store.records.put(key(ALPHA), record("ten_a", "key_1", true));
    cache.changed(store.commitKey("ten_a", "key_1"));
    store.release.countDown();
    assertThat(inFlight.get(5, TimeUnit.SECONDS)).map(CredentialRecord::revoked).contains(false);
    store.release = null;
    assertThat(cache.findByDigest(ALPHA)).map(CredentialRecord::revoked).contains(true);
    assertThat(store.lookups).hasValue(2);
  }

  @Test
  void aLookupInFlightDuringANoticeItAlreadySawStaysCached() throws Exception {
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    Change seen = store.commitKey("ten_a", "key_1");
    CompletableFuture<Optional<CredentialRecord>> inFlight = holdLookup(ALPHA);
    cache.changed(seen);
    store.release.countDown();
    assertThat(inFlight.get(5, TimeUnit.SECONDS)).isPresent();
    store.release = null;
    cache.findByDigest(ALPHA);
    assertThat(store.lookups).hasValue(1);
  }

  @Test
  void aLookupInFlightDuringAResyncIsNotCached() throws Exception {
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    CompletableFuture<Optional<CredentialRecord>> inFlight = holdLookup(ALPHA);
    cache.resync();
    store.release.countDown();
    assertThat(inFlight.get(5, TimeUnit.SECONDS)).isPresent();
    store.release = null;
    cache.findByDigest(ALPHA);
    assertThat(store.lookups).hasValue(2);
  }

  @Test
  void moreChangesDuringALookupThanAreRememberedCountAsStale() throws Exception {
    store.records.put(key(ALPHA), record("ten_a", "key_1", false));
    CompletableFuture<Optional<CredentialRecord>> inFlight = holdLookup(ALPHA);
    long unrelated = store.position.get();
    for (int i = 0; i <= RecentChanges.CAPACITY; i++) {
      cache.changed(Change.key(++unrelated, "ten_b", "key_other"));
    }
    store.release.countDown();
    inFlight.get(5, TimeUnit.SECONDS);
    store.release = null;
    cache.findByDigest(ALPHA);
    assertThat(store.lookups).as("whether one of them concerned the key is no longer known").hasValue(2);
  }

  @Test
  void resyncForgetsUnknownDigestsToo() {
    cache.findByDigest(STRANGER);
    cache.resync();
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

  /** Starts a lookup of {@code digest} on another thread and returns once the store is reading. */
  private CompletableFuture<Optional<CredentialRecord>> holdLookup(byte[] digest) throws InterruptedException {
    store.loading = new CountDownLatch(1);
    store.release = new CountDownLatch(1);
    CompletableFuture<Optional<CredentialRecord>> inFlight = CompletableFuture.supplyAsync(() -> cache.findByDigest(
        digest));
    assertThat(store.loading.await(5, TimeUnit.SECONDS)).isTrue();
    return inFlight;
  }

  private static Records.Key record(String tenant, String keyId, boolean revoked) {
    return Records.key().tenant(tenant).id(keyId).revoked(revoked);
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
