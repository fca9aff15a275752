package io.keygate.testing;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock the test moves by hand, and the same time as a Caffeine {@link Ticker}: pass it where a
 * server takes its clock and caches, expiries, grace periods and windows all move only when the test
 * {@link #advance advances} it — never because the machine was slow.
 */
public final class TestClock extends Clock implements Ticker {
  /** A round instant: a multiple of every window the tests use (1 s, 2 s, 1 min, 15 min). */
  public static final long START = 1_800_000_000_000L;

  private final AtomicLong millis;

  public TestClock(long startMillis) {
    this.millis = new AtomicLong(startMillis);
  }

  /** Starting at {@link #START}. */
  public TestClock() {
    this(START);
  }

  /** Starting at the current time, whole seconds (for tests whose data also carries real times). */
  public static TestClock atNow() {
    return new TestClock(System.currentTimeMillis() / 1000 * 1000);
  }

  public void advance(long deltaMillis) {
    millis.addAndGet(deltaMillis);
  }

  public void advance(Duration delta) {
    advance(delta.toMillis());
  }

  public void set(long epochMillis) {
    millis.set(epochMillis);
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public long read() {
    return TimeUnit.MILLISECONDS.toNanos(millis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
