package io.keygate.config;

import java.time.Duration;
import java.util.Map;

/**
 * Rate-limit settings of the deployment (tenants set their own limits through the management API);
 * see {@link Settings} for each.
 *
 * @param redisUrl empty: counted in-process, for a single sidecar
 * @param leasing with Redis: spend leased slices in the sidecar (true) or count every request in Redis
 * @param failOpen when Redis fails: count in-process (true) or deny with 503 (false)
 */
public record RateLimitConfig(
    String redisUrl,
    boolean redisCluster,
    String redisPassword,
    Duration redisTimeout,
    int redisMaxQueued,
    boolean leasing,
    boolean failOpen,
    long authFailureLimit,
    Duration authFailureWindow,
    long flaggedLookupsPerMinute) {

  public static RateLimitConfig fromEnv(Map<String, String> env) {
    return new RateLimitConfig(
        Settings.REDIS_URL.from(env),
        Settings.REDIS_MODE.from(env).equals("cluster"),
        Settings.REDIS_PASSWORD.from(env),
        Settings.REDIS_TIMEOUT.from(env),
        Settings.REDIS_MAX_QUEUED.from(env),
        Settings.RATE_LIMIT_LEASING.from(env),
        Settings.RATE_LIMIT_FAILURE.from(env).equals("open"),
        Settings.AUTH_FAILURE_LIMIT.from(env),
        Settings.AUTH_FAILURE_WINDOW.from(env),
        Settings.FLAGGED_LOOKUPS.from(env));
  }

  public boolean redis() {
    return !redisUrl.isEmpty();
  }

  @Override
  public String toString() {
    String backend = redis() ? (redisCluster ? "cluster" : "standalone") : "in-process";
    return "RateLimitConfig[redis=" + backend + (redis() ? ", leasing=" + leasing : "") + ", failOpen=" + failOpen
        + ", authFailureLimit=" + authFailureLimit + "/" + authFailureWindow.toSeconds() + "s, flaggedLookups="
        + flaggedLookupsPerMinute + "/min]";
  }
}
