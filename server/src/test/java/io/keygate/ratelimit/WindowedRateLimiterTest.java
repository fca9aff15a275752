package io.keygate.ratelimit;

import static io.keygate.testing.TestClock.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.KeygateException;
import io.keygate.testing.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The binding limit, the failure modes and the pause after a failure (which limits to count is the decision's). */
class WindowedRateLimiterTest {
  private static final long FIFTEEN_MINUTES = 900_000;
  private static final Executor DIRECT = Runnable::run;

  private final TestClock clock = new TestClock(START);
  private final Recording counters = new Recording(new LocalCounters(clock, 1000));
  private final LocalCounters fallback = new LocalCounters(clock, 1000);

  /** The monotonic time of the limiter's pause after a failure, moved by hand. */
  private final AtomicLong nanos = new AtomicLong();

  private WindowedRateLimiter limiter(boolean failOpen) {
    return new WindowedRateLimiter(counters, fallback, failOpen, DIRECT, nanos::get);
  }

  /** Past the pause after a failure: the next count asks the store again. */
  private void pauseOver() {
    nanos.addAndGet(WindowedRateLimiter.BREAK_MILLIS * 1_000_000);
  }

  private static LimitSpec ip(long limit) {
    return new LimitSpec(LimitStatus.Scope.IP, "ip:ten_1:192.0.2.1", limit, FIFTEEN_MINUTES, false);
  }

  private static LimitSpec key(long limit, boolean informational) {
    return new LimitSpec(LimitStatus.Scope.KEY, "key:key_1", limit, 60_000, informational);
  }

  private static LimitSpec guard(long limit) {
    return new LimitSpec(LimitStatus.Scope.IP, "authfail:192.0.2.1", limit, FIFTEEN_MINUTES, false, true);
  }

  @Test
  void nothingToCountAsksNobody() {
    assertThat(now(limiter(true).count(List.of()))).isEqualTo(RateLimiter.Outcome.NONE);
    assertThat(counters.asked).hasValue(0);
  }

  @Test
  void allLimitsAreCountedInOneCall() {
    limiter(true).count(List.of(ip(5), key(10, false)));
    assertThat(counters.calls).containsExactly(List.of("ip:ten_1:192.0.2.1", "key:key_1"));
  }

  @Test
  void aFullLimitBindsAndReportsItsReset() {
    WindowedRateLimiter limiter = limiter(true);
    for (int i = 0; i < 5; i++) {
      assertThat(now(limiter.count(List.of(ip(5), key(1000, false)))).denies()).isFalse();
    }
    RateLimiter.Outcome sixth = now(limiter.count(List.of(ip(5), key(1000, false))));
    assertThat(sixth.denies()).isTrue();
    assertThat(sixth.binding().scope()).isEqualTo(LimitStatus.Scope.IP);
    assertThat(sixth.binding().remaining()).isZero();
    assertThat(sixth.binding().resetSeconds()).isBetween(900L, 916L);
  }

  @Test
  void theBindingLimitIsTheEnforcedOneWithLeastRoomAndAnInformationalOneNeverDenies() {
    WindowedRateLimiter limiter = limiter(true);
    RateLimiter.Outcome first = now(limiter.count(List.of(key(3, true), ip(5))));
    assertThat(first.binding().scope()).as("informational key limit 3 vs enforced IP 5").isEqualTo(
        LimitStatus.Scope.IP);
    RateLimiter.Outcome over = null;
    for (int i = 0; i < 4; i++) {
      over = now(limiter.count(List.of(key(3, true), new LimitSpec(LimitStatus.Scope.IP, "ip:" + i, 5,
          FIFTEEN_MINUTES, false))));
    }
    assertThat(over.denies()).as("an informational limit over its count").isFalse();
    assertThat(over.binding().scope()).isEqualTo(LimitStatus.Scope.IP);
  }

  /** A guard that is only checked describes nothing until it refuses. */
  @Test
  void aCheckedGuardBindsOnlyWhenItRefuses() {
    WindowedRateLimiter limiter = limiter(true);
    RateLimiter.Outcome normal = now(limiter.count(List.of(guard(3), ip(1000))));
    assertThat(normal.binding().limit()).isEqualTo(1000);
    LimitSpec failure = new LimitSpec(LimitStatus.Scope.IP, "authfail:192.0.2.1", 3, FIFTEEN_MINUTES, true);
    for (int i = 0; i < 3; i++) {
      limiter.count(List.of(failure));
    }
    RateLimiter.Outcome closed = now(limiter.count(List.of(guard(3), ip(1000))));
    assertThat(closed.denies()).isTrue();
    assertThat(closed.binding().limit()).isEqualTo(3);
  }

  /** After a failure the store is left alone for a moment: a burst waits for one timeout, not one each. */
  @Test
  void afterAFailureTheStoreIsNotAskedAgainUntilThePauseIsOver() {
    WindowedRateLimiter limiter = limiter(true);
    counters.failing = true;
    limiter.count(List.of(ip(5)));
    limiter.count(List.of(ip(5), key(10, false)));
    limiter.count(List.of(guard(3)));
    assertThat(counters.asked).as("asked once, then answered by the failure mode").hasValue(1);
    assertThat(limiter.errors()).isEqualTo(1);
    pauseOver();
    limiter.count(List.of(ip(5)));
    assertThat(counters.asked).hasValue(2);
  }

  @Test
  void failOpenCountsLocallyAndRecovers() {
    WindowedRateLimiter limiter = limiter(true);
    counters.failing = true;
    for (int i = 0; i < 5; i++) {
      RateLimiter.Outcome outcome = now(limiter.count(List.of(ip(5))));
      assertThat(outcome.unavailable()).isFalse();
      assertThat(outcome.denies()).isFalse();
      pauseOver();
    }
    assertThat(now(limiter.count(List.of(ip(5)))).denies()).as("the local count enforces the limit").isTrue();
    assertThat(limiter.degraded()).isTrue();
    assertThat(limiter.errors()).isEqualTo(6);
    counters.failing = false;
    assertThat(now(limiter.count(List.of(ip(5)))).denies()).as("still in the pause: counted locally").isTrue();
    pauseOver();
    assertThat(now(limiter.count(List.of(ip(5)))).denies()).as("the shared store's count").isFalse();
    assertThat(limiter.degraded()).isFalse();
    assertThat(limiter.errors()).isEqualTo(6);
  }

  @Test
  void failClosedAnswersUnavailableAndRecovers() {
    WindowedRateLimiter limiter = limiter(false);
    counters.failing = true;
    RateLimiter.Outcome outcome = now(limiter.count(List.of(ip(5), key(10, false))));
    assertThat(outcome.unavailable()).isTrue();
    assertThat(outcome.denies()).isFalse();
    assertThat(limiter.degraded()).isTrue();
    counters.failing = false;
    pauseOver();
    assertThat(now(limiter.count(List.of(ip(5)))).unavailable()).isFalse();
    assertThat(limiter.degraded()).isFalse();
    assertThat(limiter.errors()).isEqualTo(1);
  }

  /** A backend that can only block is asked on the blocking executor, never on the caller's thread. */
  @Test
  void aBackendThatCanOnlyBlockIsAskedOnTheBlockingExecutor() {
    Counters blockingOnly = limits -> new LocalCounters(clock, 10).count(limits); // no countAsync
    List<Runnable> queued = new ArrayList<>();
    WindowedRateLimiter limiter = new WindowedRateLimiter(blockingOnly, fallback, true, queued::add, nanos::get);
    CompletableFuture<RateLimiter.Outcome> outcome = limiter.count(List.of(ip(5))).toCompletableFuture();
    assertThat(outcome).as("waits for the executor").isNotDone();
    assertThat(queued).hasSize(1);
    queued.get(0).run();
    assertThat(outcome.getNow(null).binding().limit()).isEqualTo(5);
  }

  private static RateLimiter.Outcome now(CompletionStage<RateLimiter.Outcome> stage) {
    CompletableFuture<RateLimiter.Outcome> future = stage.toCompletableFuture();
    assertThat(future).as("answers at once").isDone();
    return future.getNow(null);
  }

  /** Real local counters that record what was counted, and can be made to fail like a dead Redis. */
  private static final class Recording implements Counters {
    final List<List<String>> calls = new ArrayList<>();
    final AtomicInteger asked = new AtomicInteger();
    final Counters delegate;
    boolean failing;

    Recording(Counters delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompletionStage<List<LimitStatus>> countAsync(List<LimitSpec> limits) {
      try {
        return CompletableFuture.completedFuture(count(limits));
      } catch (KeygateException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    public List<LimitStatus> count(List<LimitSpec> limits) {
      asked.incrementAndGet();
      if (failing) {
        throw new KeygateException(KeygateException.Kind.UNAVAILABLE, "store down");
      }
      calls.add(limits.stream().map(LimitSpec::counter).toList());
      return delegate.count(limits);
    }
  }
}
