package io.keygate.config;

import io.keygate.keys.SecretFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * All of Keygate's settings, read once at start from environment variables (flags of the
 * {@code keygate} command set the same variables) and validated before anything starts. What each
 * means, its default and its bounds are declared in {@link Settings}.
 *
 * @param databaseUrl empty: an embedded PostgreSQL under {@code dataDir}
 * @param metricsAddress where to serve {@code /metrics}; {@code null}: not served
 * @param hotPath cache, propagation, usage, routes and client-IP settings
 * @param otel the {@code OTEL_*} variables, read by the OpenTelemetry SDK (tracing; off by default).
 *     Never printed: {@code OTEL_EXPORTER_OTLP_HEADERS} may hold the collector's credentials
 */
public record KeygateConfig(
    String listenHost,
    int listenPort,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    int databasePoolSize,
    Path dataDir,
    boolean migrate,
    String tokenPrefix,
    int executorThreads,
    int maxInboundMessageBytes,
    int maxInboundMetadataBytes,
    Duration maxConnectionIdle,
    Duration maxConnectionAge,
    Duration shutdownGrace,
    HostPort metricsAddress,
    Duration healthCheckInterval,
    String logLevel,
    String logFormat,
    HotPathConfig hotPath,
    Map<String, String> otel) {

  public KeygateConfig {
    otel = Map.copyOf(otel);
    try {
      new SecretFormat(tokenPrefix);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Settings.TOKEN_PREFIX.name() + ": " + e.getMessage(), e);
    }
  }

  /** True when no database is configured and the embedded PostgreSQL is used. */
  public boolean embeddedDatabase() {
    return databaseUrl == null || databaseUrl.isBlank();
  }

  /** The defaults, overridden by whatever {@code env} sets. */
  public static KeygateConfig fromEnv(Map<String, String> env) {
    return new KeygateConfig(
        Settings.HOST.from(env),
        Settings.PORT.from(env),
        Settings.DATABASE_URL.from(env),
        Settings.DATABASE_USER.from(env),
        Settings.DATABASE_PASSWORD.from(env),
        Settings.DATABASE_POOL_SIZE.from(env),
        Settings.DATA_DIR.from(env),
        Settings.MIGRATE.from(env),
        Settings.TOKEN_PREFIX.from(env),
        Settings.EXECUTOR_THREADS.from(env),
        Settings.MAX_MESSAGE_BYTES.from(env),
        Settings.MAX_METADATA_BYTES.from(env),
        Settings.MAX_CONNECTION_IDLE.from(env),
        Settings.MAX_CONNECTION_AGE.from(env),
        Settings.SHUTDOWN_GRACE.from(env),
        Settings.METRICS_ADDRESS.from(env),
        Settings.HEALTH_CHECK_INTERVAL.from(env),
        Settings.LOG_LEVEL.from(env),
        Settings.LOG_FORMAT.from(env),
        HotPathConfig.fromEnv(env),
        otel(env));
  }

  /** The {@code OTEL_*} variables of {@code env}: the OpenTelemetry SDK's own settings (tracing). */
  private static Map<String, String> otel(Map<String, String> env) {
    Map<String, String> otel = new java.util.TreeMap<>();
    env.forEach((name, value) -> {
      if (name.startsWith("OTEL_") && value != null) {
        otel.put(name, value);
      }
    });
    return otel;
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "KeygateConfig[listen=" + listenHost + ":" + listenPort
        + ", database=" + (embeddedDatabase() ? "embedded:" + dataDir : databaseUrl)
        + ", user=" + databaseUser + ", pool=" + databasePoolSize + ", tokenPrefix=" + tokenPrefix
        + ", executorThreads=" + executorThreads + "]";
  }
}
