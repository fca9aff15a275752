package io.keygate.cli;

import com.google.common.net.InetAddresses;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.keygate.config.HostPort;
import io.keygate.config.Setting;
import io.keygate.config.Settings;
import io.keygate.transport.tls.ClientTls;
import io.keygate.transport.tls.PemFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLException;
import picocli.CommandLine.Option;

/**
 * How the commands that call Keygate reach it: plaintext — the default, for a sidecar on loopback — or
 * TLS, with the server's certificate verified against {@code --ca} (else the JVM's CAs) and, for a Keygate
 * that requires one, a client certificate. Each flag defaults to its {@code KEYGATE_CLI_*} variable.
 */
public final class TlsOptions {
  @Option(names = "--tls", negatable = true, description = "Connect with TLS; implied by --ca and --cert. Default:"
      + " $KEYGATE_CLI_TLS, else plaintext.")
  Boolean tls;

  @Option(names = "--ca", paramLabel = "FILE", description = "PEM CA certificates the server's certificate must"
      + " chain to. Default: $KEYGATE_CLI_CA_FILE, else the JVM's trusted CAs.")
  Path ca;

  @Option(names = "--cert", paramLabel = "FILE", description = "PEM client certificate chain, for a Keygate that"
      + " requires one (mTLS); with --cert-key. Default: $KEYGATE_CLI_CERT_FILE.")
  Path cert;

  @Option(names = "--cert-key", paramLabel = "FILE", description = "PEM private key of --cert. Default:"
      + " $KEYGATE_CLI_KEY_FILE.")
  Path certKey;

  @Option(names = "--server-name", paramLabel = "NAME", description = "The name the server's certificate must"
      + " carry when it is not the host of the address (e.g. keygate.keygate.svc through kubectl port-forward)."
      + " Default: $KEYGATE_CLI_SERVER_NAME.")
  String serverName;

  private boolean secured;

  /**
   * A channel to {@code target} as these options and {@code env} say. Sending a credential in plaintext to
   * an address that is not loopback works, with a warning on {@code err}.
   *
   * @throws IllegalArgumentException a bad combination of options, a file that does not load, a bad target
   */
  public ManagedChannel channel(String target, Map<String, String> env, PrintWriter err) {
    if (Boolean.FALSE.equals(tls)) {
      if (ca != null || cert != null || certKey != null || serverName != null) {
        throw new IllegalArgumentException("--ca, --cert, --cert-key and --server-name need TLS; --no-tls turns it"
            + " off");
      }
      return plaintext(target, err);
    }
    PemFile caFile = file("--ca", ca, Settings.CLI_CA_FILE, env);
    PemFile certFile = file("--cert", cert, Settings.CLI_CERT_FILE, env);
    PemFile keyFile = file("--cert-key", certKey, Settings.CLI_KEY_FILE, env);
    String name = serverName != null ? serverName.strip() : Settings.CLI_SERVER_NAME.from(env);
    if ((certFile == null) != (keyFile == null)) {
      throw new IllegalArgumentException("--cert and --cert-key go together (" + Settings.CLI_CERT_FILE.name()
          + " and " + Settings.CLI_KEY_FILE.name() + ")");
    }
    if (!Boolean.TRUE.equals(tls) && !Settings.CLI_TLS.from(env) && caFile == null && certFile == null) {
      if (!name.isEmpty()) {
        throw new IllegalArgumentException("--server-name needs TLS: add --tls");
      }
      return plaintext(target, err);
    }
    ChannelCredentials credentials = ClientTls.credentials(caFile, certFile, keyFile);
    secured = true;
    return build(target, credentials, name);
  }

  /** Whether the last {@link #channel} is TLS. */
  public boolean secured() {
    return secured;
  }

  /** A hint for a call that found no Keygate at {@code target}. */
  public String unreachableHint(String target) {
    return secured ? " (is Keygate running at " + target + "?)"
        : " (is Keygate running at " + target + "? If it serves TLS, add --tls)";
  }

  /**
   * What a failed call's {@code failure} says about TLS: the handshake's error (an untrusted or expired
   * certificate, a name that does not match, a refused client certificate), or empty.
   */
  public static String handshakeFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return "TLS handshake failed: " + t.getMessage();
      }
    }
    return "";
  }

  private static ManagedChannel build(String target, ChannelCredentials credentials, String serverName) {
    try {
      ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(target, credentials);
      if (!serverName.isEmpty()) {
        builder.overrideAuthority(serverName);
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--address '" + target + "': " + e.getMessage(), e);
    }
  }

  /** Plaintext, with a warning on {@code err} unless {@code target} is on loopback. */
  private ManagedChannel plaintext(String target, PrintWriter err) {
    secured = false;
    if (!loopback(target)) {
      err.println("warning: plaintext to " + target + ": the API key crosses the network unencrypted; use --tls"
          + " (and Keygate with KEYGATE_TLS_CERT_FILE)");
      err.flush();
    }
    return build(target, InsecureChannelCredentials.create(), "");
  }

  /** The file the flag names, else the one its variable names, known by whichever named it; or null. */
  private static PemFile file(String flag, Path fromFlag, Setting<Path> setting, Map<String, String> env) {
    if (fromFlag != null) {
      return new PemFile(flag, fromFlag);
    }
    Path fromEnv = setting.from(env);
    return fromEnv == null ? null : new PemFile(setting.name(), fromEnv);
  }

  /** Whether {@code target} is {@code host:port} on this machine: 127.0.0.0/8, ::1 or localhost. */
  static boolean loopback(String target) {
    HostPort address;
    try {
      address = HostPort.parse(target);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (address.host().equalsIgnoreCase("localhost")) {
      return true;
    }
    return InetAddresses.isInetAddress(address.host()) && InetAddresses.forString(address.host()).isLoopbackAddress();
  }
}
