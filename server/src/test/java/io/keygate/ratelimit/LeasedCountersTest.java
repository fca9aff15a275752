package io.keygate.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.KeygateException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** One sidecar leasing from a {@link LeaseModel} that answers at once; time moved by hand. */
class LeasedCountersTest {
  private static final long MS = 1_000_000;
  private long now = 1_000_000_000 * MS;
  private final LeaseModel store = new LeaseModel(() -> now);
  private final LeasedCounters counters = new LeasedCounters(store, store, 1000, () -> now);

  private static LimitSpec ip(long limit) {
    return new LimitSpec(LimitStatus.Scope.IP, "ip:t:192.0.2.1", limit, 60_000, false);
  }

  private static LimitSpec key(long limit) {
    return new LimitSpec(LimitStatus.Scope.KEY, "key:k1", limit, 60_000, false);
  }

  private static boolean admitted(List<LimitStatus> statuses) {
    return statuses.stream().noneMatch(LimitStatus::denies);
  }

  @Test
  void mostDecisionsTouchNoStore() {
    for (int i = 0; i < 1000; i++) {
      assertThat(admitted(counters.count(List.of(ip(100_000), key(100_000))))).isTrue();
      now += MS; // 1,000 requests in one second: one bucket of the minute window
    }
    // From a cold start: slices of 1, 2, 4 … 1,024 per counter, and one more at the bucket's end.
    assertThat(store.leases).as("leases for 1,000 decisions over 2 limits").isLessThanOrEqualTo(30);
    long warm = store.leases;
    for (int i = 0; i < 3000; i++) {
      assertThat(admitted(counters.count(List.of(ip(100_000), key(100_000))))).isTrue();
      now += MS;
    }
    assertThat(store.leases - warm).as("leases for 3,000 more, warm").isLessThanOrEqualTo(16);
    assertThat(store.exactCounts).as("requests in a bucket's last 2 ms, counted exactly").isLessThanOrEqualTo(12);
    assertThat(store.stored(key(100_000))).as("counted before spent").isGreaterThanOrEqualTo(1000);
  }

  @Test
  void theLimitIsExactAndTheLastRequestsAreLeasedOneByOne() {
    int admitted = 0;
    for (int i = 0; i < 200; i++) {
      admitted += admitted(counters.count(List.of(key(100)))) ? 1 : 0;
    }
    assertThat(admitted).isEqualTo(100);
    assertThat(store.stored(key(100))).isEqualTo(100);
    assertThat(store.calls).as("slices of at most a quarter of what is left").contains("key:k1 want=1 returned=0")
        .last().asString().contains("want=");
  }

  @Test
  void aCounterKnownFullIsRefusedLocallyUntilItsReset() {
    for (int i = 0; i < 10; i++) {
      counters.count(List.of(key(10)));
    }
    List<LimitStatus> refused = counters.count(List.of(key(10)));
    assertThat(admitted(refused)).isFalse();
    long leases = store.leases;
    long resetSeconds = refused.get(0).resetSeconds();
    assertThat(resetSeconds).isBetween(59L, 61L);
    for (int i = 0; i < 100; i++) {
      assertThat(admitted(counters.count(List.of(key(10))))).isFalse();
      now += 500 * MS; // 50 s
    }
    assertThat(store.leases).as("no store call while known full").isEqualTo(leases);
    now += 20_000 * MS;
    assertThat(admitted(counters.count(List.of(key(10))))).isTrue();
  }

  @Test
  void aRequestRefusedByOneLimitTakesNoPermitOfTheOther() {
    for (int i = 0; i < 3; i++) {
      assertThat(admitted(counters.count(List.of(ip(1000), key(3))))).isTrue();
    }
    List<LimitStatus> refused = counters.count(List.of(ip(1000), key(3)));
    assertThat(refused.get(1).denies()).isTrue();
    assertThat(refused.get(0).denies()).isFalse();
    assertThat(refused.get(0).remaining()).as("the IP counted 3").isEqualTo(997);
    assertThat(counters.count(List.of(ip(1000))).get(0).remaining()).isEqualTo(996);
  }

