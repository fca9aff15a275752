package io.keygate.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The development default: a real PostgreSQL started from binaries inside the jar, with its data
 * directory under {@code dataDir/postgres} kept across restarts. Listens on loopback only.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final boolean created;

  private EmbeddedDatabase(EmbeddedPostgres postgres, boolean created) {
    this.postgres = postgres;
    this.created = created;
  }

  /** Starts PostgreSQL on a free loopback port, creating the data directory on first use. */
  public static EmbeddedDatabase start(Path dataDir) {
    Path pgData = dataDir.resolve("postgres");
    boolean created = !Files.exists(pgData.resolve("PG_VERSION"));
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .start();
      return new EmbeddedDatabase(postgres, created);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL in " + pgData, e);
    }
  }

  /** True when this start created a new, empty data directory. */
  public boolean created() {
    return created;
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public String user() {
    return "postgres";
  }

  public int port() {
    return postgres.getPort();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
