package io.keygate.cli;

import io.keygate.config.KeygateConfig;
import io.keygate.store.postgres.Database;
import io.keygate.store.postgres.EmbeddedDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Applies the schema migrations and exits (for a Helm pre-install/pre-upgrade hook). */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Apply pending database migrations and exit. Safe to run from many places at once.")
final class MigrateCommand implements Callable<Integer> {
  @Mixin
  ServerOptions options;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    KeygateConfig config = options.databaseConfig("migrate");
    EmbeddedDatabase embedded = config.embeddedDatabase() ? EmbeddedDatabase.start(config.dataDir()) : null;
    try (Database database = embedded != null
        ? new Database(embedded.jdbcUrl(), embedded.user(), embedded.password(), 2)
        : new Database(config.databaseUrl(), config.databaseUser(), config.databasePassword(), 2)) {
      int applied = database.migrate();
      spec.commandLine().getOut().println("applied " + applied + " migration(s); schema is up to date");
      return 0;
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
