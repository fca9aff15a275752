package io.keygate.telemetry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Keygate's logging, set up in code when logback starts (found through {@code META-INF/services}):
 * no XML is read at start, which spares the process some 600 classes of parser and configurator.
 * A {@code -Dlogback.configurationFile} given to the JVM still wins. {@link Logging#configure} then
 * applies {@code KEYGATE_LOG_FORMAT} and {@code KEYGATE_LOG_LEVEL}.
 *
 * <ul>
 *   <li>one appender, stderr, whose {@link RedactingEncoder} writes text (the pattern below) or JSON,
 *       with anything shaped like a secret redacted from the whole line;
 *   <li>java.util.logging (grpc-java) follows these levels ({@link LevelChangePropagator}), so records
 *       below them are never created; {@link Logging#routeJavaUtilLogging} sends the rest here;
 *   <li>grpc-java's stack traces for client errors (a forbidden HTTP/2 header, a request it cannot
 *       parse): the first of each kind written, the rest counted, once a minute
 *       ({@link ThrottledStackTraces});
 *   <li>Keygate at INFO, every other library at WARN.
 * </ul>
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {
  static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
  private static final Map<String, Level> LEVELS = Map.of(
      "io.keygate", Level.INFO,
      "org.flywaydb", Level.WARN,
      "com.zaxxer.hikari", Level.WARN,
      "io.zonky", Level.WARN,
      "io.grpc.netty", Level.WARN);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    LevelChangePropagator julLevels = new LevelChangePropagator();
    julLevels.setContext(context);
    julLevels.setResetJUL(true);
    julLevels.start();
    context.addListener(julLevels);

    ThrottledStackTraces grpcTraces = new ThrottledStackTraces();
    grpcTraces.setContext(context);
    grpcTraces.setLoggerPrefix("io.grpc");
    grpcTraces.setIntervalSeconds(60);
    grpcTraces.start();
    context.addTurboFilter(grpcTraces);

    RedactingEncoder encoder = new RedactingEncoder();
    encoder.setContext(context);
    encoder.setPattern(TEXT_PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();

    LEVELS.forEach((logger, level) -> context.getLogger(logger).setLevel(level));
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
