package io.keygate.ratelimit.redis;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Runs a script of this package on the connection of {@link RedisCounters} or {@link RedisClusterCounters}. */
interface ScriptRunner {
  /**
   * One asynchronous {@code EVALSHA} of {@code script} on {@code key}'s node, loaded again when Redis
   * forgot it; bounded by the configured command timeout. Completes exceptionally with a
   * {@link io.keygate.KeygateException} UNAVAILABLE when Redis cannot answer (also while not connected
   * yet: a connection is then tried in the background, at most once a second).
   */
  CompletionStage<List<Long>> eval(LuaScript script, String key, String... args);
}
