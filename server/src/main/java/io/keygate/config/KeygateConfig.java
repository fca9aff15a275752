package io.keygate.config;

import io.keygate.keys.SecretFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * All of Keygate's settings, read once at start from environment variables (flags of the
 * {@code keygate} command set the same variables) and validated before anything starts. What each
 * means, its default and its bounds are declared in {@link Settings}.
 *
 * @param databaseUrl empty: an embedded PostgreSQL under {@code dataDir}
 * @param metricsAddress where to serve {@code /metrics}; {@code null}: not served
 * @param hotPath cache, propagation, usage, routes and client-IP settings
 * @param centralAddresses the central tier; empty: database mode
 * @param fleetToken the deployment's fleet credential; empty: none
 * @param centralTls whether an edge reaches the central tier over TLS
 * @param centralCaFile the CAs an edge trusts for the central tier; {@code null}: the JVM's
 * @param tls TLS of the gRPC port; off (plaintext) unless a certificate is set
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
    int maxConcurrentStreams,
    Duration maxConnectionIdle,
    Duration maxConnectionAge,
    Duration shutdownGrace,
    HostPort metricsAddress,
    Duration healthCheckInterval,
    String logLevel,
    String logFormat,
    HotPathConfig hotPath,
    List<HostPort> centralAddresses,
    String fleetToken,
    Duration centralTimeout,
    boolean centralTls,
    Path centralCaFile,
    TlsConfig tls,
    Map<String, String> otel) {

  public KeygateConfig {
    otel = Map.copyOf(otel);
    try {
      new SecretFormat(tokenPrefix);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Settings.TOKEN_PREFIX.name() + ": " + e.getMessage(), e);
    }
    centralAddresses = List.copyOf(centralAddresses);
    if (!fleetToken.isEmpty() && fleetToken.length() < 32) {
      throw new IllegalArgumentException(Settings.FLEET_TOKEN.name() + " must be at least 32 characters");
    }
    if (!centralAddresses.isEmpty() && fleetToken.isEmpty()) {
      throw new IllegalArgumentException(Settings.CENTRAL_ADDRESS.name() + " (edge mode) needs "
          + Settings.FLEET_TOKEN.name() + ", the central tier's fleet credential");
    }
    if (centralCaFile != null && !centralTls) {
      throw new IllegalArgumentException(Settings.CENTRAL_CA_FILE.name() + " needs " + Settings.CENTRAL_TLS.name()
          + "=true");
    }
  }

  /** True in edge mode: the central tier answers lookups, streams changes and takes management calls. */
  public boolean edgeMode() {
    return !centralAddresses.isEmpty();
  }

  /** True when no database (and no central tier) is configured and the embedded PostgreSQL is used. */
  public boolean embeddedDatabase() {
    return !edgeMode() && (databaseUrl == null || databaseUrl.isBlank());
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
        Settings.MAX_CONCURRENT_STREAMS.from(env),
        Settings.MAX_CONNECTION_IDLE.from(env),
        Settings.MAX_CONNECTION_AGE.from(env),
        Settings.SHUTDOWN_GRACE.from(env),
        Settings.METRICS_ADDRESS.from(env),
        Settings.HEALTH_CHECK_INTERVAL.from(env),
        Settings.LOG_LEVEL.from(env),
        Settings.LOG_FORMAT.from(env),
        HotPathConfig.fromEnv(env),
        Settings.CENTRAL_ADDRESS.from(env),
        Settings.FLEET_TOKEN.from(env),
        Settings.CENTRAL_TIMEOUT.from(env),
        Settings.CENTRAL_TLS.from(env),
        Settings.CENTRAL_CA_FILE.from(env),
        TlsConfig.fromEnv(env),
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
        + ", database=" + (edgeMode() ? "none (edge of " + centralAddresses + ")"
            : embeddedDatabase() ? "embedded:" + dataDir : databaseUrl)
        + ", user=" + databaseUser + ", pool=" + databasePoolSize + ", tokenPrefix=" + tokenPrefix
        + ", executorThreads=" + executorThreads + ", tls=" + (!tls.enabled() ? "off"
            : tls.clientCertificatesRequired() ? "mtls" : "on") + "]";
  }
}
