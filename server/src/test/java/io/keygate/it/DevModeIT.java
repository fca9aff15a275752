package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.keygate.config.KeygateConfig;
import io.keygate.manage.Bootstrap;
import io.keygate.server.KeygateServer;
import io.keygate.store.postgres.Database;
import io.keygate.store.postgres.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizerServiceGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The embedded default: a real PostgreSQL whose data survives a restart; bootstrap happens once. */
class DevModeIT {
  @Test
  void keysSurviveARestartAndBootstrapRunsOnce() throws Exception {
    Path dataDir = Files.createTempDirectory("keygate-dev-");
    KeygateConfig config = KeygateConfig.fromEnv(Map.of("KEYGATE_HOST", "127.0.0.1", "KEYGATE_PORT", "0",
        "KEYGATE_DATA_DIR", dataDir.toString()));
    String secret;
    try (KeygateServer first = KeygateServer.start(config)) {
      assertThat(first.embeddedDatabase()).isNotNull();
      assertThat(first.embeddedDatabase().created()).isTrue();
      Optional<Bootstrap.Result> bootstrap = first.bootstrap().bootstrapIfEmpty();
      assertThat(bootstrap).isPresent();
      secret = bootstrap.get().secret();
      assertThat(status(first, secret)).isEqualTo(200);
    }
    try (KeygateServer second = KeygateServer.start(config)) {
      assertThat(second.embeddedDatabase().created()).isFalse();
      assertThat(second.bootstrap().bootstrapIfEmpty()).isEmpty();
      assertThat(status(second, secret)).isEqualTo(200);
      Bootstrap.Result fresh = second.bootstrap().issueAdminKey();
      assertThat(fresh.secret()).isNotEqualTo(secret);
      assertThat(status(second, fresh.secret())).isEqualTo(200);
    }
  }

  /**
   * The embedded database is no open door: every connection needs the random password kept in the
   * data directory, readable by its owner only; durability settings are on.
   */
  @Test
  void theEmbeddedDatabaseNeedsItsPasswordAndWritesDurably() throws Exception {
    Path dataDir = Files.createTempDirectory("keygate-dev-");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
      Path passwordFile = dataDir.resolve("postgres-password");
      assertThat(Files.getPosixFilePermissions(passwordFile)).containsExactlyInAnyOrder(
          PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      assertThat(Files.readString(passwordFile).strip()).isEqualTo(db.password()).hasSize(48);
      assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "")).isInstanceOf(
          SQLException.class);
      assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "guess")).isInstanceOf(
          SQLException.class);
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
          Statement s = c.createStatement()) {
        for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
          ResultSet rs = s.executeQuery("show " + setting);
          rs.next();
          assertThat(rs.getString(1)).as(setting).isEqualTo("on");
        }
      }
      assertThat(db.toString()).doesNotContain(db.password());
    }
  }

  /** A data directory an earlier version left open (trust, no password) is secured on its next start. */
  @Test
  void anOpenDataDirectoryOfAnEarlierVersionIsSecuredOnStart() throws Exception {
    Path dataDir = Files.createTempDirectory("keygate-dev-");
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
        .setCleanDataDirectory(false).start()) {
      try (Connection c = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
        assertThat(c.isValid(1)).as("the old default trusted everyone").isTrue();
      }
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
      assertThat(db.created()).isFalse();
      assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), "")).isInstanceOf(
          SQLException.class);
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
        assertThat(c.isValid(1)).isTrue();
      }
    }
    try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir)) {
      try (Connection c = DriverManager.getConnection(again.jdbcUrl(), again.user(), again.password())) {
        assertThat(c.isValid(1)).as("and stays usable across restarts").isTrue();
      }
    }
  }

  /** Every write Keygate acknowledged is still there after PostgreSQL was killed (SIGKILL) mid-run. */
  @Test
  void acknowledgedWritesSurviveAKilledDatabase() throws Exception {
    Path dataDir = Files.createTempDirectory("keygate-dev-");
    int acknowledged = 0;
    EmbeddedDatabase first = EmbeddedDatabase.start(dataDir);
    try (Database database = new Database(first.jdbcUrl(), first.user(), first.password(), 2)) {
      database.migrate();
      for (int i = 0; i < 300; i++) {
        int n = i;
        database.inTransaction(c -> {
          try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into tenants (id, name) values ('ten_crash" + n + "', 'crash " + n + "')");
          }
          return null;
        });
        acknowledged++;
      }
      long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
          .get(0).trim());
      List<String> kill = new java.util.ArrayList<>(List.of("kill", "-KILL", Long.toString(postmaster)));
      ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(p -> kill.add(Long.toString(p.pid())));
      assertThat(new ProcessBuilder(kill).start().waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    try {
      first.close();
    } catch (RuntimeException alreadyDead) {
      // pg_ctl stop finds no server: it was killed
    }
    try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dataDir);
        Connection c = DriverManager.getConnection(restarted.jdbcUrl(), restarted.user(), restarted.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from tenants where id like 'ten_crash%'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("acknowledged writes after a kill -9").isEqualTo(acknowledged);
    }
  }

  private static int status(KeygateServer server, String secret) throws InterruptedException {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    try {
      return AuthorizerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .authorize(AuthorizeRequest.newBuilder().setCredential(secret).setResource("api-keys").setAction("read")
              .build()).getHttpStatus();
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
