package io.keygate;

import com.github.benmanes.caffeine.cache.Caffeine;

/** How Keygate builds its in-memory caches. */
public final class Caches {
  private Caches() {}

  /**
   * A Caffeine builder whose upkeep (eviction, expiry) runs on the thread that uses the cache, in small
   * amortized steps, instead of being handed to {@code ForkJoinPool.commonPool()}: on a sidecar's one or
   * two cores that hand-off was a thread wake-up and about 20 µs of CPU per cache miss
   * (docs/performance.md).
   */
  public static Caffeine<Object, Object> builder() {
    return Caffeine.newBuilder().executor(Runnable::run);
  }
}
