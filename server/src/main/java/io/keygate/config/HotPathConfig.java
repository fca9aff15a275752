package io.keygate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the decision path: the credential cache, change propagation, usage recording, the
 * route table and client-IP resolution (see {@link Settings} for each).
 *
 * @param routesFile {@code null} for no route table
 * @param rateLimits the limiter's backend, failure mode and deployment-wide IP limit
 */
public record HotPathConfig(
    Duration cacheTtl,
    Duration negativeCacheTtl,
    int cacheMaxEntries,
    boolean changeFeed,
    Duration changeLogRetention,
    Duration usageFlushInterval,
    Path routesFile,
    int xffTrustedHops,
    RateLimitConfig rateLimits) {

  public static HotPathConfig fromEnv(Map<String, String> env) {
    return new HotPathConfig(
        Settings.CACHE_TTL.from(env),
        Settings.NEGATIVE_CACHE_TTL.from(env),
        Settings.CACHE_MAX_ENTRIES.from(env),
        Settings.CHANGE_FEED.from(env),
        Settings.CHANGE_LOG_RETENTION.from(env),
        Settings.USAGE_FLUSH.from(env),
        Settings.ROUTES_FILE.from(env),
        Settings.XFF_TRUSTED_HOPS.from(env),
        RateLimitConfig.fromEnv(env));
  }
}
