package io.keygate.ratelimit;

/**
 * The state of one rate limit after a request was counted.
 *
 * @param scope which limit
 * @param limit requests allowed per window
 * @param remaining requests left in the window, never negative
 * @param resetSeconds seconds until the window has room again
 * @param windowSeconds length of the window
 * @param exceeded whether this request went over the limit
 * @param informational whether the limit is only reported, never enforced
 */
public record LimitStatus(
    Scope scope,
    long limit,
    long remaining,
    long resetSeconds,
    long windowSeconds,
    boolean exceeded,
    boolean informational) {

  /** Which limit a status describes. */
  public enum Scope {
    KEY,
    IP
  }

  /**
   * The state of {@code spec} with {@code total} requests counted; {@code refused} when the request
   * was not counted because some enforced limit was full.
   */
  public static LimitStatus of(LimitSpec spec, long total, long resetMillis, boolean refused) {
    boolean exceeded = (refused ? total + 1 : total) > spec.limit();
    return new LimitStatus(spec.scope(), spec.limit(), Math.max(0, spec.limit() - total), (resetMillis + 999) / 1000,
        spec.windowMillis() / 1000, exceeded, spec.informational());
  }

  /**
   * Of two statuses (either may be null), the one that binds: one that denies, else the enforced
   * one with the least room, else the one with the least room.
   */
  public static LimitStatus tighter(LimitStatus a, LimitStatus b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    if (a.denies() != b.denies()) {
      return a.denies() ? a : b;
    }
    return b.rank() < a.rank() ? b : a;
  }

  private long rank() {
    return informational ? Long.MAX_VALUE / 2 + remaining : remaining;
  }

  /** True when this status should deny the request. */
  public boolean denies() {
    return exceeded && !informational;
  }
}
