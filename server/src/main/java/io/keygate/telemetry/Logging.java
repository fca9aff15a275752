package io.keygate.telemetry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Process-wide logging settings, applied once at start by the commands that run Keygate. The
 * appenders, levels and the level propagation to java.util.logging are declared in
 * {@link LogConfiguration}; this applies what the settings choose.
 */
public final class Logging {
  private Logging() {}

  /**
   * Routes java.util.logging to SLF4J, then applies {@code KEYGATE_LOG_FORMAT} and
   * {@code KEYGATE_LOG_LEVEL}. Called before anything else logs, so every line of the process has
   * the chosen format.
   */
  public static void configure(String format, String level) {
    routeJavaUtilLogging();
    setFormat(format);
    setLevel(level);
  }

  /**
   * Sends every java.util.logging record (grpc-java logs that way) to SLF4J, so it gets Keygate's
   * format and redaction, instead of JUL's own console handler writing it as it is. Idempotent.
   * Levels follow logback's: {@link LogConfiguration}'s {@code LevelChangePropagator} sets the JUL
   * levels, so records below them are not even created.
   */
  public static synchronized void routeJavaUtilLogging() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  /** Renders every line as {@code text} or {@code json} from now on ({@code KEYGATE_LOG_FORMAT}). */
  public static void setFormat(String format) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    boolean applied = false;
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender
          && appender.getEncoder() instanceof RedactingEncoder encoder) {
        encoder.setFormat(format);
        applied = true;
      }
    }
    if (!applied && !format.equals("text")) {
      LoggerFactory.getLogger(Logging.class).warn("KEYGATE_LOG_FORMAT={} is ignored: the logback configuration in"
          + " use has no appender with Keygate's encoder ({})", format, RedactingEncoder.class.getName());
    }
  }

  /** Sets the level of Keygate's own loggers ({@code KEYGATE_LOG_LEVEL}). */
  public static void setLevel(String level) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger("io.keygate").setLevel(Level.toLevel(level, Level.INFO));
    }
  }
}
