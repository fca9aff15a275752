package io.keygate.ratelimit;

/**
 * One limit to count a request against.
 *
 * @param scope which kind of limit (reported to the client)
 * @param counter the counter's name, e.g. {@code ip:900:203.0.113.7} or {@code key:key_01…}
 * @param limit requests allowed per window
 * @param windowMillis the window's length
 * @param informational counted and reported, never denies
 */
public record LimitSpec(LimitStatus.Scope scope, String counter, long limit, long windowMillis, boolean informational) {
  public LimitSpec {
    if (limit < 1 || windowMillis < 1000) {
      throw new IllegalArgumentException("a limit needs at least 1 request per window of at least 1 s");
    }
  }
}
