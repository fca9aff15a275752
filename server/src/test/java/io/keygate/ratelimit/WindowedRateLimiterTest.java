package io.keygate.ratelimit;

import static io.keygate.testing.TestClock.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.KeygateException;
import io.keygate.authz.CredentialRecord;
import io.keygate.testing.Records;
import io.keygate.testing.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Which limits a request is counted against, which one binds, and the failure modes. */
class WindowedRateLimiterTest {
  private static final long FIFTEEN_MINUTES = 900_000;

  private final TestClock clock = new TestClock(START);
  private final Recording counters = new Recording(new LocalCounters(clock, 1000));
  private final LocalCounters fallback = new LocalCounters(clock, 1000);

  /** The monotonic time of the limiter's pause after a failure, moved by hand. */
  private final AtomicLong nanos = new AtomicLong();

  private WindowedRateLimiter limiter(boolean failOpen) {
    return new WindowedRateLimiter(counters, fallback, failOpen, 5, FIFTEEN_MINUTES, 0, 60_000, nanos::get);
  }

  /** Past the pause after a failure: the next count asks the store again. */
  private void pauseOver() {
    nanos.addAndGet(WindowedRateLimiter.BREAK_MILLIS * 1_000_000);
  }

  @Test
  void theIpIsCountedAloneBeforeTheLookupAndNotAgainAfterIt() {
    WindowedRateLimiter limiter = limiter(true);
    limiter.countIp("192.0.2.1");
    limiter.countKey(key(10, true, 5, 900), "192.0.2.1", true, true);
    assertThat(counters.calls).containsExactly(List.of("ip:192.0.2.1"), List.of("key:key_1"));
  }

  @Test
  void aCachedKeyCountsIpAndKeyInOneCall() {
    limiter(true).countKey(key(10, true, 5, 900), "192.0.2.1", false, true);
    assertThat(counters.calls).containsExactly(List.of("ip:192.0.2.1", "key:key_1"));
  }

  @Test
  void aTenantWithItsOwnIpLimitGetsItsOwnCounterBesideTheDeployments() {
    limiter(true).countKey(key(10, true, 100, 60), "192.0.2.1", false, true);
    assertThat(counters.calls).containsExactly(List.of("ip:192.0.2.1", "ip:ten_1:192.0.2.1", "key:key_1"));
  }

  @Test
  void aDeniedRequestIsNotCountedAgainstTheKey() {
    WindowedRateLimiter limiter = limiter(true);
    limiter.countKey(key(10, true, 5, 900), "192.0.2.1", true, false);
    assertThat(counters.calls).isEmpty();
    limiter.countKey(key(0, true, 5, 900), "192.0.2.1", true, true);
    assertThat(counters.calls).isEmpty();
  }

