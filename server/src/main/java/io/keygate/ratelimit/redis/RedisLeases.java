package io.keygate.ratelimit.redis;

import io.keygate.ratelimit.LeaseStore;
import io.keygate.ratelimit.LimitSpec;
import java.util.List;
import java.util.concurrent.CompletionStage;

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

  @Override
  public CompletionStage<Grant> lease(LimitSpec spec, long want, long returned, long returnedBucket) {
    String key = RedisCounters.keys(List.of(spec))[0];
    return redis.eval(SCRIPT, key, Long.toString(spec.limit()), Long.toString(spec.windowMillis()),
        Long.toString(want), Long.toString(returned), Long.toString(returnedBucket))
        .thenApply(r -> new Grant(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)));
  }
}
