package io.keygate.cli;

import io.keygate.config.KeygateConfig;
import io.keygate.manage.Bootstrap;
import io.keygate.server.KeygateServer;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs Keygate on its embedded default and tells a newcomer what to do next. */
@Command(name = "dev", mixinStandardHelpOptions = true,
    description = "Run Keygate for development: embedded PostgreSQL (data kept in --data-dir), bootstrap admin"
        + " key printed on first start.")
final class DevCommand implements Callable<Integer> {
  @Mixin
  ServerOptions options;

  @Option(names = "--new-admin-key", description = "Issue a new admin key in the system tenant and print it once.")
  boolean newAdminKey;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    KeygateConfig config = options.databaseConfig("dev");
    KeygateServer server = KeygateServer.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keygate-shutdown"));
    Optional<Bootstrap.Result> created = server.bootstrap().bootstrapIfEmpty();
    Optional<Bootstrap.Result> issued = created.isEmpty() && newAdminKey
        ? Optional.of(server.bootstrap().issueAdminKey()) : Optional.empty();
    Optional<Bootstrap.Result> shown = created.isPresent() ? created : issued;
    String where = config.embeddedDatabase()
        ? "embedded PostgreSQL, data in " + config.dataDir().toAbsolutePath()
        : "PostgreSQL at " + config.databaseUrl();
    out.println();
    out.println("Keygate is running (" + where + ").");
    out.println();
    String transport = !server.tls().enabled() ? "plaintext"
        : server.tls().clientCertificatesRequired() ? "TLS, client certificates required" : "TLS";
    // With TLS on, the commands below need to be told how to verify it.
    String tlsFlags = !server.tls().enabled() ? ""
        : " --ca <CA file>" + (server.tls().clientCertificatesRequired() ? " --cert <file> --cert-key <file>" : "");
    out.println("  gRPC address    " + server.address() + "   (" + transport + ", health and reflection enabled)");
    if (server.metricsPort() > 0) {
      out.println("  Metrics         http://" + config.metricsAddress().host() + ":" + server.metricsPort()
          + "/metrics");
    }
    if (shown.isPresent()) {
      out.println("  Admin API key   " + shown.get().secret());
      out.println("                  Shown once: Keygate stores only its hash. Copy it now.");
      out.println("  Tenant          " + shown.get().tenantId() + " (system)");
    } else {
      out.println("  Admin API key   shown when this data directory was first used; Keygate keeps only its hash.");
      out.println("                  Lost it? Stop and run: ./keygate dev --new-admin-key");
    }
    out.println();
    out.println("Try it (in another terminal):");
    out.println("  export KEYGATE_API_KEY=" + (shown.isPresent() ? shown.get().secret() : "<your admin key>"));
    out.println("  ./keygate authorize --address " + server.address() + tlsFlags
        + " --resource api-keys --action read");
    out.println("  ./keygate keys list --address " + server.address() + tlsFlags
        + "   # also: tenants, roles, principals, tokens, audit");
    out.println("  # or with grpcurl:");
    out.println("  grpcurl " + (server.tls().enabled() ? "-cacert <CA file>" : "-plaintext")
        + " -H \"x-api-key: $KEYGATE_API_KEY\" " + server.address() + " keygate.v1.ApiKeyService/ListApiKeys");
    out.println();
    out.println("Stop with Ctrl-C; your keys are kept for the next start.");
    out.flush();
    server.awaitTermination();
    return 0;
  }
}
