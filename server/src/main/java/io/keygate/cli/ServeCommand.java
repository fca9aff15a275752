package io.keygate.cli;

import io.keygate.config.KeygateConfig;
import io.keygate.server.KeygateServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.slf4j.LoggerFactory;

/** Runs Keygate in production: configuration from the environment, never prints a secret. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the sidecar. Database from KEYGATE_DATABASE_URL/_USER/_PASSWORD (embedded if unset)."
        + " Applies pending migrations unless --no-migrate (KEYGATE_MIGRATE=false); create the first admin key"
        + " with 'keygate bootstrap'.")
final class ServeCommand implements Callable<Integer> {
  @Mixin
  ServerOptions options = new ServerOptions(); // picocli sets the flags on it; without flags, the environment alone

  @Override
  public Integer call() throws Exception {
    KeygateConfig config = options.config();
    KeygateServer server = KeygateServer.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keygate-shutdown"));
    LoggerFactory.getLogger(ServeCommand.class).info("serving on {}", server.address());
    server.awaitTermination();
    return 0;
  }
}
