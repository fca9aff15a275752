package io.keygate.ratelimit;

import static io.keygate.testing.TestClock.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference algorithm: a bucketed sliding window, driven by explicit times. */
class SlidingWindowTest {
  private static final long MINUTE = 60_000;

  /** Admits one request at {@code now} when the window has room for it, like the counters do. */
  private static boolean admit(SlidingWindow window, long now, long limit) {
    if (window.count(now) + 1 > limit) {
      return false;
    }
    window.add(now);
    return true;
  }

  private static SlidingWindow replay(long windowMillis, List<Long> times) {
    SlidingWindow window = new SlidingWindow(windowMillis);
    times.forEach(window::add);
    return window;
  }

  @Test
  void countsEveryRequestInTheWindow() {
    SlidingWindow window = new SlidingWindow(MINUTE);
    assertThat(window.count(START)).isZero();
    assertThat(window.isEmpty(START)).isTrue();
    for (int i = 0; i < 3; i++) {
      window.add(START);
    }
    window.add(START + 10_000);
    window.add(START + 10_999);
    assertThat(window.count(START + 20_000)).isEqualTo(5);
    assertThat(window.isEmpty(START + 20_000)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(longs = {1000, 1001, 2000, 59_999, 60_000, 60_001, 900_000, 86_400_000})
  void bucketsCoverTheWholeWindowAndAreOneSixtiethOfIt(long windowMillis) {
    long bucket = SlidingWindow.bucketMillis(windowMillis);
    assertThat(bucket * SlidingWindow.BUCKETS).isGreaterThanOrEqualTo(windowMillis)
        .isLessThan(windowMillis + SlidingWindow.BUCKETS);
  }

  /**
   * A request is counted for at least one whole window after it was admitted, and leaves the count
   * at most one bucket after that — wherever in its bucket it fell.
   */
  @ParameterizedTest
  @ValueSource(longs = {1000, 2000, 60_000, 900_000})
  void aRequestCountsForAWholeWindowAndLeavesAtMostOneBucketLate(long windowMillis) {
    long bucket = SlidingWindow.bucketMillis(windowMillis);
    long bucketStart = START / bucket * bucket;
    for (long offset : new long[] {0, 1, bucket / 2, bucket - 1}) {
      long t = bucketStart + offset;
      SlidingWindow window = new SlidingWindow(windowMillis);
      window.add(t);
      assertThat(window.count(t + windowMillis - 1)).as("window %d, offset %d: still inside", windowMillis, offset)
          .isEqualTo(1);
      assertThat(window.count(t + windowMillis)).as("window %d, offset %d: a whole window later", windowMillis,
          offset).isLessThanOrEqualTo(1);
      // The window rounded up to whole buckets, plus one bucket.
      assertThat(window.count(t + (SlidingWindow.BUCKETS + 1) * bucket)).as("window %d, offset %d: one bucket late",
          windowMillis, offset).isZero();
    }
  }

  /** Fixed windows let 2× the limit through around a boundary; this one does not. */
  @Test
  void aBurstAtTheEndOfOneWindowAndTheStartOfTheNextIsRefused() {
    long limit = 10;
    SlidingWindow window = new SlidingWindow(MINUTE);
    long end = START + MINUTE - 1;
    for (int i = 0; i < limit; i++) {
      assertThat(admit(window, end - i * 50, limit)).isTrue();
    }
    assertThat(admit(window, end, limit)).isFalse();
    for (long t = START + MINUTE; t < START + MINUTE + 1000; t += 100) {
      assertThat(admit(window, t, limit)).as("at %d ms past the minute", t - START - MINUTE).isFalse();
    }
  }

  /** The first burst lands early in a bucket; 59.9 s later it is still inside the window. */
  @Test
  void aBurstEarlyInABucketStillCountsJustUnderAWindowLater() {
    long limit = 10;
    for (long first : new long[] {START, START + 100, START + 500, START + 999}) {
      SlidingWindow window = new SlidingWindow(MINUTE);
      for (int i = 0; i < limit; i++) {
        assertThat(admit(window, first, limit)).isTrue();
      }
      for (long t = first + MINUTE - 1000; t < first + MINUTE; t += 100) {
        assertThat(admit(window, t, limit)).as("burst at +%d ms, retry %d ms later", first - START, t - first)
            .isFalse();
      }
    }
  }

  /**
   * Random traffic (bursts and gaps) against the window: for every admitted request, the requests
   * admitted in the window-long interval starting with it never exceed the limit.
   */
  @ParameterizedTest
  @ValueSource(longs = {2000, 60_000, 900_000})
  void noIntervalOfOneWindowEverAdmitsMoreThanTheLimit(long windowMillis) {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      long limit = 1 + random.nextInt(40);
      SlidingWindow window = new SlidingWindow(windowMillis);
      List<Long> admitted = new ArrayList<>();
      long now = START + random.nextInt((int) windowMillis);
      for (int i = 0; i < 3000; i++) {
        now += random.nextInt(4) == 0 ? random.nextLong(windowMillis / 8) : random.nextInt(3);
        if (admit(window, now, limit)) {
          admitted.add(now);
        }
      }
      assertThat(admitted.size()).as("seed %d admitted something after the first window", seed)
          .isGreaterThan((int) limit);
      int end = 0;
      for (int start = 0; start < admitted.size(); start++) {
        while (end < admitted.size() && admitted.get(end) < admitted.get(start) + windowMillis) {
          end++;
        }
        assertThat(end - start).as("seed %d, limit %d: admitted in [%d, +%d ms)", seed, limit,
            admitted.get(start) - START, windowMillis).isLessThanOrEqualTo((int) limit);
      }
    }
  }

  @Test
  void theFullAllowanceReturnsOneWindowAndOneBucketAfterABurst() {
    long limit = 5;
    SlidingWindow window = new SlidingWindow(MINUTE);
    for (int i = 0; i < limit; i++) {
      assertThat(admit(window, START + 30_000, limit)).isTrue();
    }
    assertThat(admit(window, START + 30_000 + MINUTE - 1, limit)).isFalse();
    long later = START + 30_000 + MINUTE + SlidingWindow.bucketMillis(MINUTE);
    for (int i = 0; i < limit; i++) {
      assertThat(admit(window, later, limit)).isTrue();
    }
    assertThat(admit(window, later, limit)).isFalse();
  }

  @Test
  void resetIsZeroWhenNothingIsCounted() {
    assertThat(new SlidingWindow(MINUTE).resetMillis(START, 10)).isZero();
  }

  /**
   * Full: {@code resetMillis} is exactly how long until one more request fits. Not full: how long
   * until the oldest counted request leaves. Never more than the window rounded up to whole buckets,
   * plus one bucket.
   */
  @ParameterizedTest
  @ValueSource(longs = {2000, 60_000, 900_000})
  void resetIsTheWaitUntilOneMoreRequestFits(long windowMillis) {
    long bucket = SlidingWindow.bucketMillis(windowMillis);
    for (long seed = 1; seed <= 30; seed++) {
      Random random = new Random(seed);
      long limit = 1 + random.nextInt(10);
      List<Long> times = new ArrayList<>();
      long now = START + random.nextInt((int) windowMillis);
      SlidingWindow window = new SlidingWindow(windowMillis);
      int requests = 1 + random.nextInt(30);
      for (int i = 0; i < requests; i++) {
        now += random.nextLong(windowMillis / 10);
        if (admit(window, now, limit)) {
          times.add(now);
        }
      }
      long count = window.count(now);
      long reset = window.resetMillis(now, limit);
      assertThat(reset).isPositive().isLessThanOrEqualTo((SlidingWindow.BUCKETS + 1) * bucket);
      long before = replay(windowMillis, times).count(now + reset - 1);
      long after = replay(windowMillis, times).count(now + reset);
      if (count >= limit) {
        assertThat(before).as("seed %d: still full 1 ms before the reset", seed).isGreaterThanOrEqualTo(limit);
        assertThat(after).as("seed %d: room at the reset", seed).isLessThan(limit);
      } else {
        assertThat(before).as("seed %d: nothing left 1 ms before the reset", seed).isEqualTo(count);
        assertThat(after).as("seed %d: the oldest left at the reset", seed).isLessThan(count);
      }
    }
  }

  @Test
  void resetOfAFullWindowCountsFromTheOldestRequestsThatMustLeave() {
    SlidingWindow window = new SlidingWindow(MINUTE);
    window.add(START);
    window.add(START + 10_000);
    window.add(START + 20_000);
    long now = START + 30_000;
    // Limit 3: the request at START must leave: 30 s (+ the bucket grace at most).
    assertThat(window.resetMillis(now, 3)).isBetween(30_000L, 31_000L);
    // Limit 2: two must leave, the second at +10 s: 40 s.
    assertThat(window.resetMillis(now, 2)).isBetween(40_000L, 41_000L);
    // Limit 10: not full; the oldest leaves in 30 s.
    assertThat(window.resetMillis(now, 10)).isBetween(30_000L, 31_000L);
  }
}
