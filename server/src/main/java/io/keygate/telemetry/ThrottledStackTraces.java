package io.keygate.telemetry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Marker;

/**
 * The same throttle as {@link ThrottledLog}, for stack traces that libraries log and Keygate cannot
 * wrap: grpc-java logs one per request for a request it cannot parse or an HTTP/2 header it
 * forbids, so any client could fill the log. For loggers under {@link #setLoggerPrefix the prefix}
 * ({@code io.grpc}: grpc-java and its shaded Netty), an event at WARN or above that carries a
 * throwable passes a {@link Throttle} keyed by {@link #keyOf the kind of failure}: the first is
 * written in full, further ones within the interval are dropped and counted, and the next one after
 * it is replaced by one line with the count. Installed by {@link LogConfiguration}.
 */
public final class ThrottledStackTraces extends TurboFilter {
  private static final int MAX_KEYS = 1000;

  private final LongSupplier nanos;
  private String loggerPrefix = "io.grpc";
  private long intervalSeconds = 60;
  private Throttle throttle;

  public ThrottledStackTraces() {
    this(System::nanoTime);
  }

  /** A filter on {@code nanos}, a monotonic clock in nanoseconds (tests move it by hand). */
  ThrottledStackTraces(LongSupplier nanos) {
    this.nanos = nanos;
  }

  /** Loggers whose name starts with this are throttled; default {@code io.grpc}. */
  public void setLoggerPrefix(String loggerPrefix) {
    this.loggerPrefix = loggerPrefix;
  }

  /** How long after a stack trace the same kind is only counted; default 60. */
  public void setIntervalSeconds(long intervalSeconds) {
    this.intervalSeconds = intervalSeconds;
  }

  @Override
  public void start() {
    throttle = new Throttle(Duration.ofSeconds(intervalSeconds), nanos, MAX_KEYS);
    super.start();
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
      Throwable failure) {
    if (failure == null || !isStarted() || level.levelInt < Level.WARN_INT
        || level.levelInt < logger.getEffectiveLevel().levelInt || !logger.getName().startsWith(loggerPrefix)) {
      return FilterReply.NEUTRAL;
    }
    Throttle.Verdict verdict = throttle.offer(keyOf(logger, failure));
    switch (verdict.kind()) {
      case FULL:
        return FilterReply.NEUTRAL;
      case SUMMARY:
        // Without a throwable, the summary itself passes this filter.
        logger.log(marker, ThrottledStackTraces.class.getName(), Level.toLocationAwareLoggerInteger(level),
            "{} ({} more in the last {} s, the latest: {}; the stack trace of each kind is logged once per {} s)",
            new Object[] {format, verdict.count(), verdict.elapsed().toSeconds(), ThrottledLog.describe(failure),
                intervalSeconds}, null);
        return FilterReply.DENY;
      default:
        return FilterReply.DENY;
    }
  }

  /**
   * The kind of failure: the logger, where the throwable was thrown and its root cause's class — not
   * the message, which may vary per call (grpc-java's names the task, with its identity hash).
   */
  static String keyOf(Logger logger, Throwable failure) {
    Throwable root = failure;
    for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 16; depth++) {
      root = root.getCause();
    }
    return logger.getName() + " " + ThrottledLog.keyOf(failure) + " (root cause " + root.getClass().getName() + ")";
  }
}
