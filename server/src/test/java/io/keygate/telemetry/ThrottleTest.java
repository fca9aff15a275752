package io.keygate.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottleTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final Throttle throttle = new Throttle(MINUTE, nanos::get, 3);

  private void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  @Test
  void theFirstOccurrenceIsFullTheRestOfTheIntervalCountedAndTheNextOneSummarisesThem() {
    assertThat(throttle.offer("a").kind()).isEqualTo(Throttle.Kind.FULL);
    for (int i = 0; i < 5; i++) {
      advance(Duration.ofSeconds(10));
      assertThat(throttle.offer("a").kind()).isEqualTo(Throttle.Kind.COUNTED);
    }
    advance(Duration.ofSeconds(15));

    Throttle.Verdict summary = throttle.offer("a");

    assertThat(summary.kind()).isEqualTo(Throttle.Kind.SUMMARY);
    assertThat(summary.count()).as("five counted and this one").isEqualTo(6);
    assertThat(summary.elapsed()).isEqualTo(Duration.ofSeconds(65));
  }

  @Test
  void underASteadyFloodThereIsOneSummaryPerIntervalAndNoFurtherFullLog() {
    throttle.offer("a");
    int full = 0;
    int summaries = 0;
    for (int second = 1; second <= 600; second++) {
      advance(Duration.ofSeconds(1));
      Throttle.Kind kind = throttle.offer("a").kind();
      full += kind == Throttle.Kind.FULL ? 1 : 0;
      summaries += kind == Throttle.Kind.SUMMARY ? 1 : 0;
    }

    assertThat(full).isZero();
    assertThat(summaries).isEqualTo(10);
  }

  @Test
  void aKeyQuietForAWholeIntervalLogsInFullAgain() {
    throttle.offer("a");
    advance(MINUTE);

    assertThat(throttle.offer("a").kind()).isEqualTo(Throttle.Kind.FULL);
  }

  @Test
  void keysAreThrottledApart() {
    throttle.offer("a");

    assertThat(throttle.offer("b").kind()).isEqualTo(Throttle.Kind.FULL);
    assertThat(throttle.offer("a").kind()).isEqualTo(Throttle.Kind.COUNTED);
  }

  @Test
  void pastTheKeyLimitNewKeysShareOneOverflowKeyUntilOldKeysFallIdle() {
    throttle.offer("a");
    throttle.offer("b");
    throttle.offer("c");

    assertThat(throttle.offer("d").kind()).as("d takes the overflow key").isEqualTo(Throttle.Kind.FULL);
    assertThat(throttle.offer("e").kind()).as("e shares it with d").isEqualTo(Throttle.Kind.COUNTED);
    advance(MINUTE);
    assertThat(throttle.offer("f").kind()).as("idle keys were forgotten").isEqualTo(Throttle.Kind.FULL);
    assertThat(throttle.offer("f").kind()).isEqualTo(Throttle.Kind.COUNTED);
  }
}
