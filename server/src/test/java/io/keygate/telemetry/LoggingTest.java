package io.keygate.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** java.util.logging, as grpc-java uses it, ends up in logback, at logback's levels. */
class LoggingTest {
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private ch.qos.logback.classic.Logger root;

  @BeforeEach
  void capture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    events.setContext(context);
    events.start();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(events);
  }

  @AfterEach
  void release() {
    root.detachAppender(events);
  }

  @Test
  void aJavaUtilLoggingRecordReachesLogbackWithItsLoggerLevelAndThrowable() {
    Logging.routeJavaUtilLogging();
    IllegalStateException failure = new IllegalStateException("boom");

    Logger.getLogger("io.grpc.netty.shaded.io.grpc.netty.LoggingTest").log(Level.WARNING, "Stream Error",
        failure);

    assertThat(events.list).singleElement().satisfies(event -> {
      assertThat(event.getLoggerName()).isEqualTo("io.grpc.netty.shaded.io.grpc.netty.LoggingTest");
      assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
      assertThat(event.getFormattedMessage()).isEqualTo("Stream Error");
      assertThat(event.getThrowableProxy().getMessage()).isEqualTo("boom");
    });
  }

  @Test
  void theBridgeIsInstalledOnceAndJulsOwnConsoleHandlerIsGone() {
    Logging.routeJavaUtilLogging();
    Logging.routeJavaUtilLogging();

    assertThat(SLF4JBridgeHandler.isInstalled()).isTrue();
    assertThat(Arrays.stream(Logger.getLogger("").getHandlers()).filter(h -> h instanceof SLF4JBridgeHandler))
        .hasSize(1);
    assertThat(Logger.getLogger("").getHandlers()).noneMatch(h -> h instanceof ConsoleHandler);
  }

  @Test
  void julLevelsFollowLogbacksSoRecordsBelowThemAreNotCreated() {
    Logging.routeJavaUtilLogging();
    Logger grpcNetty = Logger.getLogger("io.grpc.netty.shaded.io.grpc.netty.NettyServerTransport");

    assertThat(grpcNetty.isLoggable(Level.INFO)).as("LogConfiguration: io.grpc.netty at WARN").isFalse();
    assertThat(grpcNetty.isLoggable(Level.WARNING)).isTrue();
    grpcNetty.info("Transport failed");
    assertThat(events.list).isEmpty();
  }
}
