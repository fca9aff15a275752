package io.keygate.ratelimit;

import java.util.Map;
import java.util.TreeMap;

/**
 * A bucketed sliding window: the window is split into {@value #BUCKETS} buckets, and a bucket
 * counts in full until it has wholly left the window. So no interval of the window's length ever
 * admits more than the limit — there is no boundary at which twice the limit gets through, as with
 * fixed windows — and memory is {@value #BUCKETS} counters per subject whatever the limit (a log of
 * timestamps would need one entry per request). The price: a request leaves the count up to one
 * bucket (1/60 of the window) late. The Redis backend runs the same algorithm in Lua
 * ({@code sliding_window.lua}); this class is the in-process one, and the reference for both.
 * Not thread-safe: callers lock.
 */
public final class SlidingWindow {
  public static final int BUCKETS = 60;

  private final long bucketMillis;
  private final TreeMap<Long, Long> buckets = new TreeMap<>();
  /** The sum of {@link #buckets}: kept as buckets come and go, so a count does not re-add them. */
  private long total;

  public SlidingWindow(long windowMillis) {
    this.bucketMillis = bucketMillis(windowMillis);
  }

  /** Bucket length: the window over {@link #BUCKETS}, rounded up so the window is never shortened. */
  public static long bucketMillis(long windowMillis) {
    return Math.max(1, (windowMillis + BUCKETS - 1) / BUCKETS);
  }

  /** Requests counted in the window ending at {@code nowMillis}. Drops buckets that left it. */
  public long count(long nowMillis) {
    long current = nowMillis / bucketMillis;
    // The current bucket plus BUCKETS whole ones: a request counts until its bucket has wholly left.
    Map<Long, Long> gone = buckets.headMap(current - BUCKETS, false);
    if (!gone.isEmpty()) {
      for (long c : gone.values()) {
        total -= c;
      }
      gone.clear();
    }
    return total;
  }

  public void add(long nowMillis) {
    buckets.merge(nowMillis / bucketMillis, 1L, Long::sum);
    total++;
  }

  /**
   * Milliseconds until the count falls below {@code limit} (so one more request fits), or, when it
   * already is below, until the oldest counted request leaves the window; 0 when nothing is counted.
   */
  public long resetMillis(long nowMillis, long limit) {
    long total = count(nowMillis);
    long need = total - limit + 1;
    long dropped = 0;
    for (Map.Entry<Long, Long> e : buckets.entrySet()) {
      dropped += e.getValue();
      if (need <= 0 || dropped >= need) {
        return Math.max(0, (e.getKey() + BUCKETS + 1) * bucketMillis - nowMillis);
      }
    }
    return 0;
  }

  public boolean isEmpty(long nowMillis) {
    return count(nowMillis) == 0;
  }
}
