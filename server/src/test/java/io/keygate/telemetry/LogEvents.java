package io.keygate.telemetry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Instant;
import java.util.Map;

/** Log events built by hand, with a fixed time, thread and MDC, for the encoder and layout tests. */
final class LogEvents {
  static final LoggerContext CONTEXT = new LoggerContext();
  static final Instant AT = Instant.parse("2027-01-15T08:30:05.123456789Z");

  private LogEvents() {}

  static LoggingEvent event(String logger, Level level, String message, Throwable failure, Object[] arguments,
      Map<String, String> mdc) {
    return event("keygate-rpc-1", logger, level, message, failure, arguments, mdc);
  }

  static LoggingEvent event(String thread, String logger, Level level, String message, Throwable failure,
      Object[] arguments, Map<String, String> mdc) {
    Logger log = CONTEXT.getLogger(logger);
    LoggingEvent event = new LoggingEvent(Logger.class.getName(), log, level, message, failure, arguments);
    event.setInstant(AT);
    event.setThreadName(thread);
    event.setMDCPropertyMap(mdc);
    return event;
  }
}
