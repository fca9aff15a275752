package io.keygate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.authz.CredentialParts;
import io.keygate.authz.CredentialRecord;
import io.keygate.authz.Grant;
import io.keygate.authz.ScopePath;
import io.keygate.store.Change;
import io.keygate.store.CredentialPartStore;
import io.keygate.store.CredentialStore;
import io.keygate.testing.Records;
import io.keygate.testing.TestClock;
import io.keygate.v1.PrincipalKind;
import java.time.Duration;
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
 * The cache over a store that reads credentials in parts: a miss reads the credential's own rows,
 * and its tenant's settings and role once for all the tenant's keys — used only where one read at
 * the own rows' change-log position would have found them the same, so a record made of them is
 * never staler than one read whole.
 */
class CachedPartsTest {
  private static final byte[] ALPHA = digest(1);
  private static final byte[] BETA = digest(2);
  private static final byte[] GAMMA = digest(3);

  /** The rows of a store, stamped with its change-log position when read, and its reads counted. */
  private static final class FakeParts implements CredentialStore, CredentialPartStore {
    final Map<Byte, String[]> keys = new ConcurrentHashMap<>(); // digest → tenant, key, role
    final Map<String, List<String>> roles = new ConcurrentHashMap<>();
    final Map<String, List<String>> defaults = new ConcurrentHashMap<>();
    /** What the store's reads see. */
    final AtomicLong position = new AtomicLong(10);
    final AtomicInteger keyReads = new AtomicInteger();
    final AtomicInteger tenantReads = new AtomicInteger();
    final AtomicInteger roleReads = new AtomicInteger();
    final AtomicInteger wholeReads = new AtomicInteger();
    volatile CountDownLatch tenantLoading;
    volatile CountDownLatch tenantRelease;

    @Override
    public Optional<CredentialParts.Key> findKey(byte[] digest) {
      keyReads.incrementAndGet();
      String[] row = keys.get(digest[0]);
      return row == null ? Optional.empty() : Optional.of(new CredentialParts.Key(row[0], row[1], "tok_" + row[1],
          "prn_1", PrincipalKind.PRINCIPAL_KIND_USER, null, null, null, row[2], null, false, null, false, null, null,
          position.get()));
    }

    @Override
    public Optional<CredentialParts.Tenant> findTenant(String tenantId) {
      tenantReads.incrementAndGet();
      long version = position.get();
      List<String> permissions = defaults.getOrDefault(tenantId, List.of("defaults:read:all"));
      if (tenantRelease != null) {
        tenantLoading.countDown();
        await(tenantRelease);
      }
      return Optional.of(new CredentialParts.Tenant(Records.policy().tenant(tenantId).build(), false, permissions,
          100, true, version));
    }

    @Override
    public Optional<CredentialParts.Role> findRole(String tenantId, String roleId) {
      roleReads.incrementAndGet();
      List<String> permissions = roles.get(roleId);
      return permissions == null ? Optional.empty()
          : Optional.of(new CredentialParts.Role(new Grant.Role(roleId, roleId, permissions), position.get()));
    }

    @Override
    public Optional<CredentialRecord> findByDigest(byte[] digest) {
      wholeReads.incrementAndGet();
      return findKey(digest).map(key -> CredentialParts.join(key, findTenant(key.tenantId()).orElseThrow(),
          key.keyRoleId() == null ? null : findRole(key.tenantId(), key.keyRoleId()).map(CredentialParts.Role::role)
              .orElse(null)));
    }

    @Override
    public ScopePath scopePath(String tenantId, String scopeId) {
      return null;
    }

    /** A tenant-wide change commits: the store's reads see it from now on; nobody is told yet. */
    Change commitTenant(String tenantId) {
      return Change.tenant(position.incrementAndGet(), tenantId);
    }
  }

