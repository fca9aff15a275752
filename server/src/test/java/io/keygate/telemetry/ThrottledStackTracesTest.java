package io.keygate.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottledStackTracesTest {
  private final AtomicLong nanos = new AtomicLong();
  private final LoggerContext context = new LoggerContext();
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  ThrottledStackTracesTest() {
    ThrottledStackTraces filter = new ThrottledStackTraces(nanos::get);
    filter.setContext(context);
    filter.start();
    context.addTurboFilter(filter);
    events.setContext(context);
    events.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(events);
  }

  @Test
  void aLibrarysRepeatedStackTraceIsWrittenOnceThenCountedAndSummarisedAfterTheInterval() {
    Logger grpc = context.getLogger("io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler");
    for (int i = 0; i < 5; i++) {
      grpc.warn("Stream Error", streamError(i));
    }
    nanos.addAndGet(Duration.ofSeconds(61).toNanos());
    grpc.warn("Stream Error", streamError(5));

    assertThat(events.list).hasSize(2);
    assertThat(events.list.get(0).getThrowableProxy().getMessage()).endsWith("header 0");
    ILoggingEvent summary = events.list.get(1);
    assertThat(summary.getLoggerName()).isEqualTo(grpc.getName());
    assertThat(summary.getLevel()).isEqualTo(Level.WARN);
    assertThat(summary.getThrowableProxy()).isNull();
    assertThat(summary.getFormattedMessage()).isEqualTo("Stream Error (5 more in the last 61 s, the latest:"
        + " java.lang.IllegalArgumentException: Illegal connection-specific header 5; the stack trace of each kind"
        + " is logged once per 60 s)");
  }

  @Test
  void keygatesOwnLoggersEventsWithoutThrowableAndInfoAreNotThrottled() {
    Logger keygate = context.getLogger("io.keygate.store.postgres.Database");
    Logger grpc = context.getLogger("io.grpc.internal.SerializingExecutor");
    for (int i = 0; i < 3; i++) {
      keygate.error("database error", new IllegalStateException());
      grpc.warn("no stack trace");
      grpc.info("below warn", new IllegalStateException());
    }

    assertThat(events.list).hasSize(9);
  }

  @Test
  void failuresOfOneKindAreThrottledTogetherWhateverTheirMessagesAndOtherKindsApart() {
    Logger grpc = context.getLogger("io.grpc.internal.SerializingExecutor");
    for (int i = 0; i < 3; i++) {
      grpc.error("Exception while executing runnable " + new Object(), parseFailure());
    }
    grpc.error("Exception while executing runnable", otherFailure());
    grpc.error("Exception while executing runnable", new IllegalStateException("thrown elsewhere", new Error()));

    assertThat(events.list).hasSize(3);
  }

  private static IllegalArgumentException streamError(int header) {
    return new IllegalArgumentException("Illegal connection-specific header " + header);
  }

  private static IllegalStateException parseFailure() {
    return new IllegalStateException("INTERNAL: Invalid protobuf byte sequence", new IllegalArgumentException());
  }

  private static IllegalStateException otherFailure() {
    return new IllegalStateException("INTERNAL: something else");
  }
}
