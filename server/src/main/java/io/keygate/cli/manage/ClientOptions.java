package io.keygate.cli.manage;

import io.grpc.ManagedChannel;
import io.keygate.cli.KeygateCli;
import io.keygate.cli.TlsOptions;
import io.keygate.config.Settings;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every management command takes: where Keygate is and how to reach it, how to print, how long to wait. */
public final class ClientOptions {
  @Option(names = "--address", paramLabel = "HOST:PORT",
      description = "Keygate's gRPC address. Default: $KEYGATE_ADDRESS, else 127.0.0.1:7070.")
  String address;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table (aligned columns, for people) or json (the response as one protobuf JSON document)."
          + " Default: ${DEFAULT-VALUE}.")
  String output;

  @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "10s",
      description = "Longest wait for each call, e.g. 500ms, 10s, 1m. Default: ${DEFAULT-VALUE}.")
  String deadline;

  @Option(names = "--bearer",
      description = "Send $KEYGATE_API_KEY as authorization: Bearer instead of x-api-key"
          + " (for tenants that accept only Bearer).")
  boolean bearer;

  @Mixin
  TlsOptions tls;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The environment: the root {@link KeygateCli}'s (settable in tests), else the process's. */
  Map<String, String> environment() {
    Object root = mixee.root().userObject();
    return root instanceof KeygateCli cli ? cli.environment() : System.getenv();
  }

  String address() {
    return address != null && !address.isBlank() ? address : Settings.ADDRESS.from(environment());
  }

  /** A channel to {@link #address()}, plaintext or TLS as the options say (warnings on {@code err}). */
  ManagedChannel channel(PrintWriter err) {
    return tls.channel(address(), environment(), err);
  }

  /** The admin credential; empty when $KEYGATE_API_KEY is unset. Never taken from a flag. */
  String apiKey() {
    return Settings.API_KEY.from(environment());
  }
}
