package io.keygate.ratelimit.redis;

import io.keygate.KeygateException;
import io.keygate.ratelimit.Counters;
import io.keygate.ratelimit.LimitSpec;
import io.keygate.ratelimit.LimitStatus;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters in a Redis Cluster. Each counter is its own hash slot, so the limits of one request may
 * live on different nodes: each is counted by its own {@code EVALSHA}, all sent at once (one
 * network round trip of latency), atomic per counter but not across them. The difference from
 * standalone Redis: when one limit refuses a request, the others have still counted it, so a
 * request over one limit uses up allowance of the other — the limits err on the strict side.
 * Same fail-fast settings as {@link RedisCounters}; the topology is refreshed on errors.
 */
public final class RedisClusterCounters implements Counters, ScriptRunner {
  private static final Logger LOG = LoggerFactory.getLogger(RedisClusterCounters.class);
  private static final long RETRY_CONNECT_MILLIS = 1000;
  private static final LuaScript WINDOW_SCRIPT = LuaScript.load("sliding_window.lua");

  private final RedisClusterClient client;
  private final Duration timeout;
  private volatile StatefulRedisClusterConnection<String, String> connection;
  private volatile String sha;
  private volatile long nextConnectMillis;

  /** Connects at once, or later on demand (at most once a second) when the cluster is not up yet. */
  public RedisClusterCounters(List<RedisURI> seeds, Duration timeout, int maxQueuedCommands) {
    this.timeout = timeout;
    seeds.forEach(uri -> uri.setTimeout(timeout));
    this.client = new AsyncRedisClusterClient(seeds);
    client.setOptions(ClusterClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClusterClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .requestQueueSize(maxQueuedCommands)
        .socketOptions(SocketOptions.builder().connectTimeout(timeout.multipliedBy(10)).keepAlive(true).build())
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder().enableAllAdaptiveRefreshTriggers().build())
        .build());
    connection();
  }

  private StatefulRedisClusterConnection<String, String> connection() {
    StatefulRedisClusterConnection<String, String> c = connection;
    if (c != null) {
      return c;
    }
    synchronized (this) {
      long now = System.currentTimeMillis();
      if (connection != null || now < nextConnectMillis) {
        return connection;
      }
      nextConnectMillis = now + RETRY_CONNECT_MILLIS;
      StatefulRedisClusterConnection<String, String> fresh = null;
      try {
        fresh = client.connect();
        sha = get(fresh.async().scriptLoad(RedisCounters.SCRIPT));
        connection = fresh;
        LOG.info("connected to the Redis cluster");
      } catch (RuntimeException e) {
        if (fresh != null) {
          fresh.close();
        }
        LOG.warn("cannot connect to the Redis cluster ({}); trying again on demand", e.getMessage());
      }
      return connection;
    }
  }

  @Override
  public List<LimitStatus> count(List<LimitSpec> limits) {
    String[] keys = RedisCounters.keys(limits);
    String[] args = RedisCounters.args(limits);
    StatefulRedisClusterConnection<String, String> c = connection();
    if (c == null) {
      throw new KeygateException(KeygateException.Kind.UNAVAILABLE,
          "Redis rate-limit store unavailable: not connected to the cluster yet").because("RATE_LIMITER_UNAVAILABLE");
    }
    RedisAdvancedClusterAsyncCommands<String, String> redis = c.async();
    List<RedisFuture<List<Long>>> replies = new ArrayList<>(limits.size());
    for (int i = 0; i < limits.size(); i++) {
      replies.add(redis.evalsha(sha, ScriptOutputType.MULTI, new String[] {keys[i]}, args[3 * i], args[3 * i + 1],
          args[3 * i + 2]));
    }
    List<List<Long>> results = new ArrayList<>();
    for (int i = 0; i < limits.size(); i++) {
      results.add(await(replies.get(i), keys[i], args, i));
    }
    return statuses(limits, results);
  }

  private List<Long> await(RedisFuture<List<Long>> reply, String key, String[] args, int i) {
    try {
      return get(reply);
    } catch (RedisNoScriptException e) { // Redis forgot the script (a restart): load it again, count once more
      RedisAdvancedClusterAsyncCommands<String, String> redis = connection.async();
      sha = get(redis.scriptLoad(RedisCounters.SCRIPT));
      return get(redis.evalsha(sha, ScriptOutputType.MULTI, new String[] {key}, args[3 * i], args[3 * i + 1],
          args[3 * i + 2]));
    }
  }

  /** The answer within twice the timeout; a NOSCRIPT reply rethrown as it is, any other failure UNAVAILABLE. */
  private <T> T get(RedisFuture<T> future) {
    try {
      return future.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RedisNoScriptException noScript) {
        throw noScript;
      }
      throw RedisCounters.unavailable(e.getCause());
    } catch (TimeoutException e) {
      throw RedisCounters.unavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RedisCounters.unavailable(e);
    }
  }

  /**
   * {@link #count} without blocking: one asynchronous EVALSHA per counter, all sent at once. Null until a
   * first connection exists ({@link #count} connects).
   */
  @Override
  public CompletionStage<List<LimitStatus>> countAsync(List<LimitSpec> limits) {
    StatefulRedisClusterConnection<String, String> c = connection;
    if (c == null) {
      return null;
    }
    String[] keys = RedisCounters.keys(limits);
    String[] args = RedisCounters.args(limits);
    List<CompletableFuture<List<Long>>> replies = new ArrayList<>(limits.size());
    for (int i = 0; i < limits.size(); i++) {
      replies.add(RedisCounters.evalAsync(c.async(), WINDOW_SCRIPT, new String[] {keys[i]}, new String[] {
          args[3 * i], args[3 * i + 1], args[3 * i + 2]}).toCompletableFuture());
    }
    return CompletableFuture.allOf(replies.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
      List<List<Long>> results = new ArrayList<>(limits.size());
      replies.forEach(r -> results.add(r.join()));
      return statuses(limits, results);
    });
  }

  private static List<LimitStatus> statuses(List<LimitSpec> limits, List<List<Long>> results) {
    boolean refused = false;
    for (List<Long> reply : results) {
      refused |= reply.get(0) == 1L;
    }
    List<LimitStatus> out = new ArrayList<>(limits.size());
    for (int i = 0; i < limits.size(); i++) {
      List<Long> reply = results.get(i);
      boolean countedHere = reply.get(0) == 0L;
      // A counter that counted the request while another refused it reports its true total.
      out.add(LimitStatus.of(limits.get(i), refused && countedHere ? reply.get(1) - 1 : reply.get(1), reply.get(2),
          refused));
    }
    return out;
  }

  @Override
  public CompletionStage<List<Long>> eval(LuaScript script, String key, String... args) {
    StatefulRedisClusterConnection<String, String> c = connection;
    if (c == null) {
      CompletableFuture.runAsync(this::connection);
      return CompletableFuture.failedStage(new KeygateException(KeygateException.Kind.UNAVAILABLE,
          "Redis rate-limit store unavailable: not connected to the cluster yet"));
    }
    return RedisCounters.evalAsync(c.async(), script, new String[] {key}, args);
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
