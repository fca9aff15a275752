package io.keygate.server;

import io.keygate.config.RateLimitConfig;
import io.keygate.ratelimit.Counters;
import io.keygate.ratelimit.LeasedCounters;
import io.keygate.ratelimit.LocalCounters;
import io.keygate.ratelimit.redis.RedisClusterCounters;
import io.keygate.ratelimit.redis.RedisCounters;
import io.keygate.ratelimit.redis.RedisLeases;
import io.keygate.telemetry.ObservedRedis;
import io.lettuce.core.RedisURI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counters of the rate limits: in process, or in Redis — leased (the default) or exact. A Redis
 * sidecar connects and warms its lease path before it serves (read-only leases, so that the first
 * requests do not outlast the Redis timeout on a cold JIT; without it, a fresh fleet's cold calls timed
 * out, docs/performance.md). {@link #open} begins that on a thread of its own, beside the database's pool
 * and schema check, and {@link #counters} waits for it.
 */
final class RateLimitCounters {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimitCounters.class);
  /** Read-only leases of the warm-up: enough for the JIT to compile Lettuce's path (~100 ms). */
  private static final int WARM_UP_CALLS = 500;
  /** Warm-up leases sent at a time: 16 answered per wake-up took half the time of one by one. */
  private static final int WARM_UP_IN_FLIGHT = 16;
  private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(1);

  private final RateLimitConfig settings;
  /** Redis connected and warmed; null for counters in process. */
  private final CompletableFuture<Redis> redis;

  /** The Redis counters and leases of one connection, not yet observed. */
  private record Redis(Counters exact, RedisLeases leases) {}

  private RateLimitCounters(RateLimitConfig settings, CompletableFuture<Redis> redis) {
    this.settings = settings;
    this.redis = redis;
  }

  /** Begins connecting to Redis when {@code settings} count there; returns at once. */
  static RateLimitCounters open(RateLimitConfig settings) {
    if (!settings.redis()) {
      return new RateLimitCounters(settings, null);
    }
    CompletableFuture<Redis> redis = CompletableFuture.supplyAsync(() -> connect(settings), task -> {
      Thread connecting = new Thread(task, "keygate-redis-start");
      connecting.setDaemon(true);
      connecting.start();
    });
    return new RateLimitCounters(settings, redis);
  }

  /**
   * The counters, once Redis is connected and warmed (its round trips observed by {@code observed}); a
   * bad Redis setting throws here as it was thrown while connecting.
   */
  Counters counters(Clock clock, ObservedRedis observed) {
    int maxCounters = LocalCounters.boundFor(Runtime.getRuntime().maxMemory(), 1_000_000);
    if (redis == null) {
      return new LocalCounters(clock, maxCounters);
    }
    Redis connected;
    try {
      connected = redis.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    // Leased (KEYGATE_RATE_LIMIT_LEASING, the default): most decisions spent from a local slice, exact tenants
    // counted per request; otherwise every request counted in Redis.
    return settings.leasing() ? new LeasedCounters(observed.leases(connected.leases()),
        observed.exact(connected.exact()), maxCounters, System::nanoTime) : observed.exact(connected.exact());
  }

  /** For a start that failed before {@link #counters} was taken: closes Redis's client once it is connected. */
  void abandon() {
    if (redis != null) {
      redis.thenAccept(connected -> connected.exact().close());
    }
  }

  private static Redis connect(RateLimitConfig settings) {
    List<RedisURI> uris = new ArrayList<>();
    for (String url : settings.redisUrl().split(",")) {
      RedisURI uri = RedisURI.create(url.trim());
      if (!settings.redisPassword().isEmpty()) {
        uri = RedisURI.builder(uri).withPassword(settings.redisPassword().toCharArray()).build();
      }
      uris.add(uri);
    }
    Redis redis;
    if (settings.redisCluster()) {
      RedisClusterCounters cluster = new RedisClusterCounters(uris, settings.redisTimeout(), settings.redisMaxQueued());
      redis = new Redis(cluster, new RedisLeases(cluster));
    } else if (uris.size() == 1) {
      RedisCounters standalone = new RedisCounters(uris.get(0), settings.redisTimeout(), settings.redisMaxQueued());
      redis = new Redis(standalone, new RedisLeases(standalone));
    } else {
      throw new IllegalArgumentException("KEYGATE_REDIS_URL lists several nodes; set KEYGATE_REDIS_MODE=cluster");
    }
    if (settings.leasing()) {
      long start = System.nanoTime();
      int warmed = redis.leases().warmUp(WARM_UP_CALLS, WARM_UP_IN_FLIGHT, WARM_UP_BUDGET);
      LOG.info("Redis rate-limit path warmed: {} read-only leases in {} ms", warmed,
          (System.nanoTime() - start) / 1_000_000);
    }
    return redis;
  }
}
