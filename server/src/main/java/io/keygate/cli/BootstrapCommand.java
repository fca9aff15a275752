package io.keygate.cli;

import io.keygate.manage.Bootstrap;
import io.keygate.server.KeygateServer;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Creates the system tenant and its first admin key on an empty database, printing the key once. */
@Command(name = "bootstrap", mixinStandardHelpOptions = true,
    description = "On an empty database: create the system tenant and an admin key, and print the key once."
        + " Exits 1 without changing anything if the database was already bootstrapped.")
final class BootstrapCommand implements Callable<Integer> {
  @Mixin
  ServerOptions options;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    options.host = "127.0.0.1";
    options.port = 0; // serves nothing: only the database work is wanted
    try (KeygateServer server = KeygateServer.start(options.databaseConfig("bootstrap"))) {
      Optional<Bootstrap.Result> result = server.bootstrap().bootstrapIfEmpty();
      if (result.isEmpty()) {
        spec.commandLine().getErr().println("already bootstrapped: nothing was changed");
        return KeygateCli.EXIT_FAILURE;
      }
      out.println("tenant  " + result.get().tenantId());
      out.println("key     " + result.get().apiKeyId());
      out.println("secret  " + result.get().secret());
      out.println("Store the secret now: it is shown once and Keygate keeps only its hash.");
      return 0;
    }
  }
}
