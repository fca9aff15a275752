package io.keygate.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.keygate.authz.CredentialRecord;
import io.keygate.authz.ScopePath;
import io.keygate.manage.ChangeListener;
import io.keygate.store.CredentialStore;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The decision path's in-memory cache in front of a {@link CredentialStore}: key records by secret
 * digest, unknown digests (a separate, bounded negative cache, so a flood of random keys cannot
 * evict real ones), and scope paths. Every entry is dropped after {@code ttl} at the latest — the
 * staleness bound when a change notification is lost — and at once when {@link ChangeListener}
 * reports a change of its key or tenant.
 *
 * <p>A lookup that was in flight while an invalidation ran never leaves its (possibly stale) result
 * in the cache: every invalidation bumps a counter, and a loader that sees the counter moved during
 * its load removes what it inserted. The load's answer is still returned to its caller, whose
 * request began before the change.
 */
public final class CachingCredentialStore implements CredentialStore, ChangeListener {
  private final CredentialStore store;
  private final Cache<ByteBuffer, CredentialRecord> known;
  private final Cache<ByteBuffer, Boolean> unknown;
  private final Cache<ScopeKey, Optional<ScopePath>> scopes;
  private final AtomicLong invalidations = new AtomicLong();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  private record ScopeKey(String tenantId, String scopeId) {}

  public CachingCredentialStore(CredentialStore store, Duration ttl, Duration negativeTtl, int maxEntries) {
    this.store = store;
    this.known = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
    this.unknown = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(negativeTtl).build();
    this.scopes = Caffeine.newBuilder().maximumSize(Math.max(1000, maxEntries / 10)).expireAfterWrite(ttl).build();
  }

  @Override
  public Optional<CredentialRecord> findByDigest(byte[] digest) {
    ByteBuffer key = ByteBuffer.wrap(digest.clone());
    CredentialRecord cached = known.getIfPresent(key);
    if (cached != null) {
      hits.increment();
      return Optional.of(cached);
    }
    if (unknown.getIfPresent(key) != null) {
      hits.increment();
      return Optional.empty();
    }
    misses.increment();
    long before = invalidations.get();
    Optional<CredentialRecord> loaded = store.findByDigest(digest);
    if (loaded.isPresent()) {
      known.put(key, loaded.get());
    } else {
      unknown.put(key, Boolean.TRUE);
    }
    if (invalidations.get() != before) {
      known.invalidate(key);
      unknown.invalidate(key);
    }
    return loaded;
  }

  @Override
  public Optional<CredentialRecord> peek(byte[] digest) {
    CredentialRecord cached = known.getIfPresent(ByteBuffer.wrap(digest));
    return Optional.ofNullable(cached);
  }

  @Override
  public ScopePath scopePath(String tenantId, String scopeId) {
    ScopeKey key = new ScopeKey(tenantId, scopeId);
    Optional<ScopePath> cached = scopes.getIfPresent(key);
    if (cached != null) {
      return cached.orElse(null);
    }
    long before = invalidations.get();
    ScopePath loaded = store.scopePath(tenantId, scopeId);
    scopes.put(key, Optional.ofNullable(loaded));
    if (invalidations.get() != before) {
      scopes.invalidate(key);
    }
    return loaded;
  }

  /** Drops every cached record of the key {@code apiKeyId}. */
  @Override
  public void keyChanged(String tenantId, String apiKeyId) {
    invalidations.incrementAndGet();
    known.asMap().values().removeIf(r -> r.apiKeyId().equals(apiKeyId));
  }

  /** Drops everything cached for the tenant: its keys' records and its scope paths. */
  @Override
  public void tenantChanged(String tenantId) {
    invalidations.incrementAndGet();
    known.asMap().values().removeIf(r -> r.tenantId().equals(tenantId));
    scopes.asMap().keySet().removeIf(k -> k.tenantId().equals(tenantId));
  }

  /** Drops everything (the change feed reconnected and may have missed changes). */
  public void invalidateAll() {
    invalidations.incrementAndGet();
    known.invalidateAll();
    unknown.invalidateAll();
    scopes.invalidateAll();
  }

  /** Lookups answered from memory. */
  public long hits() {
    return hits.sum();
  }

  /** Lookups that went to the store. */
  public long misses() {
    return misses.sum();
  }

  public long size() {
    return known.estimatedSize();
  }
}
