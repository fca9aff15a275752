package io.keygate.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.keygate.authz.CredentialParts;
import io.keygate.authz.CredentialRecord;
import io.keygate.store.Change;
import io.keygate.store.CredentialPartStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * What many credentials share — their tenant's settings and roles — held once, for the records
 * {@link CachingCredentialStore} makes of a credential's own rows and these. A part held is used for
 * a record whose own rows were read at change-log sequence {@code v} only when a read at {@code v}
 * could not have found it different: every change up to {@code v} has been told here (the change
 * feed's position has reached {@code v}), none of them a tenant-wide change of its tenant newer than
 * the part's read, and no resync came after that read. Else the part is read again. So a record made
 * of parts is what one read at {@code v} would have been: it is kept and dropped as a record read
 * whole, and needs no staleness bound of its own.
 */
final class SharedParts {
  private record RoleKey(String tenantId, String roleId) {}

  /** A part, the change-log sequence its read saw, and the resyncs there had been before it. */
  private record Held<V>(V part, long version, long resyncs) {}

  private final CredentialPartStore store;
  private final LongSupplier toldThrough;
  private final Cache<String, Held<CredentialParts.Tenant>> tenants;
  private final Cache<RoleKey, Held<CredentialParts.Role>> roles;
  /** The newest tenant-wide change told of each tenant that had one (a few bytes per tenant). */
  private final Map<String, Long> newestChange = new ConcurrentHashMap<>();
  private final AtomicLong resyncs = new AtomicLong();

  /**
   * Parts read from {@code store}; {@code toldThrough} the change-log sequence up to which every
   * change has been told to {@link #changed} (the change feed's position).
   */
  SharedParts(CredentialPartStore store, LongSupplier toldThrough, Duration ttl, int maxEntries, Ticker ticker) {
    this.store = store;
    this.toldThrough = toldThrough;
    this.tenants = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).ticker(ticker).build();
    this.roles = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).ticker(ticker).build();
  }

  /**
   * The record of the credential whose own rows are {@code own}, with its tenant's settings and
   * role; null when either is gone since {@code own} was read (the key moved to another role, say:
   * never the defaults in a missing role's place).
   */
  CredentialRecord join(CredentialParts.Key own) {
    String tenantId = own.tenantId();
    CredentialParts.Tenant tenant = part(tenants, tenantId, tenantId, own.version(),
        () -> store.findTenant(tenantId), CredentialParts.Tenant::version);
    if (tenant == null) {
      return null;
    }
    String roleId = own.roleIdUnder(tenant);
    if (roleId == null) {
      return CredentialParts.join(own, tenant, null);
    }
    CredentialParts.Role role = part(roles, new RoleKey(tenantId, roleId), tenantId, own.version(),
        () -> store.findRole(tenantId, roleId), CredentialParts.Role::version);
    return role == null ? null : CredentialParts.join(own, tenant, role.role());
  }

  /** A change, told before the record cache's bookkeeping learns of it. */
  void changed(Change change) {
    if (!change.tenantWide()) {
      return;
    }
    long seq = change.seq();
    newestChange.merge(change.tenantId(), seq, Math::max);
    tenants.asMap().computeIfPresent(change.tenantId(), (id, held) -> held.version() < seq ? null : held);
    roles.asMap().entrySet().removeIf(e -> e.getKey().tenantId().equals(change.tenantId())
        && e.getValue().version() < seq);
  }

  /** Changes may have been missed: no part read before now is used again. */
  void resync() {
    resyncs.incrementAndGet();
    tenants.invalidateAll();
    roles.invalidateAll();
  }

  /** The part under {@code key}, held if it can be used for own rows read at {@code atVersion}, else read. */
  private <K, V> V part(Cache<K, Held<V>> cache, K key, String tenantId, long atVersion, Supplier<Optional<V>> read,
      ToLongFunction<V> version) {
    Held<V> held = cache.getIfPresent(key);
    // The feed's position first: every change up to it was told to changed(), newestChange included.
    if (held != null && held.resyncs() == resyncs.get() && toldThrough.getAsLong() >= atVersion
        && held.version() >= newestChange.getOrDefault(tenantId, Long.MIN_VALUE)) {
      return held.part();
    }
    long resyncsBefore = resyncs.get();
    V part = read.get().orElse(null);
    if (part != null) {
      cache.put(key, new Held<>(part, version.applyAsLong(part), resyncsBefore));
    }
    return part;
  }
}
