package io.keygate.cli;

import io.keygate.config.KeygateConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Flags shared by the commands that start Keygate; each overrides its environment variable. */
final class ServerOptions {
  @Option(names = "--host", description = "Address to bind (KEYGATE_HOST, default 127.0.0.1).")
  String host;

  @Option(names = "--port", description = "gRPC port (KEYGATE_PORT, default 7070; 0 = any free port).")
  Integer port;

  @Option(names = "--data-dir",
      description = "Embedded PostgreSQL data directory (KEYGATE_DATA_DIR, default ~/.keygate).")
  Path dataDir;

  @Option(names = "--metrics-address", description = "host:port to serve Prometheus metrics on at /metrics"
      + " (KEYGATE_METRICS_ADDRESS, default: not served). Use 0.0.0.0:9464 to let Prometheus scrape the pod.")
  String metricsAddress;

  @Option(names = "--migrate", negatable = true, description = "Apply pending database migrations at start"
      + " (KEYGATE_MIGRATE, default true). --no-migrate only checks that the schema is current, which starts"
      + " faster: for fleets whose migrations run as a separate step (`keygate migrate`, the Helm chart's hook).")
  Boolean migrate;

  /** Whether to apply migrations at start. */
  boolean migrate() {
    if (migrate != null) {
      return migrate;
    }
    String value = System.getenv().getOrDefault("KEYGATE_MIGRATE", "true").trim().toLowerCase(java.util.Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("KEYGATE_MIGRATE must be true or false, got '" + value + "'");
    }
    return value.equals("true");
  }

  /** The metrics address as {host, port}, or null when metrics are not served. */
  String[] metrics() {
    String address = metricsAddress != null ? metricsAddress : System.getenv().getOrDefault(
        "KEYGATE_METRICS_ADDRESS", "");
    if (address.isBlank()) {
      return null;
    }
    int colon = address.lastIndexOf(':');
    if (colon < 1 || !address.substring(colon + 1).matches("\\d{1,5}")) {
      throw new IllegalArgumentException("KEYGATE_METRICS_ADDRESS must be host:port, e.g. 0.0.0.0:9464, got '"
          + address + "'");
    }
    return new String[] {address.substring(0, colon), address.substring(colon + 1)};
  }

  KeygateConfig config() {
    KeygateConfig config = KeygateConfig.fromEnv(System.getenv());
    if (host != null || port != null) {
      config = config.withListen(host != null ? host : config.listenHost(), port != null ? port : config.listenPort());
    }
    if (dataDir != null) {
      config = config.withDataDir(dataDir);
    }
    return config;
  }
}
