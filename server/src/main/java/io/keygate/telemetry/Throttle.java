package io.keygate.telemetry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Decides, per key, what becomes of one occurrence of something that could be logged again and
 * again (a stack trace a client can cause at will): the first occurrence of a key logs in full;
 * further ones within the interval are only counted; the first one after the interval reports
 * how many there were since the last report (itself included) and starts the next interval. A key
 * quiet for a whole interval logs in full again. Counts are reported with the key's next
 * occurrence: there is no timer, so a burst that stops leaves its last count unreported.
 *
 * <p>Time comes from {@code nanos} (tests advance it by hand). At most {@code maxKeys} keys are
 * tracked; past that, keys idle for an interval are forgotten, and if none is, new keys share one
 * overflow key, so clients cannot grow the map.
 */
public final class Throttle {
  /** The key that new keys share while every tracked key is busy. */
  static final String OVERFLOW = "(other)";

  /** What to do with one occurrence. */
  public enum Kind {
    /** Log it in full, stack trace included. */
    FULL,
    /** Say nothing; it is counted. */
    COUNTED,
    /** Report {@link Verdict#count()} occurrences in {@link Verdict#elapsed()}, this one included. */
    SUMMARY
  }

  /** The decision for one occurrence. */
  public record Verdict(Kind kind, long count, Duration elapsed) {
    static final Verdict FULL = new Verdict(Kind.FULL, 1, Duration.ZERO);
    static final Verdict COUNTED = new Verdict(Kind.COUNTED, 0, Duration.ZERO);
  }

  private final long intervalNanos;
  private final LongSupplier nanos;
  private final int maxKeys;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /**
   * @param interval how long after a full log further occurrences are only counted
   * @param nanos a monotonic clock in nanoseconds, e.g. {@code System::nanoTime}
   * @param maxKeys how many keys are tracked at most
   */
  public Throttle(Duration interval, LongSupplier nanos, int maxKeys) {
    if (interval.isNegative() || interval.isZero() || maxKeys < 1) {
      throw new IllegalArgumentException("interval must be positive and maxKeys at least 1");
    }
    this.intervalNanos = interval.toNanos();
    this.nanos = nanos;
    this.maxKeys = maxKeys;
  }

  public Duration interval() {
    return Duration.ofNanos(intervalNanos);
  }

  /** Records one occurrence of {@code key} and says what to do with it. */
  public Verdict offer(String key) {
    long now = nanos.getAsLong();
    Window window = windows.get(key);
    if (window == null) {
      if (windows.size() >= maxKeys) {
        windows.values().removeIf(w -> w.idle(now));
      }
      String tracked = windows.size() < maxKeys ? key : OVERFLOW;
      Window[] created = new Window[1];
      window = windows.computeIfAbsent(tracked, k -> created[0] = new Window(now));
      if (window == created[0]) {
        return Verdict.FULL;
      }
    }
    return window.offer(now);
  }

  /** The occurrences of one key since its interval started. */
  private final class Window {
    private long start;
    private long counted;

    Window(long start) {
      this.start = start;
    }

    synchronized Verdict offer(long now) {
      long elapsed = now - start;
      if (elapsed < intervalNanos) {
        counted++;
        return Verdict.COUNTED;
      }
      start = now;
      if (counted == 0) {
        return Verdict.FULL;
      }
      long count = counted + 1;
      counted = 0;
      return new Verdict(Kind.SUMMARY, count, Duration.ofNanos(elapsed));
    }

    synchronized boolean idle(long now) {
      return now - start >= intervalNanos;
    }
  }
}
