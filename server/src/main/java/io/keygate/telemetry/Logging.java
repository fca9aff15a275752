package io.keygate.telemetry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Process-wide logging settings. */
public final class Logging {
  private Logging() {}

  /** Sets the level of Keygate's own loggers ({@code KEYGATE_LOG_LEVEL}). */
  public static void setLevel(String level) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger("io.keygate").setLevel(Level.toLevel(level, Level.INFO));
    }
  }
}
