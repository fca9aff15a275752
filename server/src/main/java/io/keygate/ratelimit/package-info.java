/**
 * Rate limiting: the per-client-IP and per-key limits ({@link io.keygate.ratelimit.WindowedRateLimiter}),
 * the bucketed sliding window they count with ({@link io.keygate.ratelimit.SlidingWindow}), and the
 * in-process counters; the Redis counters shared by a fleet live in {@code ratelimit.redis}.
 */
package io.keygate.ratelimit;
