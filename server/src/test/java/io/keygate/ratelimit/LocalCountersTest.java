package io.keygate.ratelimit;

import static io.keygate.testing.TestClock.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.testing.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** In-process counters: all-or-nothing over a request's limits, exact under contention. */
class LocalCountersTest {
  private final TestClock clock = new TestClock(START);
  private final LocalCounters counters = new LocalCounters(clock, 1000);

  private static LimitSpec ip(long limit) {
    return new LimitSpec(LimitStatus.Scope.IP, "ip:192.0.2.1", limit, 900_000, false);
  }

  private static LimitSpec key(long limit, boolean informational) {
    return new LimitSpec(LimitStatus.Scope.KEY, "key:key_1", limit, 60_000, informational);
  }

  @Test
  void aRequestRefusedByOneLimitIsCountedInNone() {
    assertThat(counters.count(List.of(ip(10), key(1, false)))).noneMatch(LimitStatus::denies);
    List<LimitStatus> refused = counters.count(List.of(ip(10), key(1, false)));
    assertThat(refused.get(1).denies()).isTrue();
    assertThat(refused.get(0).denies()).isFalse();
    assertThat(refused.get(0).remaining()).as("the IP counted only the first request").isEqualTo(9);
    assertThat(counters.count(List.of(ip(10))).get(0).remaining()).isEqualTo(8);
  }

  @Test
  void informationalLimitsCountPastTheLimitAndNeverRefuse() {
    for (int i = 0; i < 5; i++) {
      List<LimitStatus> statuses = counters.count(List.of(key(2, true)));
      assertThat(statuses.get(0).denies()).isFalse();
      assertThat(statuses.get(0).exceeded()).isEqualTo(i >= 2);
    }
  }

  @Test
  void theSameCounterWithAnotherWindowIsAnotherCounter() {
    counters.count(List.of(new LimitSpec(LimitStatus.Scope.IP, "ip:x", 1, 1000, false)));
    assertThat(counters.count(List.of(new LimitSpec(LimitStatus.Scope.IP, "ip:x", 1, 2000, false))).get(0)
        .denies()).isFalse();
  }

  /** A flood of distinct clients costs a bounded number of counters: the oldest are forgotten. */
  @Test
  void aFloodOfDistinctClientsStaysWithinTheBound() {
    LocalCounters bounded = new LocalCounters(clock, 1_000);
    for (int i = 0; i < 20_000; i++) {
      bounded.count(List.of(new LimitSpec(LimitStatus.Scope.IP, "ip:10." + (i >> 16) + "." + (i >> 8 & 255) + "."
          + (i & 255), 5, 60_000, false)));
    }
    assertThat(bounded.size()).isLessThanOrEqualTo(1_000);
  }

  /** The bound follows the heap: an eighth of it at most, so a small heap cannot be exhausted. */
  @Test
  void theBoundIsSizedToTheHeap() {
    long megabyte = 1024 * 1024;
    assertThat(LocalCounters.boundFor(128 * megabyte, 1_000_000)).isLessThanOrEqualTo(
        (int) (128 * megabyte / 8 / LocalCounters.BYTES_PER_COUNTER));
    assertThat(LocalCounters.boundFor(64L * 1024 * megabyte, 1_000_000)).as("a big heap: what was asked")
        .isEqualTo(1_000_000);
    assertThat(LocalCounters.boundFor(8 * megabyte, 1_000_000)).as("never fewer than 10 000").isEqualTo(10_000);
  }

  @Test
  void theWindowSlides() {
    for (int i = 0; i < 3; i++) {
      counters.count(List.of(key(3, false)));
    }
    assertThat(counters.count(List.of(key(3, false))).get(0).denies()).isTrue();
    clock.advance(59_000);
    assertThat(counters.count(List.of(key(3, false))).get(0).denies()).as("59 s later").isTrue();
    clock.advance(2_100);
    assertThat(counters.count(List.of(key(3, false))).get(0).denies()).as("a window and a bucket later").isFalse();
  }

  @Test
  void concurrentRequestsOverlappingLimitsAdmitExactlyTheLimit() throws Exception {
    AtomicInteger admitted = new AtomicInteger();
    List<Callable<Void>> callers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      boolean reversed = t % 2 == 0;
      callers.add(() -> {
        for (int i = 0; i < 500; i++) {
          List<LimitSpec> limits = reversed ? List.of(key(100_000, false), ip(777)) : List.of(ip(777),
              key(100_000, false));
          if (counters.count(limits).stream().noneMatch(LimitStatus::denies)) {
            admitted.incrementAndGet();
          }
        }
        return null;
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (Future<Void> f : pool.invokeAll(callers)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(admitted.get()).isEqualTo(777);
  }
}
