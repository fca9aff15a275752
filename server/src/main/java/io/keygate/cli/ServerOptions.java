package io.keygate.cli;

import io.keygate.config.KeygateConfig;
import io.keygate.config.Settings;
import io.keygate.telemetry.Logging;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * Flags shared by the commands that start Keygate. Each sets its environment variable (see
 * {@link Settings}), so a flag and a variable mean exactly the same.
 */
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

  /**
   * The settings: the process's environment with these flags applied. Applies the log format and
   * level first (and routes java.util.logging to SLF4J), so every line of the run is in the chosen
   * format — also the error of another setting that does not parse —, then reports
   * {@code KEYGATE_*} variables that are no setting (a typo must not pass silently).
   */
  KeygateConfig config() {
    Map<String, String> env = new HashMap<>(System.getenv());
    put(env, Settings.HOST.name(), host);
    put(env, Settings.PORT.name(), port);
    put(env, Settings.DATA_DIR.name(), dataDir);
    put(env, Settings.METRICS_ADDRESS.name(), metricsAddress);
    put(env, Settings.MIGRATE.name(), migrate);
    Logging.configure(Settings.LOG_FORMAT.from(env), Settings.LOG_LEVEL.from(env));
    KeygateConfig config = KeygateConfig.fromEnv(env);
    for (String unknown : Settings.unknown(env)) {
      LoggerFactory.getLogger(ServerOptions.class).warn("{} is not a Keygate setting and is ignored (a typo?);"
          + " see docs/configuration.md", unknown);
    }
    return config;
  }
  /** {@link #config}, refused in edge mode: {@code command} works on the database itself. */
  KeygateConfig databaseConfig(String command) {
    KeygateConfig config = config();
    if (config.edgeMode()) {
      throw new IllegalArgumentException("keygate " + command + " works on the database, and "
          + Settings.CENTRAL_ADDRESS.name() + " makes this an edge sidecar without one: run it on the central tier");
    }
    return config;
  }


  private static void put(Map<String, String> env, String name, Object value) {
    if (value != null) {
      env.put(name, value.toString());
    }
  }
}
