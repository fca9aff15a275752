package io.keygate.cache;

import io.keygate.store.Change;

/**
 * The changes told most recently, in the order they were told, bounded. A lookup takes a
 * {@link #mark()} before it reads the store; after it has cached its result, {@link #changedSince}
 * says whether a change told meanwhile concerns that result and is newer than what the read saw —
 * then the result must not stay cached. Changes told before the mark need no check: they committed
 * before the read began, so the read saw them.
 */
final class RecentChanges {
  static final int CAPACITY = 4096;

  private final Change[] ring = new Change[CAPACITY];
  /** Changes told so far; the newest is at {@code ring[(told - 1) % CAPACITY]}. */
  private long told;
  /** The value of {@link #told} at the last resync (everything before it is unknown). */
  private long resyncedAt = -1;

  synchronized void add(Change change) {
    ring[(int) (told % CAPACITY)] = change;
    told++;
  }

  /** Everything told before now may have been missed: every lookup in flight counts as stale. */
  synchronized void resync() {
    resyncedAt = told;
  }

  /** The position to pass to {@link #changedSince} once the lookup begun now has finished. */
  synchronized long mark() {
    return told;
  }

  /**
   * True when a change told after {@code mark} concerns the record of {@code tenantId} and
   * {@code apiKeyId} (null for a scope path: tenant-wide changes only) and is newer than
   * {@code version}, or when that
   * cannot be ruled out (a resync, or more changes than this remembers).
   */
  synchronized boolean changedSince(long mark, long version, String tenantId, String apiKeyId) {
    if (resyncedAt >= mark || told - mark > CAPACITY) {
      return true;
    }
    for (long i = mark; i < told; i++) {
      Change change = ring[(int) (i % CAPACITY)];
      if (change.seq() > version && change.concerns(tenantId, apiKeyId)) {
        return true;
      }
    }
    return false;
  }
}
