package io.keygate.ratelimit.redis;

import io.keygate.KeygateException;
import io.keygate.ratelimit.Counters;
import io.keygate.ratelimit.LimitSpec;
import io.keygate.ratelimit.LimitStatus;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters in Redis, shared by every sidecar: one {@code EVALSHA} of {@code sliding_window.lua}
 * per request counts all its limits atomically (the script is loaded once, and again if Redis
 * restarted and forgot it). Fails fast: every command has {@code timeout}, commands issued while
 * disconnected are rejected at once instead of queueing, and the queue is bounded. Lettuce
 * reconnects in the background (and a sidecar started while Redis was down connects when it is
 * back). Errors surface as {@link KeygateException} UNAVAILABLE; the
 * caller decides between fail-open and fail-closed.
 */
public final class RedisCounters implements Counters, ScriptRunner {
  static final String SCRIPT = loadScript();
  private static final String PREFIX = "keygate:rl:";

  private static final Logger LOG = LoggerFactory.getLogger(RedisCounters.class);
  private static final long RETRY_CONNECT_MILLIS = 1000;

  private final RedisClient client;
  private final RedisURI uri;
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile String sha;
  private volatile long nextConnectMillis;

  /**
   * Connects at once; when Redis cannot be reached yet, the sidecar still starts (the failure mode
   * applies) and a connection is tried again at most once a second, on demand.
   */
  public RedisCounters(RedisURI uri, Duration timeout, int maxQueuedCommands) {
    uri.setTimeout(timeout);
    this.uri = uri;
    this.client = new AsyncRedisClient(uri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .requestQueueSize(maxQueuedCommands)
        .socketOptions(SocketOptions.builder().connectTimeout(timeout.multipliedBy(10)).keepAlive(true).build())
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .build());
    connection();
  }

  @Override
  public List<LimitStatus> count(List<LimitSpec> limits) {
    StatefulRedisConnection<String, String> redis = connection();
    if (redis == null) {
      throw new KeygateException(KeygateException.Kind.UNAVAILABLE, "Redis rate-limit store unavailable: not"
          + " connected to " + uri.getHost() + ":" + uri.getPort() + " yet").because("RATE_LIMITER_UNAVAILABLE");
    }
    try {
      return countIn(redis, limits).toCompletableFuture().join(); // Lettuce's command timeout bounds the wait
    } catch (CompletionException e) {
      throw cause(e) instanceof KeygateException refused ? refused : unavailable(cause(e));
    }
  }

  /**
   * One asynchronous EVALSHA: the caller's thread never waits. Lettuce's command timeout applies as
   * to a blocking call; a script Redis has forgotten (after a restart) is loaded again. Null until a
   * first connection exists (connecting blocks: {@link #count} does it, at most once a second).
   */
  @Override
  public CompletionStage<List<LimitStatus>> countAsync(List<LimitSpec> limits) {
    StatefulRedisConnection<String, String> redis = connection;
    return redis == null ? null : countIn(redis, limits);
  }

  private CompletionStage<List<LimitStatus>> countIn(StatefulRedisConnection<String, String> redis,
      List<LimitSpec> limits) {
    String[] keys = keys(limits);
    String[] args = args(limits);
    RedisAsyncCommands<String, String> async = redis.async();
    CompletionStage<List<Long>> reply = async.<List<Long>>evalsha(sha, ScriptOutputType.MULTI, keys, args)
        .exceptionallyCompose(e -> cause(e) instanceof RedisNoScriptException
            ? async.scriptLoad(SCRIPT).thenCompose(loaded -> {
              sha = loaded;
              return async.<List<Long>>evalsha(loaded, ScriptOutputType.MULTI, keys, args);
            })
            : CompletableFuture.failedStage(e));
    return reply.handle((counts, e) -> {
      if (e != null) {
        throw unavailable(cause(e));
      }
      return statuses(limits, counts);
    });
  }

