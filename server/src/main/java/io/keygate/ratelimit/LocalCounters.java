package io.keygate.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Counters in this process: the default for a single sidecar and development, and the fallback
 * when Redis is unreachable in fail-open mode. Bounded: at most {@code maxSubjects} counters, the
 * least recently used dropped first; idle counters expire after a day (no window is longer). A flood
 * of distinct clients therefore costs a bounded share of the heap ({@link #boundFor}): past it the
 * oldest counters are forgotten — those clients start afresh — and the process never runs out of
 * memory.
 */
public final class LocalCounters implements Counters {
  /** What one counter costs on the heap, generously: its window, its key and the cache's node. */
  static final long BYTES_PER_COUNTER = 400;
  /** The share of the heap the counters may take: an eighth. */
  static final long HEAP_SHARE = 8;

  private final Cache<Key, SlidingWindow> windows;
  private final Clock clock;

  public LocalCounters(Clock clock, int maxSubjects) {
    this.clock = clock;
    this.windows = Caffeine.newBuilder().maximumSize(maxSubjects).expireAfterAccess(Duration.ofDays(1)).build();
  }

  /** A counter: its name and its window's length. */
  private record Key(String counter, long windowMillis) {}

  @Override
  public List<LimitStatus> count(List<LimitSpec> limits) {
    long now = clock.millis();
    int n = limits.size();
    SlidingWindow[] inOrder = new SlidingWindow[n];
    for (int i = 0; i < n; i++) {
      LimitSpec spec = limits.get(i);
      inOrder[i] = windows.get(new Key(spec.counter(), spec.windowMillis()), k -> new SlidingWindow(k.windowMillis()));
    }
    // Locked in one global order (by counter, then window), so two requests never wait on each other.
    SlidingWindow[] lockOrder = inOrder.clone();
    LimitSpec[] specs = limits.toArray(new LimitSpec[0]);
    for (int i = 1; i < n; i++) {
      for (int j = i; j > 0 && before(specs[j], specs[j - 1]); j--) {
        swap(lockOrder, j);
        swap(specs, j);
      }
    }
    return locked(lockOrder, 0, limits, inOrder, now);
  }

  private static boolean before(LimitSpec a, LimitSpec b) {
    int byName = a.counter().compareTo(b.counter());
    return byName < 0 || byName == 0 && a.windowMillis() < b.windowMillis();
  }

  private static <T> void swap(T[] array, int j) {
    T t = array[j];
    array[j] = array[j - 1];
    array[j - 1] = t;
  }

  /** Holds the lock of every window from {@code i} on, then counts. */
  private static List<LimitStatus> locked(SlidingWindow[] lockOrder, int i, List<LimitSpec> limits,
      SlidingWindow[] inOrder, long now) {
    if (i == lockOrder.length) {
      return countLocked(limits, inOrder, now);
    }
    synchronized (lockOrder[i]) {
      return locked(lockOrder, i + 1, limits, inOrder, now);
    }
  }

  /** All or none: every limit has room and counts the request, or an enforced one is full and none does. */
  private static List<LimitStatus> countLocked(List<LimitSpec> limits, SlidingWindow[] windows, long now) {
    int n = limits.size();
    boolean deny = false;
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      counts[i] = windows[i].count(now);
      if (!limits.get(i).informational() && counts[i] + 1 > limits.get(i).limit()) {
        deny = true;
      }
    }
    LimitStatus[] out = new LimitStatus[n];
    for (int i = 0; i < n; i++) {
      LimitSpec spec = limits.get(i);
      long total = counts[i];
      if (!deny && !spec.peek()) {
        windows[i].add(now);
        total++;
      }
      out[i] = LimitStatus.of(spec, total, windows[i].resetMillis(now, spec.limit()), deny);
    }
    return Arrays.asList(out);
  }

  /**
   * The number of counters to keep: {@code wanted}, or fewer when an eighth of a heap of
   * {@code maxHeapBytes} holds fewer, but at least 10 000.
   */
  public static int boundFor(long maxHeapBytes, int wanted) {
    long fits = maxHeapBytes / HEAP_SHARE / BYTES_PER_COUNTER;
    return (int) Math.max(Math.min(10_000, wanted), Math.min(wanted, fits));
  }

  /** Counters kept now (approximately). */
  public long size() {
    windows.cleanUp();
    return windows.estimatedSize();
  }

  /** In memory: always answers at once. */
  @Override
  public CompletionStage<List<LimitStatus>> countAsync(List<LimitSpec> limits) {
    return CompletableFuture.completedFuture(count(limits));
  }
}
