package io.keygate.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

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

  private final Cache<String, SlidingWindow> windows;
  private final Clock clock;

  public LocalCounters(Clock clock, int maxSubjects) {
    this.clock = clock;
    this.windows = Caffeine.newBuilder().maximumSize(maxSubjects).expireAfterAccess(Duration.ofDays(1)).build();
  }

  @Override
  public List<LimitStatus> count(List<LimitSpec> limits) {
    long now = clock.millis();
    List<LimitSpec> ordered = new ArrayList<>(limits);
    ordered.sort(Comparator.comparing(LimitSpec::counter));
    List<SlidingWindow> locked = new ArrayList<>();
    for (LimitSpec spec : ordered) {
      locked.add(windows.get(spec.counter() + "@" + spec.windowMillis(), k -> new SlidingWindow(spec.windowMillis())));
    }
    return lockAll(locked, 0, () -> {
      List<SlidingWindow> inOrder = new ArrayList<>();
      for (LimitSpec spec : limits) {
        inOrder.add(locked.get(ordered.indexOf(spec)));
      }
      boolean deny = false;
      long[] counts = new long[limits.size()];
      for (int i = 0; i < limits.size(); i++) {
        counts[i] = inOrder.get(i).count(now);
        if (!limits.get(i).informational() && counts[i] + 1 > limits.get(i).limit()) {
          deny = true;
        }
      }
      List<LimitStatus> out = new ArrayList<>();
      for (int i = 0; i < limits.size(); i++) {
        LimitSpec spec = limits.get(i);
        long total = counts[i];
        if (!deny && !spec.peek()) {
          inOrder.get(i).add(now);
          total++;
        }
        out.add(LimitStatus.of(spec, total, inOrder.get(i).resetMillis(now, spec.limit()), deny));
      }
      return out;
    });
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

  private static List<LimitStatus> lockAll(List<SlidingWindow> windows, int i,
      Supplier<List<LimitStatus>> body) {
    if (i == windows.size()) {
      return body.get();
    }
    synchronized (windows.get(i)) {
      return lockAll(windows, i + 1, body);
    }
  }
}
