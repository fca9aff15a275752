package io.keygate.ratelimit.redis;

import io.keygate.ratelimit.LeaseStore;
import io.keygate.ratelimit.LimitSpec;
import io.keygate.ratelimit.LimitStatus;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Leases in Redis, standalone or cluster: one {@code EVALSHA} of {@code lease.lua} on the counter's
 * key — the same key and hash as {@code sliding_window.lua}'s, so leased and exact requests share
 * one counter. Reuses the connection, timeout and failure reporting of {@link RedisCounters} or
 * {@link RedisClusterCounters}.
 */
public final class RedisLeases implements LeaseStore {
  static final LuaScript SCRIPT = LuaScript.load("lease.lua");

  private final ScriptRunner redis;

  public RedisLeases(RedisCounters redis) {
    this.redis = redis;
  }

  public RedisLeases(RedisClusterCounters redis) {
    this.redis = redis;
  }

  /**
   * Warms the Redis path before the first request (class loading, the JIT, the connection): read-only
   * leases ({@code want} 0) of a counter nobody uses, {@code inFlight} at a time, at most {@code calls} of
   * them and for at most {@code budget}; stops at the first failure (Redis down: the failure mode applies as
   * usual). Writes nothing. A cold sidecar's first calls otherwise take longer than the Redis timeout, and a
   * timed-out call is counted in the sidecar alone when failing open. Returns the leases answered.
   */
  public int warmUp(int calls, int inFlight, Duration budget) {
    LimitSpec probe = new LimitSpec(LimitStatus.Scope.IP, "warmup:" + UUID.randomUUID(), 1, 60_000, false);
    long end = System.nanoTime() + budget.toNanos();
    int done = 0;
    try {
      while (done < calls && System.nanoTime() - end < 0) {
        CompletableFuture<?>[] batch = new CompletableFuture<?>[Math.min(inFlight, calls - done)];
        for (int i = 0; i < batch.length; i++) {
          batch[i] = lease(probe, 0, 0, 0).toCompletableFuture();
        }
        CompletableFuture.allOf(batch).get(budget.toMillis(), TimeUnit.MILLISECONDS);
        done += batch.length;
      }
    } catch (ExecutionException | TimeoutException e) {
      return done;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return done;
  }

  @Override
  public CompletionStage<Grant> lease(LimitSpec spec, long want, long returned, long returnedBucket) {
    String key = RedisCounters.keys(List.of(spec))[0];
    return redis.eval(SCRIPT, key, Long.toString(spec.limit()), Long.toString(spec.windowMillis()),
        Long.toString(want), Long.toString(returned), Long.toString(returnedBucket))
        .thenApply(r -> new Grant(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)));
  }
}
