package io.keygate.ratelimit;

import io.keygate.authz.CredentialRecord;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Counts requests against the per-client-IP and per-key limits. The decision path calls
 * {@link #countIp} before it looks a credential up (so a flood of bad keys is cheap), and
 * {@link #countKey} once the key is known — or only {@link #countKey}, with {@code ipCounted}
 * false, when the key came from the cache, so that both limits cost one round trip.
 */
public interface RateLimiter {
  /** The binding limit's state (null when none applies), and whether the limiter could count. */
  record Outcome(LimitStatus binding, boolean unavailable) {
    public static final Outcome NONE = new Outcome(null, false);

    public boolean denies() {
      return binding != null && binding.denies();
    }
  }

  /** Counts one request from {@code clientIp} against the deployment-wide IP limit. */
  Outcome countIp(String clientIp);

  /**
   * Counts one request of {@code key}: its tenant's IP limit (when the tenant sets its own), the
   * deployment-wide IP limit unless {@code ipCounted}, and the key's limit when {@code allowed}.
   */
  Outcome countKey(CredentialRecord key, String clientIp, boolean ipCounted, boolean allowed);

  /**
   * {@link #countKey} without blocking the calling thread (it may be a transport thread): the
   * outcome completes when the counters answer. Null when this limiter can only count by blocking
   * (then call {@link #countKey} on a thread that may block).
   */
  default CompletionStage<Outcome> countKeyAsync(CredentialRecord key, String clientIp, boolean ipCounted,
      boolean allowed) {
    return null;
  }

  /**
   * Counts one failed authentication from {@code clientIp} (a credential was sent and refused).
   * Once an IP has too many, {@link #countIp} and {@link #countKey} refuse all its requests until
   * the failure window has room again.
   */
  default void countFailure(String clientIp) {}

  /**
   * Checks, without counting anything, that {@code clientIp} is under the failed-authentication
   * guard: what a management call asks before it looks its credential up.
   */
  default Outcome checkFailures(String clientIp) {
    return Outcome.NONE;
  }

  /** Limits nothing. */
  RateLimiter NONE = new RateLimiter() {
    @Override
    public Outcome countIp(String clientIp) {
      return Outcome.NONE;
    }

    @Override
    public Outcome countKey(CredentialRecord key, String clientIp, boolean ipCounted, boolean allowed) {
      return Outcome.NONE;
    }

    @Override
    public CompletionStage<Outcome> countKeyAsync(CredentialRecord key, String clientIp, boolean ipCounted,
        boolean allowed) {
      return CompletableFuture.completedFuture(Outcome.NONE);
    }
  };
}
