package io.keygate.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Several sidecars ({@link LeasedCounters}) leasing from one store (a {@link LeaseModel} of
 * {@code lease.lua}) through a network with random latencies, on one simulated clock (each sidecar
 * reading it from its own origin, at a rate up to 900 ppm off): random arrivals, full counters,
 * returns, two limits per request, leased and exact requests mixed.
 */
class LeasedCountersPropertiesTest {
  private static final long MS = 1_000_000;

  /** One simulated fleet: sidecars on one network, and what each counter admitted when. */
  private static final class Fleet {
    final LeaseModelNetwork net;
    final List<LeasedCounters> sidecars = new ArrayList<>();
    final Map<String, List<Long>> admitted = new HashMap<>();
    int offered;
    int completed;
    int refused;
    int falselyRefused;

    Fleet(int sidecars, Random random, long maxLatencyNanos) {
      this(sidecars, random, maxLatencyNanos, 0);
    }

    /** Each sidecar's clock runs at its own rate, up to {@code maxDriftPpm} off the store's. */
    Fleet(int sidecars, Random random, long maxLatencyNanos, int maxDriftPpm) {
      net = new LeaseModelNetwork(random, maxLatencyNanos);
      for (int i = 0; i < sidecars; i++) {
        double rate = 1 + (maxDriftPpm == 0 ? 0 : (random.nextInt(2 * maxDriftPpm + 1) - maxDriftPpm) / 1e6);
        long origin = random.nextLong() / 4; // monotonic clocks share no origin
        this.sidecars.add(new LeasedCounters(net.sidecarView(), net.store, 1000,
            () -> origin + (long) (net.now() * rate)));
      }
    }

    void offer(long atNanos, int sidecar, List<LimitSpec> specs) {
      offered++;
      net.at(atNanos, () -> {
        // Whether the exact per-request script would admit it, given what the fleet admitted.
        boolean roomExactly = specs.stream().allMatch(s -> s.informational() || inWindow(s) + 1 <= s.limit());
        sidecars.get(sidecar).countAsync(specs).whenComplete((statuses, error) -> {
          assertThat(error).isNull();
          completed++;
          if (statuses.stream().noneMatch(LimitStatus::denies)) {
            for (LimitSpec s : specs) {
              if (!s.peek()) {
                admitted.computeIfAbsent(s.counter(), k -> new ArrayList<>()).add(net.now());
              }
            }
          } else {
            refused++;
            if (roomExactly) {
              falselyRefused++;
            }
          }
        });
      });
    }

    /** Admissions in the buckets the store's sliding window holds now (the exact script's view). */
    long inWindow(LimitSpec spec) {
      long size = Math.max(1, (spec.windowMillis() + 59) / 60);
      long current = Math.floorDiv(net.now() / MS, size);
      return admitted.getOrDefault(spec.counter(), List.of()).stream()
          .filter(t -> Math.floorDiv(t / MS, size) >= current - 60).count();
    }

    void drain(long untilNanos) {
      net.runUntil(untilNanos, 1_000_000);
      net.runUntil(Long.MAX_VALUE / 4, 1_000_000);
      assertThat(net.idle()).isTrue();
      assertThat(completed).as("every request answered").isEqualTo(offered);
    }

    /** The most admissions of {@code counter} in any window of {@code windowMillis}. */
    int mostInAnyWindow(String counter, long windowMillis) {
      List<Long> times = new ArrayList<>(admitted.getOrDefault(counter, List.of()));
      Collections.sort(times);
      int most = 0;
      int j = 0;
      for (int i = 0; i < times.size(); i++) {
        while (j < times.size() && times.get(j) - times.get(i) < windowMillis * MS) {
          j++;
        }
        most = Math.max(most, j - i);
      }
      return most;
    }
  }

  private static LimitSpec ip(int limit, long windowMillis, boolean exact) {
    return new LimitSpec(LimitStatus.Scope.IP, "ip:t:192.0.2.1", limit, windowMillis, false, false, exact);
  }

  private static LimitSpec key(int limit, long windowMillis, boolean exact) {
    return new LimitSpec(LimitStatus.Scope.KEY, "key:k1", limit, windowMillis, false, false, exact);
  }

  @Property(tries = 150)
  void theFleetNeverAdmitsMoreThanALimitInAnyWindowOfItsLength(
      @ForAll @IntRange(min = 1, max = 4) int sidecars,
      @ForAll @IntRange(min = 1, max = 200) int ipLimit,
      @ForAll @IntRange(min = 1, max = 200) int keyLimit,
      @ForAll @IntRange(min = 1000, max = 10_000) int windowMillis,
      @ForAll @IntRange(min = 0, max = 40) int maxLatencyMillis,
      @ForAll @IntRange(min = 1, max = 4) int overload,
      @ForAll @IntRange(min = 0, max = 900) int maxDriftPpm,
      @ForAll long seed) {
    Random random = new Random(seed);
    Fleet fleet = new Fleet(sidecars, random, maxLatencyMillis * MS, maxDriftPpm);
    long keyWindow = windowMillis * (1 + random.nextInt(3));
    int windows = 5;
    long span = windows * keyWindow * MS;
    int requests = Math.min(6000, overload * Math.max(ipLimit, keyLimit) * windows * 3);
    for (int i = 0; i < requests; i++) {
      // Bursts and gaps: arrival times drawn at random, some clustered.
      long at = random.nextInt(4) == 0 ? (span / 10) * random.nextInt(10) : (long) (random.nextDouble() * span);
      boolean exact = random.nextInt(20) == 0;
      int kind = random.nextInt(10);
      List<LimitSpec> specs = kind < 7 ? List.of(ip(ipLimit, windowMillis, exact), key(keyLimit, keyWindow, exact))
          : kind < 9 ? List.of(ip(ipLimit, windowMillis, exact)) : List.of(key(keyLimit, keyWindow, exact));
      fleet.offer(at, random.nextInt(sidecars), specs);
    }
    fleet.drain(span);

    assertThat(fleet.mostInAnyWindow("ip:t:192.0.2.1", windowMillis)).isLessThanOrEqualTo(ipLimit);
    assertThat(fleet.mostInAnyWindow("key:k1", keyWindow)).isLessThanOrEqualTo(keyLimit);
  }

  @Property(tries = 60)
  void atEightTenthsOfTheLimitAlmostNothingIsRefused(
      @ForAll @IntRange(min = 1, max = 3) int sidecars,
      @ForAll @IntRange(min = 50, max = 2000) int limit,
      @ForAll @IntRange(min = 1000, max = 60_000) int windowMillis,
      @ForAll long seed) {
    Random random = new Random(seed);
    long bucketMillis = (windowMillis + 59) / 60;
    Fleet fleet = new Fleet(sidecars, random, bucketMillis * MS / 4);
    int windows = 10;
    int requests = (int) (0.8 * limit * windows);
    double gap = (double) windowMillis * windows * MS / requests;
    for (int i = 0; i < requests; i++) {
      long at = (long) (i * gap + random.nextDouble() * gap / 2);
      fleet.offer(at, random.nextInt(sidecars), List.of(ip(limit, windowMillis, false), key(limit, windowMillis,
          false)));
    }
    fleet.drain((long) (requests * gap));

    assertThat(fleet.mostInAnyWindow("key:k1", windowMillis)).isLessThanOrEqualTo(limit);
    assertThat(fleet.falselyRefused).as("refused though the exact script would have admitted them, of %d",
        requests).isLessThanOrEqualTo(requests / 100);
  }
}
