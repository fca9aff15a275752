package io.keygate.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Set;

/**
 * The development default: a real PostgreSQL started from binaries inside the jar, with its data
 * directory under {@code dataDir/postgres} kept across restarts. Listens on loopback only, and is
 * neither open to other local processes nor careless with writes:
 *
 * <ul>
 *   <li>every connection authenticates (SCRAM) with a random password kept in
 *       {@code dataDir/postgres-password}, readable by its owner only — a local process cannot write
 *       a digest of its choosing into the key store;
 *   <li>{@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are on, so a write
 *       Keygate acknowledged survives a crash of the process or the machine.
 * </ul>
 *
 * <p>A data directory made by an earlier version (no password, {@code trust}) is secured on its first
 * start with this one.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final String USER = "postgres";
  private static final String SECURED = "# keygate: every connection authenticates with the password in";
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final EmbeddedPostgres postgres;
  private final boolean created;
  private final String password;

  private EmbeddedDatabase(EmbeddedPostgres postgres, boolean created, String password) {
    this.postgres = postgres;
    this.created = created;
    this.password = password;
  }

  /** Starts PostgreSQL on a free loopback port, creating (and securing) the data directory on first use. */
  public static EmbeddedDatabase start(Path dataDir) {
    Path pgData = dataDir.resolve("postgres");
    boolean created = !Files.exists(pgData.resolve("PG_VERSION"));
    try {
      Files.createDirectories(dataDir);
      Path passwordFile = dataDir.resolve("postgres-password");
      Path hba = pgData.resolve("pg_hba.conf");
      if (!created && !Files.exists(passwordFile) && secured(hba)) {
        throw new IllegalStateException(passwordFile + " is missing, and the embedded PostgreSQL in " + pgData
            + " needs it: restore it, or move " + dataDir + " away to start afresh");
      }
      String password = readOrCreatePassword(passwordFile);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setConnectConfig("password", password); // for its own start-up check
      if (created) {
        // initdb sets the superuser's password and SCRAM for every connection from the start.
        builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
      }
      EmbeddedPostgres postgres = builder.start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, created, password);
      if (created) {
        writeRules(hba, passwordFile); // the same rules initdb wrote, marked as Keygate's
      } else if (!secured(hba)) {
        database.secure(hba, passwordFile);
      }
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL in " + pgData, e);
    }
  }

  /**
   * Makes sure every connection needs the password: a directory initialised by an earlier version
   * still trusts local connections, so the password is set through one and the rules are replaced.
   */
  private void secure(Path hba, Path passwordFile) throws IOException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("set password_encryption = 'scram-sha-256'");
      s.execute("alter role " + USER + " password '" + password + "'");
      writeRules(hba, passwordFile);
      s.execute("select pg_reload_conf()");
    } catch (SQLException e) {
      throw new IllegalStateException("could not secure the embedded PostgreSQL (" + e.getMessage() + ")", e);
    }
  }

  private static boolean secured(Path hba) throws IOException {
    return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).contains(SECURED);
  }

  private static void writeRules(Path hba, Path passwordFile) throws IOException {
    Files.writeString(hba, SECURED + " " + passwordFile + "\n"
        + "local all all scram-sha-256\n"
        + "host all all 127.0.0.1/32 scram-sha-256\n"
        + "host all all ::1/128 scram-sha-256\n", StandardCharsets.UTF_8);
  }

  private static String readOrCreatePassword(Path file) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    Path draft = Files.createTempFile(file.getParent(), "postgres-password", ".tmp");
    try {
      ownerOnly(draft);
      Files.writeString(draft, password + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(draft, file);
      }
    } finally {
      Files.deleteIfExists(draft);
    }
    return password;
  }

  private static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file lies in the user's own profile directory
    }
  }

  /** True when this start created a new, empty data directory. */
  public boolean created() {
    return created;
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl(USER, USER);
  }

  public String user() {
    return USER;
  }

  /** The password of {@link #user()}; never logged. */
  public String password() {
    return password;
  }

  public int port() {
    return postgres.getPort();
  }

  @Override
  public String toString() {
    return "EmbeddedDatabase[port=" + port() + ", password=<redacted>]";
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
