package io.keygate.ratelimit;

/**
 * One limit to count a request against.
 *
 * @param scope which kind of limit (reported to the client)
 * @param counter the counter's name, e.g. {@code ip:900:203.0.113.7} or {@code key:key_01…}
 * @param limit requests allowed per window
 * @param windowMillis the window's length
 * @param informational counted and reported, never denies
 * @param peek checked, never counted: the request is refused when the counter is already full (the
 *     failed-authentication guard, counted separately when an authentication fails)
 * @param exact counted in the shared store request by request, never from a leased slice (a tenant's
 *     {@code exact_rate_limits}; see {@link LeasedCounters})
 */
public record LimitSpec(LimitStatus.Scope scope, String counter, long limit, long windowMillis, boolean informational,
    boolean peek, boolean exact) {
  public LimitSpec(LimitStatus.Scope scope, String counter, long limit, long windowMillis, boolean informational) {
    this(scope, counter, limit, windowMillis, informational, false, false);
  }

  public LimitSpec(LimitStatus.Scope scope, String counter, long limit, long windowMillis, boolean informational,
      boolean peek) {
    this(scope, counter, limit, windowMillis, informational, peek, false);
  }

  public LimitSpec {
    if (limit < 1 || windowMillis < 1000) {
      throw new IllegalArgumentException("a limit needs at least 1 request per window of at least 1 s");
    }
  }
}
