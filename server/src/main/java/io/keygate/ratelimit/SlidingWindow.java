package io.keygate.ratelimit;

/**
 * A bucketed sliding window: the window is split into {@value #BUCKETS} buckets, and a bucket
 * counts in full until it has wholly left the window. So no interval of the window's length ever
 * admits more than the limit — there is no boundary at which twice the limit gets through, as with
 * fixed windows — and memory is at most {@value #BUCKETS} counters per subject whatever the limit (a
 * log of timestamps would need one entry per request). The price: a request leaves the count up to
 * one bucket (1/60 of the window) late. The Redis backend runs the same algorithm in Lua
 * ({@code sliding_window.lua}); this class is the in-process one, and the reference for both.
 *
 * <p>The live buckets are kept in two small parallel arrays sorted by bucket index (they grow as
 * buckets are used, to {@value #BUCKETS} + 1 at most), so a client seen once costs about a hundred
 * bytes: a flood of distinct addresses stays within the bound the counters are sized to. Not
 * thread-safe: callers lock.
 */
public final class SlidingWindow {
  public static final int BUCKETS = 60;

  private final long bucketMillis;
  /** Bucket indexes (time / bucket length), ascending; {@code counts[i]} requests in {@code index[i]}. */
  private long[] index = new long[1];
  private long[] counts = new long[1];
  private int size;
  /** The sum of {@link #counts}: kept as buckets come and go, so a count does not re-add them. */
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
    int gone = 0;
    while (gone < size && index[gone] < current - BUCKETS) {
      total -= counts[gone];
      gone++;
    }
    if (gone > 0) {
      System.arraycopy(index, gone, index, 0, size - gone);
      System.arraycopy(counts, gone, counts, 0, size - gone);
      size -= gone;
    }
    return total;
  }

  public void add(long nowMillis) {
    long bucket = nowMillis / bucketMillis;
    int at = size;
    while (at > 0 && index[at - 1] > bucket) {
      at--; // a clock that stepped back: keep the buckets sorted
    }
    if (at > 0 && index[at - 1] == bucket) {
      counts[at - 1]++;
    } else {
      if (size == index.length) {
        int grown = Math.min(BUCKETS + 2, index.length * 2);
        index = java.util.Arrays.copyOf(index, Math.max(grown, size + 1));
        counts = java.util.Arrays.copyOf(counts, index.length);
      }
      System.arraycopy(index, at, index, at + 1, size - at);
      System.arraycopy(counts, at, counts, at + 1, size - at);
      index[at] = bucket;
      counts[at] = 1;
      size++;
    }
    total++;
  }

  /**
   * Milliseconds until the count falls below {@code limit} (so one more request fits), or, when it
   * already is below, until the oldest counted request leaves the window; 0 when nothing is counted.
   */
  public long resetMillis(long nowMillis, long limit) {
    long counted = count(nowMillis);
    long need = counted - limit + 1;
    long dropped = 0;
    for (int i = 0; i < size; i++) {
      dropped += counts[i];
      if (need <= 0 || dropped >= need) {
        return Math.max(0, (index[i] + BUCKETS + 1) * bucketMillis - nowMillis);
      }
    }
    return 0;
  }

  public boolean isEmpty(long nowMillis) {
    return count(nowMillis) == 0;
  }
}