  private final FakeParts store = new FakeParts();
  /** The change feed's position: every change up to it has been told to the cache. */
  private final AtomicLong told = new AtomicLong(10);
  private final TestClock clock = new TestClock();
  private final CachingCredentialStore cache = new CachingCredentialStore(store, store, told::get,
      Duration.ofMinutes(5), Duration.ofMinutes(1), 1000, clock);

  @Test
  void keysOfOneTenantShareOneReadOfItsSettingsAndOfEachRole() {
    store.roles.put("rol_r", List.of("logs:read:all"));
    store.keys.put(ALPHA[0], new String[] {"ten_a", "key_1", "rol_r"});
    store.keys.put(BETA[0], new String[] {"ten_a", "key_2", "rol_r"});
    store.keys.put(GAMMA[0], new String[] {"ten_a", "key_3", null});
    assertThat(cache.findByDigest(ALPHA)).map(CredentialRecord::permissions).contains(List.of("logs:read:all"));
    assertThat(cache.findByDigest(BETA)).map(CredentialRecord::roleId).contains("rol_r");
    assertThat(cache.findByDigest(GAMMA)).map(CredentialRecord::permissions).contains(List.of("defaults:read:all"));
    assertThat(store.keyReads).hasValue(3);
    assertThat(store.tenantReads).hasValue(1);
    assertThat(store.roleReads).hasValue(1);
    assertThat(store.wholeReads).hasValue(0);
  }

  @Test
  void aTenantWideChangeToldDropsItsHeldPartsAndTheRecordsMadeOfThem() {
    store.roles.put("rol_r", List.of("logs:read:all"));
    store.keys.put(ALPHA[0], new String[] {"ten_a", "key_1", "rol_r"});
    store.keys.put(BETA[0], new String[] {"ten_a", "key_2", "rol_r"});
    store.keys.put(GAMMA[0], new String[] {"ten_b", "key_3", "rol_r"});
    cache.findByDigest(ALPHA);
    cache.findByDigest(GAMMA);
    store.roles.put("rol_r", List.of("logs:write:all"));
    tell(store.commitTenant("ten_a"));
    assertThat(cache.findByDigest(ALPHA)).map(CredentialRecord::permissions).contains(List.of("logs:write:all"));
    assertThat(cache.findByDigest(BETA)).map(CredentialRecord::permissions).contains(List.of("logs:write:all"));
    assertThat(store.tenantReads).as("ten_a once before and once after, ten_b once").hasValue(3);
    cache.findByDigest(GAMMA);
    assertThat(store.keyReads).as("ten_b's record untouched").hasValue(3 + 1);
  }

  /** What the cache does not know yet: a change committed that the feed has not told. */
  @Test
  void aHeldPartIsNotUsedWithOwnRowsNewerThanWhatTheFeedHasTold() {
    store.keys.put(ALPHA[0], new String[] {"ten_a", "key_1", null});
    store.keys.put(BETA[0], new String[] {"ten_a", "key_2", null});
    cache.findByDigest(ALPHA); // ten_a's settings held, read at 10
    store.defaults.put("ten_a", List.of());
    store.commitTenant("ten_a"); // 11: the defaults taken away, not told yet
    assertThat(cache.findByDigest(BETA)).as("its own rows read at 11").map(CredentialRecord::permissions)
        .contains(List.of());
    assertThat(store.tenantReads).hasValue(2);
  }

  @Test
  void aHeldPartIsUsedOnceTheFeedHasToldEverythingItsOwnRowsSaw() {
    store.keys.put(ALPHA[0], new String[] {"ten_a", "key_1", null});
    store.keys.put(BETA[0], new String[] {"ten_a", "key_2", null});
    cache.findByDigest(ALPHA);
    tell(Change.key(store.position.incrementAndGet(), "ten_a", "key_other")); // 11, a key change only
    cache.findByDigest(BETA);
    assertThat(store.tenantReads).hasValue(1);
  }

