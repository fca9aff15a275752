package io.keygate.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class ThrottledLogTest {
  private final AtomicLong nanos = new AtomicLong();
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final ThrottledLog log;

  ThrottledLogTest() {
    LoggerContext context = new LoggerContext();
    events.setContext(context);
    events.start();
    Logger logger = context.getLogger("io.keygate.transport.grpc.Statuses");
    logger.addAppender(events);
    log = new ThrottledLog(logger, Level.ERROR, Duration.ofMinutes(1), nanos::get);
  }

  @Test
  void theFirstFailureOfAKindIsLoggedWithItsStackTraceAndRepeatsOnlyAsACountAfterTheInterval() {
    for (int i = 1; i <= 4; i++) {
      log.log("one kind", "unexpected failure", new IllegalStateException("failure " + i));
      nanos.addAndGet(Duration.ofSeconds(10).toNanos());
    }
    nanos.addAndGet(Duration.ofSeconds(30).toNanos());
    log.log("one kind", "unexpected failure", new IllegalStateException("failure 5"));
    log.log("another kind", "unexpected failure", new IllegalStateException("failure 6"));

    assertThat(events.list).hasSize(3);
    assertThat(events.list.get(0).getFormattedMessage()).isEqualTo("unexpected failure");
    assertThat(events.list.get(0).getThrowableProxy().getMessage()).isEqualTo("failure 1");
    assertThat(events.list.get(1).getFormattedMessage()).isEqualTo("unexpected failure (4 more in the last 70 s,"
        + " the latest: java.lang.IllegalStateException: failure 5; the stack trace of each kind of failure is"
        + " logged once per 60 s)");
    assertThat(events.list.get(1).getThrowableProxy()).as("a summary has no stack trace").isNull();
    assertThat(events.list.get(2).getThrowableProxy().getMessage()).as("another key").isEqualTo("failure 6");
  }

  @Test
  void theKeyOfAFailureIsItsClassAndWhereItWasThrownNotItsMessage() {
    IllegalStateException one = new IllegalStateException("client input 1");
    IllegalStateException other = new IllegalStateException("client input 2");

    assertThat(ThrottledLog.keyOf(one)).startsWith("java.lang.IllegalStateException at io.keygate.telemetry."
        + "ThrottledLogTest.").doesNotContain("client input");
    assertThat(ThrottledLog.keyOf(one)).isNotEqualTo(ThrottledLog.keyOf(other)).as("different lines");
  }
}
