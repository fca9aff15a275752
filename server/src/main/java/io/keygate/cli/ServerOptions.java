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
