package io.keygate.config;

import java.time.Duration;
import java.util.Map;

/**
 * Rate-limit settings of the deployment (tenants set their own limits through the management API).
 *
 * @param redisUrl {@code KEYGATE_REDIS_URL}: {@code redis://host:port} (or {@code rediss://} for TLS,
 *     password as {@code redis://:password@host:port}); empty (default) counts in-process, for a
 *     single sidecar
 * @param redisCluster {@code KEYGATE_REDIS_MODE}: {@code standalone} (default) or {@code cluster}; for a
 *     cluster, {@code KEYGATE_REDIS_URL} may list several seed nodes separated by commas
 * @param redisPassword {@code KEYGATE_REDIS_PASSWORD}: overrides a password in the URL. Never logged.
 * @param redisTimeout {@code KEYGATE_REDIS_TIMEOUT_MS}: the longest one Redis round trip may take
 *     before the failure mode applies. Default 100 ms.
 * @param redisMaxQueued {@code KEYGATE_REDIS_MAX_QUEUED}: commands that may wait for Redis; more are
 *     refused at once. Default 1000.
 * @param failOpen {@code KEYGATE_RATE_LIMIT_FAILURE}: {@code open} (default) — when Redis fails, count
 *     in-process and keep serving (marked degraded); {@code closed} — deny with 503
 *     {@code rate_limiter_unavailable}
 * @param ipLimit {@code KEYGATE_IP_LIMIT_REQUESTS}: the deployment-wide per-IP limit, counted for
 *     every request before the key is looked up. Default 1000; 0 turns it off.
 * @param ipWindow {@code KEYGATE_IP_LIMIT_WINDOW_SECONDS}: its window. Default 900 (15 minutes).
 * @param authFailureLimit {@code KEYGATE_AUTH_FAILURE_LIMIT}: failed authentications (a credential
 *     was sent and refused with 401) an IP may make per window before all its requests are refused
 *     with 429 until the window has room. Default 100 — ten times stricter than the IP limit; 0 off.
 * @param authFailureWindow {@code KEYGATE_AUTH_FAILURE_WINDOW_SECONDS}: its window. Default 900.
 */
public record RateLimitConfig(
    String redisUrl,
    boolean redisCluster,
    String redisPassword,
    Duration redisTimeout,
    int redisMaxQueued,
    boolean failOpen,
    long ipLimit,
    Duration ipWindow,
    long authFailureLimit,
    Duration authFailureWindow) {

  public RateLimitConfig {
    if (redisTimeout.toMillis() < 1 || redisTimeout.toMillis() > 10_000) {
      throw new IllegalArgumentException("KEYGATE_REDIS_TIMEOUT_MS must be 1-10000, got " + redisTimeout.toMillis());
    }
    if (redisMaxQueued < 1) {
      throw new IllegalArgumentException("KEYGATE_REDIS_MAX_QUEUED must be at least 1");
    }
    if (ipLimit < 0) {
      throw new IllegalArgumentException("KEYGATE_IP_LIMIT_REQUESTS must be 0 or more, got " + ipLimit);
    }
    if (ipWindow.toSeconds() < 1 || ipWindow.toSeconds() > 86_400) {
      throw new IllegalArgumentException("KEYGATE_IP_LIMIT_WINDOW_SECONDS must be 1-86400, got "
          + ipWindow.toSeconds());
    }
    if (authFailureLimit < 0) {
      throw new IllegalArgumentException("KEYGATE_AUTH_FAILURE_LIMIT must be 0 or more, got " + authFailureLimit);
    }
    if (authFailureWindow.toSeconds() < 1 || authFailureWindow.toSeconds() > 86_400) {
      throw new IllegalArgumentException("KEYGATE_AUTH_FAILURE_WINDOW_SECONDS must be 1-86400, got "
          + authFailureWindow.toSeconds());
    }
  }

  public static RateLimitConfig fromEnv(Map<String, String> env) {
    String failure = env.getOrDefault("KEYGATE_RATE_LIMIT_FAILURE", "open").trim().toLowerCase();
    if (!failure.equals("open") && !failure.equals("closed")) {
      throw new IllegalArgumentException("KEYGATE_RATE_LIMIT_FAILURE must be 'open' or 'closed', got '" + failure
          + "'");
    }
    String mode = env.getOrDefault("KEYGATE_REDIS_MODE", "standalone").trim().toLowerCase();
    if (!mode.equals("standalone") && !mode.equals("cluster")) {
      throw new IllegalArgumentException("KEYGATE_REDIS_MODE must be 'standalone' or 'cluster', got '" + mode + "'");
    }
    return new RateLimitConfig(
        env.getOrDefault("KEYGATE_REDIS_URL", "").trim(),
        mode.equals("cluster"),
        env.getOrDefault("KEYGATE_REDIS_PASSWORD", ""),
        Duration.ofMillis(KeygateConfig.intOf(env, "KEYGATE_REDIS_TIMEOUT_MS", 100)),
        KeygateConfig.intOf(env, "KEYGATE_REDIS_MAX_QUEUED", 1000),
        failure.equals("open"),
        KeygateConfig.intOf(env, "KEYGATE_IP_LIMIT_REQUESTS", 1000),
        Duration.ofSeconds(KeygateConfig.intOf(env, "KEYGATE_IP_LIMIT_WINDOW_SECONDS", 900)),
        KeygateConfig.intOf(env, "KEYGATE_AUTH_FAILURE_LIMIT", 100),
        Duration.ofSeconds(KeygateConfig.intOf(env, "KEYGATE_AUTH_FAILURE_WINDOW_SECONDS", 900)));
  }

  public boolean redis() {
    return !redisUrl.isEmpty();
  }

  public RateLimitConfig withRedis(String url, boolean open) {
    return new RateLimitConfig(url, redisCluster, redisPassword, redisTimeout, redisMaxQueued, open, ipLimit,
        ipWindow, authFailureLimit, authFailureWindow);
  }

  public RateLimitConfig withRedisCluster(String seeds, boolean open) {
    return new RateLimitConfig(seeds, true, redisPassword, redisTimeout, redisMaxQueued, open, ipLimit, ipWindow,
        authFailureLimit, authFailureWindow);
  }

  public RateLimitConfig withRedisTimeout(Duration timeout) {
    return new RateLimitConfig(redisUrl, redisCluster, redisPassword, timeout, redisMaxQueued, failOpen, ipLimit,
        ipWindow, authFailureLimit, authFailureWindow);
  }

  public RateLimitConfig withIpLimit(long limit, Duration window) {
    return new RateLimitConfig(redisUrl, redisCluster, redisPassword, redisTimeout, redisMaxQueued, failOpen, limit,
        window, authFailureLimit, authFailureWindow);
  }

  public RateLimitConfig withAuthFailureLimit(long limit, Duration window) {
    return new RateLimitConfig(redisUrl, redisCluster, redisPassword, redisTimeout, redisMaxQueued, failOpen, ipLimit,
        ipWindow, limit, window);
  }

  @Override
  public String toString() {
    String backend = redis() ? (redisCluster ? "cluster" : "standalone") : "in-process";
    return "RateLimitConfig[redis=" + backend + ", failOpen=" + failOpen
        + ", ipLimit=" + ipLimit + "/" + ipWindow.toSeconds() + "s, authFailureLimit=" + authFailureLimit + "/"
        + authFailureWindow.toSeconds() + "s]";
  }
}