  @Test
  void unusedPermitsOfAnEndedBucketAreHandedBackWithTheNextLease() {
    for (int i = 0; i < 8; i++) {
      counters.count(List.of(key(1000))); // leases 1, 2, 4, 8: 15 reserved, 8 spent
    }
    assertThat(store.stored(key(1000))).isEqualTo(15);
    now += 1100 * MS; // the next bucket, past the last one's margin
    counters.count(List.of(key(1000)));
    assertThat(store.calls.get(store.calls.size() - 1)).contains("returned=7");
    assertThat(store.stored(key(1000))).as("8 spent, and a slice of what the last bucket spent and a quarter")
        .isEqualTo(8 + 10);
  }

  @Test
  void peekedCountersAreAnsweredFromASnapshotOfOneSecond() {
    LimitSpec guard = new LimitSpec(LimitStatus.Scope.IP, "authfail:192.0.2.1", 2, 60_000, false, true);
    LimitSpec failure = new LimitSpec(LimitStatus.Scope.IP, "authfail:192.0.2.1", 2, 60_000, true);
    assertThat(admitted(counters.count(List.of(guard)))).isTrue();
    assertThat(admitted(counters.count(List.of(guard)))).isTrue();
    assertThat(store.leases).as("the second read from the snapshot").isEqualTo(1);
    assertThat(store.stored(guard)).as("a peek counts nothing").isZero();
    store.count(List.of(failure)); // two failures counted by another sidecar
    store.count(List.of(failure));
    assertThat(admitted(counters.count(List.of(guard)))).as("stale for up to 1 s").isTrue();
    now += 1001 * MS;
    assertThat(admitted(counters.count(List.of(guard)))).isFalse();
  }

  @Test
  void exactLimitsAreCountedRequestByRequestOnTheSameCounters() {
    LimitSpec exact = new LimitSpec(LimitStatus.Scope.KEY, "key:k1", 5, 60_000, false, false, true);
    counters.count(List.of(key(5)));
    long leases = store.leases;
    int admitted = 0;
    for (int i = 0; i < 10; i++) {
      admitted += admitted(counters.count(List.of(ip(1000), exact))) ? 1 : 0;
    }
    assertThat(store.leases).isEqualTo(leases);
    assertThat(store.exactCounts).isEqualTo(10);
    assertThat(admitted).as("the leased request's slice is counted too").isLessThanOrEqualTo(4);
    assertThat(store.stored(key(5))).isEqualTo(5);
  }

  @Test
  void aStoreFailureIsUnavailable() {
    store.failure = new KeygateException(KeygateException.Kind.UNAVAILABLE, "down");
    assertThatThrownBy(() -> counters.count(List.of(key(5)))).isInstanceOf(KeygateException.class);
    assertThatThrownBy(() -> counters.countAsync(List.of(key(5))).toCompletableFuture().join())
        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(KeygateException.class);
    store.failure = null;
    assertThat(admitted(counters.count(List.of(key(5))))).isTrue();
  }

  @Test
  void aMonotonicClockWithANegativeOriginChangesNothing() {
    long[] clock = {-5_000_000_000_000L};
    LeaseModel negative = new LeaseModel(() -> clock[0] + 2_000_000_000_000_000L);
    LeasedCounters sidecar = new LeasedCounters(negative, negative, 1000, () -> clock[0]);
    LimitSpec guard = new LimitSpec(LimitStatus.Scope.IP, "authfail:192.0.2.1", 2, 60_000, false, true);
    assertThat(admitted(sidecar.count(List.of(key(3))))).as("not taken for full").isTrue();
    assertThat(admitted(sidecar.count(List.of(guard)))).isTrue();
    assertThat(negative.leases).as("the peek read the store: nothing was known").isEqualTo(2);
    for (int i = 0; i < 5; i++) {
      sidecar.count(List.of(key(3)));
      clock[0] += MS;
    }
    assertThat(negative.stored(key(3))).as(negative.calls.toString()).isEqualTo(3);
  }

  @Test
  void aSliceIsNotSpentPastItsBucketsEndInTheSidecarsReckoning() {
    assertThat(LeasedCounters.spendableNanos(1000)).isEqualTo(998 * MS);
    assertThat(LeasedCounters.spendableNanos(1)).isZero();
  }
}
