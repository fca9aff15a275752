package io.keygate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the decision path: the credential cache, change propagation, usage recording, the
 * route table and client-IP resolution.
 *
 * @param cacheTtl {@code KEYGATE_CACHE_TTL_SECONDS}: the longest a cached key record is served
 *     without reloading it — the staleness bound when a change notification is lost. Default 30 s;
 *     0 turns the cache off.
 * @param negativeCacheTtl {@code KEYGATE_NEGATIVE_CACHE_TTL_SECONDS}: how long an unknown secret is
 *     remembered as unknown. Default 10 s.
 * @param cacheMaxEntries {@code KEYGATE_CACHE_MAX_ENTRIES}: bound of the key cache and, separately,
 *     of the negative cache. Default 100000 each.
 * @param changeFeed {@code KEYGATE_CHANGE_FEED}: {@code true} (default) listens for PostgreSQL
 *     notifications of changes made by any sidecar; {@code false} relies on {@code cacheTtl} alone
 *     (for poolers such as PgBouncer in transaction mode, which cannot LISTEN).
 * @param usageFlushInterval {@code KEYGATE_USAGE_FLUSH_SECONDS}: how often last-used times and
 *     request counts are written, in one batch. Default 10 s.
 * @param routesFile {@code KEYGATE_ROUTES_FILE}: the route table (HTTP method + path pattern →
 *     permission); {@code null} for none
 * @param xffTrustedHops {@code KEYGATE_XFF_TRUSTED_HOPS}: proxies in front of Envoy that append to
 *     {@code x-forwarded-for}. 0 (default) takes the client IP from the connection's source address.
 * @param rateLimits the limiter's backend, failure mode and deployment-wide IP limit
 */
public record HotPathConfig(
    Duration cacheTtl,
    Duration negativeCacheTtl,
    int cacheMaxEntries,
    boolean changeFeed,
    Duration usageFlushInterval,
    Path routesFile,
    int xffTrustedHops,
    RateLimitConfig rateLimits) {

  public HotPathConfig {
    if (cacheTtl.isNegative() || cacheTtl.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("KEYGATE_CACHE_TTL_SECONDS must be 0-3600, got " + cacheTtl.toSeconds());
    }
    if (negativeCacheTtl.isNegative() || negativeCacheTtl.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("KEYGATE_NEGATIVE_CACHE_TTL_SECONDS must be 0-3600, got "
          + negativeCacheTtl.toSeconds());
    }
    if (cacheMaxEntries < 1 || cacheMaxEntries > 10_000_000) {
      throw new IllegalArgumentException("KEYGATE_CACHE_MAX_ENTRIES must be 1-10000000, got " + cacheMaxEntries);
    }
    if (usageFlushInterval.compareTo(Duration.ofSeconds(1)) < 0
        || usageFlushInterval.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("KEYGATE_USAGE_FLUSH_SECONDS must be 1-3600, got "
          + usageFlushInterval.toSeconds());
    }
    if (xffTrustedHops < 0 || xffTrustedHops > 16) {
      throw new IllegalArgumentException("KEYGATE_XFF_TRUSTED_HOPS must be 0-16, got " + xffTrustedHops);
    }
  }

  public static HotPathConfig fromEnv(Map<String, String> env) {
    String routes = env.get("KEYGATE_ROUTES_FILE");
    return new HotPathConfig(
        Duration.ofSeconds(KeygateConfig.intOf(env, "KEYGATE_CACHE_TTL_SECONDS", 30)),
        Duration.ofSeconds(KeygateConfig.intOf(env, "KEYGATE_NEGATIVE_CACHE_TTL_SECONDS", 10)),
        KeygateConfig.intOf(env, "KEYGATE_CACHE_MAX_ENTRIES", 100_000),
        !"false".equalsIgnoreCase(env.getOrDefault("KEYGATE_CHANGE_FEED", "true").trim()),
        Duration.ofSeconds(KeygateConfig.intOf(env, "KEYGATE_USAGE_FLUSH_SECONDS", 10)),
        routes == null || routes.isBlank() ? null : Path.of(routes.trim()),
        KeygateConfig.intOf(env, "KEYGATE_XFF_TRUSTED_HOPS", 0),
        RateLimitConfig.fromEnv(env));
  }

  public HotPathConfig withCache(Duration ttl, boolean feed) {
    return new HotPathConfig(ttl, negativeCacheTtl, cacheMaxEntries, feed, usageFlushInterval, routesFile,
        xffTrustedHops, rateLimits);
  }

  public HotPathConfig withUsageFlush(Duration interval) {
    return new HotPathConfig(cacheTtl, negativeCacheTtl, cacheMaxEntries, changeFeed, interval, routesFile,
        xffTrustedHops, rateLimits);
  }

  public HotPathConfig withRateLimits(RateLimitConfig settings) {
    return new HotPathConfig(cacheTtl, negativeCacheTtl, cacheMaxEntries, changeFeed, usageFlushInterval, routesFile,
        xffTrustedHops, settings);
  }

  public HotPathConfig withRoutes(Path file, int trustedHops) {
    return new HotPathConfig(cacheTtl, negativeCacheTtl, cacheMaxEntries, changeFeed, usageFlushInterval, file,
        trustedHops, rateLimits);
  }
}
