package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.KeygateException;
import io.keygate.ratelimit.LeaseStore;
import io.keygate.ratelimit.LimitSpec;
import io.keygate.ratelimit.LimitStatus;
import io.keygate.ratelimit.redis.RedisCounters;
import io.keygate.ratelimit.redis.RedisLeases;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code lease.lua} on a real Redis, through {@link RedisLeases}: the semantics the tests' model of
 * it ({@code LeaseModel}) assumes — slices of a quarter of what is left, counted at once, never past
 * the limit, returns lowering the count, one counter shared with the exact script.
 */
class RedisLeasesIT {
  private static final AtomicInteger COUNTERS = new AtomicInteger();
  private static TestRedis redis;
  private static RedisCounters exact;
  private static RedisLeases leases;

  @BeforeAll
  static void start() {
    redis = TestRedis.start();
    exact = new RedisCounters(RedisURI.create(redis.url()), Duration.ofSeconds(5), 1000);
    leases = new RedisLeases(exact);
  }

  @AfterAll
  static void stop() {
    exact.close();
    redis.close();
  }

  private static LimitSpec spec(long limit) {
    return new LimitSpec(LimitStatus.Scope.KEY, "key:lease" + COUNTERS.incrementAndGet(), limit, 60_000, false);
  }

  private static LeaseStore.Grant lease(LimitSpec spec, long want, long returned, long bucket) {
    return leases.lease(spec, want, returned, bucket).toCompletableFuture().join();
  }

  @Test
  void slicesShrinkToAQuarterOfWhatIsLeftAndNeverPassTheLimit() {
    LimitSpec spec = spec(100);
    long total = 0;
    for (int i = 0; i < 40 && total < 100; i++) {
      LeaseStore.Grant grant = lease(spec, 1000, 0, 0);
      assertThat(grant.granted()).as("lease %d", i + 1).isEqualTo(Math.max(1, (100 - total + 3) / 4));
      total += grant.granted();
      assertThat(grant.total()).isEqualTo(total);
      assertThat(grant.bucketEndMillis()).isBetween(0L, 1000L);
    }
    assertThat(total).isEqualTo(100);
    LeaseStore.Grant full = lease(spec, 1000, 0, 0);
    assertThat(full.granted()).isZero();
    assertThat(full.total()).isEqualTo(100);
    assertThat(full.resetMillis()).as("until the oldest bucket leaves the window").isBetween(1L, 61_000L);
  }

  @Test
  void aGrantIsCountedAtOnceAndTheExactScriptSeesIt() {
    LimitSpec spec = spec(10);
    assertThat(lease(spec, 4, 0, 0).granted()).isEqualTo(3); // ⌈10 / 4⌉
    List<LimitStatus> counted = exact.count(List.of(spec));
    assertThat(counted.get(0).remaining()).as("3 leased + 1 counted exactly").isEqualTo(6);
    assertThat(lease(spec, 0, 0, 0).total()).as("a read (want 0) counts nothing").isEqualTo(4);
  }

  @Test
  void unspentPermitsHandedBackLowerTheirBucketsCountNeverBelowZero() {
    LimitSpec spec = spec(100);
    LeaseStore.Grant grant = lease(spec, 10, 0, 0);
    assertThat(grant.total()).isEqualTo(10);
    assertThat(lease(spec, 0, 4, grant.bucket()).total()).isEqualTo(6);
    assertThat(lease(spec, 0, 50, grant.bucket()).total()).as("at most what the bucket holds").isZero();
    assertThat(lease(spec, 0, 5, grant.bucket() - 7).total()).as("a bucket not held: nothing").isZero();
  }

  @Test
  void aScriptRedisForgotIsLoadedAgain() {
    TestRedis.call(redis.url(), r -> r.scriptFlush());
    assertThat(lease(spec(10), 1, 0, 0).granted()).isEqualTo(1);
  }

  @Test
  void aWarmUpAnswersEveryReadOnlyLeaseItSendsAndWritesNothing() {
    long before = evalshaCalls();
    assertThat(leases.warmUp(50, 16, Duration.ofSeconds(5))).as("three batches of 16 and one of 2").isEqualTo(50);
    assertThat(evalshaCalls() - before).as("scripts Redis ran").isEqualTo(50);
    List<String> written = TestRedis.call(redis.url(), r -> r.keys("*warmup*"));
    assertThat(written).isEmpty();
    try (TestRedis gone = TestRedis.notStarted();
        RedisCounters counters = new RedisCounters(RedisURI.create(gone.url()), Duration.ofMillis(100), 10)) {
      assertThat(new RedisLeases(counters).warmUp(50, 16, Duration.ofSeconds(5))).as("Redis down").isZero();
    }
  }

  private static long evalshaCalls() {
    return TestRedis.commandStats(redis.url(), "calls=").getOrDefault("evalsha", 0L);
  }

  @Test
  void aRedisThatIsDownIsUnavailable() {
    try (TestRedis gone = TestRedis.notStarted();
        RedisCounters counters = new RedisCounters(RedisURI.create(gone.url()), Duration.ofMillis(100), 10)) {
      assertThatThrownBy(() -> new RedisLeases(counters).lease(spec(10), 1, 0, 0).toCompletableFuture().join())
          .isInstanceOf(CompletionException.class).cause().isInstanceOfSatisfying(KeygateException.class,
              e -> assertThat(e.kind()).isEqualTo(KeygateException.Kind.UNAVAILABLE));
    }
  }
}
