package io.keygate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * TLS of the gRPC port (see {@link Settings} for each). Off when no certificate is set: plaintext, the
 * sidecar's default on loopback.
 *
 * @param certFile {@code null} for plaintext; set together with {@code keyFile}
 * @param clientCaFile {@code null}: no client certificate asked for; set: one is required (mTLS)
 * @param reloadPeriod how often the files are read again
 */
public record TlsConfig(Path certFile, Path keyFile, Path clientCaFile, Duration reloadPeriod) {
  public TlsConfig {
    if ((certFile == null) != (keyFile == null)) {
      throw new IllegalArgumentException(Settings.TLS_CERT_FILE.name() + " and " + Settings.TLS_KEY_FILE.name()
          + " go together: " + (certFile == null ? Settings.TLS_CERT_FILE : Settings.TLS_KEY_FILE).name()
          + " is not set");
    }
    if (clientCaFile != null && certFile == null) {
      throw new IllegalArgumentException(Settings.TLS_CLIENT_CA_FILE.name() + " needs TLS: set "
          + Settings.TLS_CERT_FILE.name() + " and " + Settings.TLS_KEY_FILE.name() + " too");
    }
  }

  public boolean enabled() {
    return certFile != null;
  }

  /** True when every client must present a certificate (mTLS). */
  public boolean clientCertificatesRequired() {
    return clientCaFile != null;
  }

  public static TlsConfig fromEnv(Map<String, String> env) {
    return new TlsConfig(
        Settings.TLS_CERT_FILE.from(env),
        Settings.TLS_KEY_FILE.from(env),
        Settings.TLS_CLIENT_CA_FILE.from(env),
        Settings.TLS_RELOAD.from(env));
  }
}
