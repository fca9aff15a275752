package io.keygate.telemetry;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * A log statement for failures a client can cause again and again, throttled per key by a
 * {@link Throttle}: the first occurrence of a key is logged with its stack trace, further ones in
 * the interval are counted, and the next one after it logs one line saying how many there were and
 * what the latest was, without a stack trace. Keys should name the kind of failure (its class and
 * where it was thrown), never a client's input.
 */
public final class ThrottledLog {
  private static final int MAX_KEYS = 1000;

  private final Logger log;
  private final Level level;
  private final Throttle throttle;

  /** Throttled on the system's monotonic clock. */
  public ThrottledLog(Logger log, Level level, Duration interval) {
    this(log, level, interval, System::nanoTime);
  }

  /** Throttled on {@code nanos}, a monotonic clock in nanoseconds (tests move it by hand). */
  public ThrottledLog(Logger log, Level level, Duration interval, LongSupplier nanos) {
    this.log = log;
    this.level = level;
    this.throttle = new Throttle(interval, nanos, MAX_KEYS);
  }

  /** Logs {@code message} and {@code failure} as the throttle decides for {@code key}. */
  public void log(String key, String message, Throwable failure) {
    if (!log.isEnabledForLevel(level)) {
      return;
    }
    Throttle.Verdict verdict = throttle.offer(key);
    switch (verdict.kind()) {
      case FULL -> log.atLevel(level).setCause(failure).log(message);
      case SUMMARY -> log.atLevel(level).log("{} ({} more in the last {} s, the latest: {}; the stack trace of"
          + " each kind of failure is logged once per {} s)", message, verdict.count(),
          verdict.elapsed().toSeconds(), describe(failure), throttle.interval().toSeconds());
      default -> { } // COUNTED: nothing now, reported with the summary
    }
  }

  /** The key of a failure: its class and the frame it was thrown from. */
  public static String keyOf(Throwable failure) {
    StackTraceElement[] frames = failure.getStackTrace();
    return failure.getClass().getName() + (frames.length == 0 ? "" : " at " + frames[0]);
  }

  /** {@code class: message} of a failure, for a summary line. */
  static String describe(Throwable failure) {
    if (failure == null) {
      return "-";
    }
    return failure.getMessage() == null ? failure.getClass().getName()
        : failure.getClass().getName() + ": " + failure.getMessage();
  }
}