  /** Requests that hide their address share one allowance: leaving client_ip empty buys no limit. */
  @Test
  void requestsWithoutAnAddressAreCountedAsOneUnknownClient() {
    WindowedRateLimiter limiter = limiter(true);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.countIp(i % 2 == 0 ? "" : ClientAddress.UNKNOWN).denies()).isFalse();
    }
    assertThat(limiter.countIp("").denies()).isTrue();
    assertThat(counters.calls).allSatisfy(call -> assertThat(call).contains("ip:unknown"));
  }

  /** Every address of one /64 is one client: walking through them buys no second allowance. */
  @Test
  void theAddressesOfOneIpv6Slash64AreOneClient() {
    WindowedRateLimiter limiter = limiter(true);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.countIp("2001:db8:1:2::" + Integer.toHexString(i + 1)).denies()).isFalse();
    }
    assertThat(limiter.countIp("2001:db8:1:2:ffff::9").denies()).isTrue();
    assertThat(limiter.countIp("2001:db8:1:3::1").denies()).as("the next /64").isFalse();
  }

  /** After a failure the store is left alone for a moment: a decision counting two limits waits once. */
  @Test
  void afterAFailureTheStoreIsNotAskedAgainUntilThePauseIsOver() {
    WindowedRateLimiter limiter = limiter(true);
    counters.failing = true;
    limiter.countIp("192.0.2.1");
    limiter.countKey(key(10, true, 5, 900), "192.0.2.1", true, true);
    limiter.countFailure("192.0.2.1");
    assertThat(counters.asked).as("asked once, then answered by the failure mode").hasValue(1);
    assertThat(limiter.errors()).isEqualTo(1);
    pauseOver();
    limiter.countIp("192.0.2.1");
    assertThat(counters.asked).hasValue(2);
  }

  @Test
  void theIpLimitBindsOnceFullForEveryKey() {
    WindowedRateLimiter limiter = limiter(true);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.countIp("192.0.2.1").denies()).isFalse();
    }
    RateLimiter.Outcome sixth = limiter.countKey(key(1000, true, 5, 900), "192.0.2.1", false, true);
    assertThat(sixth.denies()).isTrue();
    assertThat(sixth.binding().scope()).isEqualTo(LimitStatus.Scope.IP);
    assertThat(sixth.binding().remaining()).isZero();
    assertThat(sixth.binding().resetSeconds()).isBetween(900L, 916L);
  }

  @Test
  void theBindingLimitIsTheEnforcedOneWithLeastRoomAndAnInformationalOneNeverDenies() {
    WindowedRateLimiter limiter = limiter(true);
    RateLimiter.Outcome first = limiter.countKey(key(3, false, 5, 900), "192.0.2.1", false, true);
    assertThat(first.binding().scope()).as("informational key limit 3 vs enforced IP 5").isEqualTo(
        LimitStatus.Scope.IP);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.countKey(key(3, false, 5, 900), "192.0.2." + (10 + i), false, true).denies()).isFalse();
    }
    RateLimiter.Outcome over = limiter.countKey(key(3, false, 5, 900), "192.0.2.20", false, true);
    assertThat(over.denies()).isFalse();
    assertThat(over.binding().scope()).isEqualTo(LimitStatus.Scope.IP);
  }

  @Test
  void failOpenCountsLocallyAndRecovers() {
    WindowedRateLimiter limiter = limiter(true);
    counters.failing = true;
    for (int i = 0; i < 5; i++) {
      RateLimiter.Outcome outcome = limiter.countIp("192.0.2.1");
      assertThat(outcome.unavailable()).isFalse();
      assertThat(outcome.denies()).isFalse();
      pauseOver();
    }
    assertThat(limiter.countIp("192.0.2.1").denies()).as("the local count enforces the limit").isTrue();
    assertThat(limiter.degraded()).isTrue();
    assertThat(limiter.errors()).isEqualTo(6);
    counters.failing = false;
    assertThat(limiter.countIp("192.0.2.1").denies()).as("still in the pause: counted locally").isTrue();
    pauseOver();
    assertThat(limiter.countIp("192.0.2.1").denies()).as("the shared store's count").isFalse();
    assertThat(limiter.degraded()).isFalse();
    assertThat(limiter.errors()).isEqualTo(6);
  }

  @Test
  void failClosedAnswersUnavailableAndRecovers() {
    WindowedRateLimiter limiter = limiter(false);
    counters.failing = true;
    RateLimiter.Outcome outcome = limiter.countKey(key(10, true, 5, 900), "192.0.2.1", false, true);
    assertThat(outcome.unavailable()).isTrue();
    assertThat(outcome.denies()).isFalse();
    assertThat(limiter.degraded()).isTrue();
    counters.failing = false;
    pauseOver();
    assertThat(limiter.countIp("192.0.2.1").unavailable()).isFalse();
    assertThat(limiter.degraded()).isFalse();
    assertThat(limiter.errors()).isEqualTo(1);
  }

  @Test
  void failedAuthenticationsCloseTheIpForEveryKeyButOnlyCountWhenTheyHappen() {
    WindowedRateLimiter limiter = new WindowedRateLimiter(counters, fallback, true, 1000, FIFTEEN_MINUTES, 3,
        FIFTEEN_MINUTES);
    RateLimiter.Outcome normal = limiter.countIp("192.0.2.1");
    assertThat(normal.binding().limit()).as("the guard is checked but does not describe normal traffic")
        .isEqualTo(1000);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.countIp("192.0.2.1").denies()).as("checking does not count").isFalse();
    }
    for (int i = 0; i < 3; i++) {
      limiter.countFailure("192.0.2.1");
    }
    RateLimiter.Outcome closed = limiter.countIp("192.0.2.1");
    assertThat(closed.denies()).isTrue();
    assertThat(closed.binding().limit()).isEqualTo(3);
    assertThat(limiter.countKey(key(100, true, 1000, 900), "192.0.2.1", false, true).denies())
        .as("a cached key from that IP").isTrue();
    assertThat(limiter.countIp("192.0.2.2").denies()).as("another IP").isFalse();
    clock.advance(FIFTEEN_MINUTES + 15_001);
    assertThat(limiter.countIp("192.0.2.1").denies()).as("a window later").isFalse();
  }

  private static CredentialRecord key(long perMinute, boolean enforced, long ipLimit, int ipWindowSeconds) {
    return Records.key().permissions().limit(perMinute, enforced)
        .policy(Records.policy().ipLimit(ipLimit, ipWindowSeconds)).build();
  }

  @Test
  void theNonBlockingPathCountsTheSameAndHasTheSameFailureModes() {
    WindowedRateLimiter open = limiter(true);
    CredentialRecord key = key(3, true, 100, 900);
    for (int i = 0; i < 3; i++) {
      assertThat(now(open.countKeyAsync(key, "192.0.2.1", false, true)).denies()).isFalse();
    }
    assertThat(now(open.countKeyAsync(key, "192.0.2.1", false, true)).denies()).as("the key's limit").isTrue();
    assertThat(counters.calls).hasSize(4).allSatisfy(call -> assertThat(call).contains("key:key_1"));

    counters.failing = true;
    RateLimiter.Outcome failedOpen = now(open.countKeyAsync(key(10, true, 100, 900), "192.0.2.2", false, true));
    assertThat(failedOpen.unavailable()).isFalse();
    assertThat(failedOpen.binding()).as("counted in the fallback").isNotNull();
    assertThat(open.degraded()).isTrue();
    assertThat(open.errors()).isEqualTo(1);

    WindowedRateLimiter closed = limiter(false);
    assertThat(now(closed.countKeyAsync(key, "192.0.2.3", false, true)).unavailable()).isTrue();
    counters.failing = false;
    pauseOver();
    assertThat(now(closed.countKeyAsync(key(10, true, 100, 900), "192.0.2.3", false, true)).unavailable()).isFalse();
    assertThat(closed.degraded()).isFalse();
  }

  @Test
  void aBackendThatCanOnlyBlockSendsTheCallerToTheBlockingPath() {
    Counters blocking = limits -> new LocalCounters(clock, 10).count(limits); // no countAsync
    WindowedRateLimiter limiter = new WindowedRateLimiter(blocking, fallback, true, 5, FIFTEEN_MINUTES);
    assertThat(limiter.countKeyAsync(key(10, true, 5, 900), "192.0.2.1", false, true)).isNull();
  }

  private static RateLimiter.Outcome now(CompletionStage<RateLimiter.Outcome> stage) {
    assertThat(stage).as("answers at once").isNotNull();
    return stage.toCompletableFuture().getNow(null);
  }

  /** Real local counters that record what was counted, and can be made to fail like a dead Redis. */
  private static final class Recording implements Counters {
    final List<List<String>> calls = new ArrayList<>();
    final AtomicInteger asked = new AtomicInteger();
    final Counters delegate;
    boolean failing;

    @Override
    public CompletionStage<List<LimitStatus>> countAsync(List<LimitSpec> limits) {
      try {
        return CompletableFuture.completedFuture(count(limits));
      } catch (KeygateException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    Recording(Counters delegate) {
      this.delegate = delegate;
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