  /** SidecarFleetIT's case: the notice of a key's creation arrives after a lookup read the new key. */
  @Test
  void aLateNoticeOfAKeyChangeItsOwnRowsReflectLeavesTheRecordCached() {
    store.keys.put(ALPHA[0], new String[] {"ten_a", "key_1", null});
    cache.findByDigest(ALPHA);
    store.keys.put(BETA[0], new String[] {"ten_a", "key_2", null});
    Change creation = Change.key(store.position.incrementAndGet(), "ten_a", "key_2");
    cache.findByDigest(BETA); // its own rows read at 11, before the feed told 11: the settings read again
    tell(creation);
    cache.findByDigest(BETA);
    assertThat(store.keyReads).as("still served from memory").hasValue(2);
  }

  @Test
  void aTenantReadInFlightDuringANewerChangeIsNotUsedAgain() throws Exception {
    store.keys.put(ALPHA[0], new String[] {"ten_a", "key_1", null});
    store.keys.put(BETA[0], new String[] {"ten_a", "key_2", null});
    CompletableFuture<Optional<CredentialRecord>> inFlight = holdTenantRead(ALPHA);
    tell(store.commitTenant("ten_a")); // told while the read holds the older settings
    store.tenantRelease.countDown();
    assertThat(inFlight.get(5, TimeUnit.SECONDS)).isPresent();
    store.tenantRelease = null;
    cache.findByDigest(BETA);
    assertThat(store.tenantReads).as("the settings the read brought back missed the change").hasValue(2);
    cache.findByDigest(ALPHA);
    assertThat(store.keyReads).as("nor was the record made of them kept").hasValue(3);
  }

  @Test
  void aRoleGoneSinceTheKeyWasReadMakesTheLookupReadTheRecordWhole() {
    store.keys.put(ALPHA[0], new String[] {"ten_a", "key_1", "rol_gone"});
    Optional<CredentialRecord> found = cache.findByDigest(ALPHA);
    assertThat(store.wholeReads).as("never the defaults in the missing role's place").hasValue(1);
    assertThat(found).map(CredentialRecord::permissions).contains(List.of("defaults:read:all"));
  }

  @Test
  void afterAResyncNoHeldPartIsUsedNorOneWhoseReadWasInFlight() throws Exception {
    store.keys.put(ALPHA[0], new String[] {"ten_a", "key_1", null});
    store.keys.put(BETA[0], new String[] {"ten_a", "key_2", null});
    store.keys.put(GAMMA[0], new String[] {"ten_b", "key_3", null});
    cache.findByDigest(ALPHA);
    CompletableFuture<Optional<CredentialRecord>> inFlight = holdTenantRead(GAMMA);
    cache.resync();
    store.tenantRelease.countDown();
    assertThat(inFlight.get(5, TimeUnit.SECONDS)).isPresent();
    store.tenantRelease = null;
    cache.findByDigest(BETA);
    assertThat(store.tenantReads).as("ten_a's settings, held before the resync").hasValue(3);
    store.keys.put(digest(4)[0], new String[] {"ten_b", "key_4", null});
    cache.findByDigest(digest(4));
    assertThat(store.tenantReads).as("ten_b's, read while it happened").hasValue(4);
  }

  /** The feed tells {@code change}: the cache learns of it, and the feed's position moves on. */
  private void tell(Change change) {
    cache.changed(change);
    told.accumulateAndGet(change.seq(), Math::max);
  }

  /** Starts a lookup of {@code digest} on another thread; returns once it is reading the tenant. */
  private CompletableFuture<Optional<CredentialRecord>> holdTenantRead(byte[] digest) throws InterruptedException {
    store.tenantLoading = new CountDownLatch(1);
    store.tenantRelease = new CountDownLatch(1);
    CompletableFuture<Optional<CredentialRecord>> inFlight = CompletableFuture.supplyAsync(() -> cache.findByDigest(
        digest));
    assertThat(store.tenantLoading.await(5, TimeUnit.SECONDS)).isTrue();
    return inFlight;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] digest(int seed) {
    byte[] d = new byte[32];
    d[0] = (byte) seed;
    return d;
  }
}
