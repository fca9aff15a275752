package io.keygate.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.keygate.authz.CredentialParts;
import io.keygate.authz.CredentialRecord;
import io.keygate.authz.ScopePath;
import io.keygate.store.Change;
import io.keygate.store.ChangeListener;
import io.keygate.store.CredentialPartStore;
import io.keygate.store.CredentialStore;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The decision path's in-memory cache in front of a {@link CredentialStore}: key records by secret
 * digest, unknown digests (a separate, bounded negative cache, so a flood of random keys cannot
 * evict real ones), and scope paths. Every entry is dropped after {@code ttl} at the latest — the
 * staleness bound when changes cannot be followed — and when a {@linkplain #changed change} it has
 * not seen concerns it.
 *
 * <p>When the store reads credentials in {@linkplain CredentialPartStore parts} and every change is
 * told here as it commits (a change feed), a miss reads the credential's own rows only; its tenant's
 * settings and role come from {@link SharedParts}, held once for all the tenant's keys and used only
 * where a single read would have found them the same.
 *
 * <p>Invalidation is precise: every record carries the change-log sequence its read saw
 * ({@link CredentialRecord#version()}), and a change numbered {@code seq} evicts only records of its
 * key (or tenant) read before it ({@code version < seq}). So a late notification of a change the
 * record already reflects — typically the creation of the key it just loaded — leaves it cached.
 * A lookup still in flight when a change arrives checks the {@link RecentChanges} after inserting
 * its result and removes it if a change it did not see concerns it; the answer is still returned to
 * its caller, whose request began before the change.
 *
 * <p>Unknown digests need no such care: a digest only becomes valid when a token is issued or
 * rotated, and its secret is generated in that transaction and shown only after the commit, so no
 * lookup of it can have been answered "unknown" before.
 */
public final class CachingCredentialStore implements CredentialStore, ChangeListener {
  private final CredentialStore store;
  private final CredentialPartStore parts;
  private final SharedParts shared;
  private final Cache<ByteBuffer, CredentialRecord> known;
  private final Cache<ByteBuffer, Boolean> unknown;
  private final Cache<ScopeKey, Optional<ScopePath>> scopes;
  private final RecentChanges recent = new RecentChanges();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  private record ScopeKey(String tenantId, String scopeId) {}

  /** Credentials read whole from {@code store}; time read from {@code ticker} (tests advance it). */
  public CachingCredentialStore(CredentialStore store, Duration ttl, Duration negativeTtl, int maxEntries,
      Ticker ticker) {
    this(store, null, null, ttl, negativeTtl, maxEntries, ticker);
  }

  /**
   * Credentials read in parts from {@code parts} (null: whole from {@code store}, which answers the
   * scope paths either way); {@code toldThrough} the change-log sequence up to which every change has
   * been told to {@link #changed} (the change feed's position).
   */
  public CachingCredentialStore(CredentialStore store, CredentialPartStore parts, LongSupplier toldThrough,
      Duration ttl, Duration negativeTtl, int maxEntries, Ticker ticker) {
    this.store = store;
    this.parts = parts;
    this.known = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).ticker(ticker).build();
    this.unknown = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(negativeTtl).ticker(ticker)
        .build();
    int sharedEntries = Math.max(1000, maxEntries / 10);
    this.scopes = Caffeine.newBuilder().maximumSize(sharedEntries).expireAfterWrite(ttl).ticker(ticker).build();
    this.shared = parts == null ? null : new SharedParts(parts, toldThrough, ttl, sharedEntries, ticker);
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
    long mark = recent.mark();
    Optional<CredentialRecord> loaded = shared == null ? store.findByDigest(digest) : readInParts(digest);
    if (loaded.isEmpty()) {
      unknown.put(key, Boolean.TRUE);
      return loaded;
    }
    CredentialRecord record = loaded.get();
    known.put(key, record);
    if (recent.changedSince(mark, record.version(), record.tenantId(), record.apiKeyId())) {
      known.asMap().remove(key, record);
    }
    return loaded;
  }

  /**
   * The credential's own rows, with its tenant's settings and role from {@link #shared}; read whole
   * (one snapshot) when either went away after its own rows were read.
   */
  private Optional<CredentialRecord> readInParts(byte[] digest) {
    Optional<CredentialParts.Key> own = parts.findKey(digest);
    if (own.isEmpty()) {
      return Optional.empty();
    }
    CredentialRecord joined = shared.join(own.get());
    return joined != null ? Optional.of(joined) : store.findByDigest(digest);
  }

  @Override
  public CredentialRecord peek(byte[] digest) {
    CredentialRecord cached = known.getIfPresent(ByteBuffer.wrap(digest));
    if (cached != null) {
      hits.increment();
    }
    return cached;
  }

  @Override
  public boolean knownUnknown(byte[] digest) {
    boolean unknownHere = unknown.getIfPresent(ByteBuffer.wrap(digest)) != null;
    if (unknownHere) {
      hits.increment();
    }
    return unknownHere;
  }

  @Override
  public ScopePath peekScopePath(String tenantId, String scopeId) {
    Optional<ScopePath> cached = scopes.getIfPresent(new ScopeKey(tenantId, scopeId));
    return cached == null ? NOT_IN_MEMORY : cached.orElse(null);
  }

  @Override
  public ScopePath scopePath(String tenantId, String scopeId) {
    ScopeKey key = new ScopeKey(tenantId, scopeId);
    Optional<ScopePath> cached = scopes.getIfPresent(key);
    if (cached != null) {
      return cached.orElse(null);
    }
    long mark = recent.mark();
    ScopePath loaded = store.scopePath(tenantId, scopeId);
    Optional<ScopePath> entry = Optional.ofNullable(loaded);
    scopes.put(key, entry);
    // A missing scope has no version: any change of its tenant counts as unseen.
    if (recent.changedSince(mark, loaded == null ? -1 : loaded.version(), tenantId, null)) {
      scopes.asMap().remove(key, entry);
    }
    return loaded;
  }

  /**
   * Drops what {@code change} made stale: the records of its key (or, for a tenant-wide change, of
   * every key and scope of its tenant) that were read before it.
   */
  @Override
  public void changed(Change change) {
    if (shared != null) {
      shared.changed(change); // first: a lookup that marks after the add below must find the parts it made stale
    }
    recent.add(change);
    long seq = change.seq();
    known.asMap().values().removeIf(r -> r.version() < seq && change.concerns(r.tenantId(), r.apiKeyId()));
    if (change.tenantWide()) {
      scopes.asMap().entrySet().removeIf(e -> e.getKey().tenantId().equals(change.tenantId())
          && e.getValue().map(path -> path.version() < seq).orElse(true));
    }
  }

  /** Drops everything (changes may have been missed). */
  @Override
  public void resync() {
    if (shared != null) {
      shared.resync();
    }
    recent.resync();
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