  @Override
  public CompletionStage<List<Long>> eval(LuaScript script, String key, String... args) {
    StatefulRedisConnection<String, String> redis = connection;
    if (redis == null) {
      CompletableFuture.runAsync(this::connection);
      return CompletableFuture.failedStage(new KeygateException(KeygateException.Kind.UNAVAILABLE,
          "Redis rate-limit store unavailable: not connected to " + uri.getHost() + ":" + uri.getPort() + " yet"));
    }
    return evalAsync(redis.async(), script, new String[] {key}, args);
  }

  /** EVALSHA, loading the script when Redis answers NOSCRIPT; failures as UNAVAILABLE. */
  static CompletionStage<List<Long>> evalAsync(RedisScriptingAsyncCommands<String, String> async, LuaScript script,
      String[] keys, String[] args) {
    return async.<List<Long>>evalsha(script.sha(), ScriptOutputType.MULTI, keys, args)
        .exceptionallyCompose(e -> cause(e) instanceof RedisNoScriptException
            ? async.scriptLoad(script.text()).thenCompose(
                loaded -> async.<List<Long>>evalsha(loaded, ScriptOutputType.MULTI, keys, args))
            : CompletableFuture.failedStage(e))
        .exceptionallyCompose(e -> CompletableFuture.failedStage(unavailable(cause(e))));
  }

  static Throwable cause(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  /** The connection; until the first one succeeds, tries again at most once a second. */
  private StatefulRedisConnection<String, String> connection() {
    StatefulRedisConnection<String, String> c = connection;
    if (c != null) {
      return c;
    }
    synchronized (this) {
      long now = System.currentTimeMillis();
      if (connection != null || now < nextConnectMillis) {
        return connection;
      }
      nextConnectMillis = now + RETRY_CONNECT_MILLIS;
      StatefulRedisConnection<String, String> fresh = null;
      try {
        fresh = client.connect();
        sha = fresh.async().scriptLoad(SCRIPT).toCompletableFuture().join();
        connection = fresh;
        LOG.info("connected to Redis at {}:{}", uri.getHost(), uri.getPort());
      } catch (RuntimeException e) {
        if (fresh != null) {
          fresh.close(); // connected, but the script was refused or timed out: the next try opens a new one
        }
        LOG.warn("cannot connect to Redis at {}:{} ({}); trying again on demand", uri.getHost(), uri.getPort(),
            e.getMessage());
      }
      return connection;
    }
  }

  /** The Redis key of each limit's counter. In a cluster each is its own hash slot ({@code {…}}). */
  static String[] keys(List<LimitSpec> limits) {
    String[] keys = new String[limits.size()];
    for (int i = 0; i < limits.size(); i++) {
      LimitSpec spec = limits.get(i);
      keys[i] = PREFIX + "{" + spec.counter() + ":" + spec.windowMillis() + "}";
    }
    return keys;
  }

  static String[] args(List<LimitSpec> limits) {
    String[] args = new String[limits.size() * 3];
    for (int i = 0; i < limits.size(); i++) {
      LimitSpec spec = limits.get(i);
      args[3 * i] = Long.toString(spec.limit());
      args[3 * i + 1] = Long.toString(spec.windowMillis());
      args[3 * i + 2] = spec.peek() ? "p" : spec.informational() ? "1" : "0";
    }
    return args;
  }

  static List<LimitStatus> statuses(List<LimitSpec> limits, List<Long> reply) {
    boolean refused = reply.get(0) == 1L;
    List<LimitStatus> out = new ArrayList<>(limits.size());
    for (int i = 0; i < limits.size(); i++) {
      out.add(LimitStatus.of(limits.get(i), reply.get(1 + 2 * i), reply.get(2 + 2 * i), refused));
    }
    return out;
  }

  static KeygateException unavailable(Throwable e) {
    return new KeygateException(KeygateException.Kind.UNAVAILABLE, "Redis rate-limit store unavailable: "
        + e.getMessage()).because("RATE_LIMITER_UNAVAILABLE");
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private static String loadScript() {
    try (InputStream in = RedisCounters.class.getResourceAsStream("sliding_window.lua")) {
      if (in == null) {
        throw new IllegalStateException("sliding_window.lua is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
