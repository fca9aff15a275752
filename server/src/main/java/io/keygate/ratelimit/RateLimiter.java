package io.keygate.ratelimit;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Counts one request against a set of limits ({@link Counters#count}: all or none) and says which
 * binds. Never blocks the calling thread, which may be a transport thread: the outcome completes at
 * once when the counts are in memory, or when the store answers.
 */
public interface RateLimiter {
  /** The binding limit's state (null when none applies), and whether the limiter could count. */
  record Outcome(LimitStatus binding, boolean unavailable) {
    public static final Outcome NONE = new Outcome(null, false);
    public static final Outcome UNAVAILABLE = new Outcome(null, true);

    public boolean denies() {
      return binding != null && binding.denies();
    }
  }

  /** Counts one request against {@code limits} (none: {@link Outcome#NONE} at once). */
  CompletionStage<Outcome> count(List<LimitSpec> limits);

  /** Limits nothing. */
  RateLimiter NONE = limits -> CompletableFuture.completedFuture(Outcome.NONE);
}
