package io.keygate.config;

import io.keygate.keys.SecretFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * All of Keygate's settings, read once at start from environment variables (flags of the
 * {@code keygate} command override them) and validated before anything starts.
 *
 * @param listenHost {@code KEYGATE_HOST}: address the gRPC server binds. Default {@code 127.0.0.1}
 *     (loopback: a sidecar serves its own pod).
 * @param listenPort {@code KEYGATE_PORT}: gRPC port. Default {@code 7070}; 0 picks a free port.
 * @param databaseUrl {@code KEYGATE_DATABASE_URL}: JDBC URL of PostgreSQL, e.g.
 *     {@code jdbc:postgresql://db:5432/keygate}. Empty (default): an embedded PostgreSQL under
 *     {@code dataDir}.
 * @param databaseUser {@code KEYGATE_DATABASE_USER}. Default {@code keygate}.
 * @param databasePassword {@code KEYGATE_DATABASE_PASSWORD}. Default empty. Never logged.
 * @param databasePoolSize {@code KEYGATE_DATABASE_POOL_SIZE}: JDBC connections. Default 8.
 * @param dataDir {@code KEYGATE_DATA_DIR}: where the embedded PostgreSQL keeps its data, kept across
 *     restarts. Default {@code ~/.keygate}.
 * @param tokenPrefix {@code KEYGATE_TOKEN_PREFIX}: prefix of issued secrets. Default {@code lk_}.
 * @param executorThreads {@code KEYGATE_EXECUTOR_THREADS}: threads serving RPCs (a bounded pool).
 *     Default 2 × CPUs, at least 4.
 * @param maxInboundMessageBytes {@code KEYGATE_MAX_MESSAGE_BYTES}: largest request accepted.
 *     Default 262144 (256 KiB).
 * @param maxInboundMetadataBytes {@code KEYGATE_MAX_METADATA_BYTES}: largest header block accepted.
 *     Default 16384.
 * @param shutdownGrace {@code KEYGATE_SHUTDOWN_GRACE_SECONDS}: time in-flight calls get to finish on
 *     SIGTERM. Default 10 s.
 * @param hotPath cache, propagation, usage, routes and client-IP settings ({@link HotPathConfig})
 */
public record KeygateConfig(
    String listenHost,
    int listenPort,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    int databasePoolSize,
    Path dataDir,
    String tokenPrefix,
    int executorThreads,
    int maxInboundMessageBytes,
    int maxInboundMetadataBytes,
    Duration shutdownGrace,
    HotPathConfig hotPath) {

  public KeygateConfig {
    if (listenPort < 0 || listenPort > 65535) {
      throw new IllegalArgumentException("KEYGATE_PORT must be 0-65535, got " + listenPort);
    }
    if (databasePoolSize < 1 || databasePoolSize > 200) {
      throw new IllegalArgumentException("KEYGATE_DATABASE_POOL_SIZE must be 1-200, got " + databasePoolSize);
    }
    if (executorThreads < 1 || executorThreads > 1024) {
      throw new IllegalArgumentException("KEYGATE_EXECUTOR_THREADS must be 1-1024, got " + executorThreads);
    }
    if (maxInboundMessageBytes < 1024) {
      throw new IllegalArgumentException("KEYGATE_MAX_MESSAGE_BYTES must be at least 1024");
    }
    if (maxInboundMetadataBytes < 1024) {
      throw new IllegalArgumentException("KEYGATE_MAX_METADATA_BYTES must be at least 1024");
    }
    new SecretFormat(tokenPrefix); // validates the prefix
  }

  /** True when no database is configured and the embedded PostgreSQL is used. */
  public boolean embeddedDatabase() {
    return databaseUrl == null || databaseUrl.isBlank();
  }

  /** The defaults, overridden by whatever {@code env} sets. */
  public static KeygateConfig fromEnv(Map<String, String> env) {
    int cpus = Runtime.getRuntime().availableProcessors();
    return new KeygateConfig(
        env.getOrDefault("KEYGATE_HOST", "127.0.0.1"),
        intOf(env, "KEYGATE_PORT", 7070),
        env.getOrDefault("KEYGATE_DATABASE_URL", ""),
        env.getOrDefault("KEYGATE_DATABASE_USER", "keygate"),
        env.getOrDefault("KEYGATE_DATABASE_PASSWORD", ""),
        intOf(env, "KEYGATE_DATABASE_POOL_SIZE", 8),
        Path.of(env.getOrDefault("KEYGATE_DATA_DIR", System.getProperty("user.home") + "/.keygate")),
        env.getOrDefault("KEYGATE_TOKEN_PREFIX", SecretFormat.DEFAULT_PREFIX),
        intOf(env, "KEYGATE_EXECUTOR_THREADS", Math.max(4, 2 * cpus)),
        intOf(env, "KEYGATE_MAX_MESSAGE_BYTES", 256 * 1024),
        intOf(env, "KEYGATE_MAX_METADATA_BYTES", 16 * 1024),
        Duration.ofSeconds(intOf(env, "KEYGATE_SHUTDOWN_GRACE_SECONDS", 10)),
        HotPathConfig.fromEnv(env));
  }

  public KeygateConfig withListen(String host, int port) {
    return new KeygateConfig(host, port, databaseUrl, databaseUser, databasePassword, databasePoolSize,
        dataDir, tokenPrefix, executorThreads, maxInboundMessageBytes, maxInboundMetadataBytes, shutdownGrace,
        hotPath);
  }

  public KeygateConfig withDatabase(String url, String user, String password) {
    return new KeygateConfig(listenHost, listenPort, url, user, password, databasePoolSize,
        dataDir, tokenPrefix, executorThreads, maxInboundMessageBytes, maxInboundMetadataBytes, shutdownGrace,
        hotPath);
  }

  public KeygateConfig withDataDir(Path dir) {
    return new KeygateConfig(listenHost, listenPort, databaseUrl, databaseUser, databasePassword,
        databasePoolSize, dir, tokenPrefix, executorThreads, maxInboundMessageBytes, maxInboundMetadataBytes,
        shutdownGrace, hotPath);
  }

  public KeygateConfig withHotPath(HotPathConfig settings) {
    return new KeygateConfig(listenHost, listenPort, databaseUrl, databaseUser, databasePassword,
        databasePoolSize, dataDir, tokenPrefix, executorThreads, maxInboundMessageBytes, maxInboundMetadataBytes,
        shutdownGrace, settings);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "KeygateConfig[listen=" + listenHost + ":" + listenPort
        + ", database=" + (embeddedDatabase() ? "embedded:" + dataDir : databaseUrl)
        + ", user=" + databaseUser + ", pool=" + databasePoolSize + ", tokenPrefix=" + tokenPrefix
        + ", executorThreads=" + executorThreads + "]";
  }

  static int intOf(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
    }
  }
}
