package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.keygate.KeygateException;
import io.keygate.config.KeygateConfig;
import io.keygate.server.KeygateServer;
import io.keygate.store.postgres.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code KEYGATE_MIGRATE=false} (the Helm chart's sidecars, whose migrations run in the hook Job):
 * the server refuses to start on a schema that is missing or behind, saying what to run, and
 * starts on a current one without running Flyway.
 */
class StartWithoutMigrationsIT {
  @Test
  void refusesAnUnmigratedDatabaseAndServesAMigratedOne() {
    String url = TestPostgres.newDatabase();
    KeygateConfig config = TestKeygate.config(url, Map.of("KEYGATE_MIGRATE", "false"));

    assertThatThrownBy(() -> KeygateServer.start(config))
        .isInstanceOf(KeygateException.class)
        .hasMessageContaining("schema is at version 0")
        .hasMessageContaining("keygate migrate");

    try (Database database = new Database(url, "postgres", "", 1)) {
      assertThat(database.migrate()).isEqualTo(Database.SCHEMA_VERSION);
    }
    try (KeygateServer server = KeygateServer.start(config)) {
      assertThat(server.bootstrap().bootstrapIfEmpty()).as("serves on the migrated schema").isPresent();
    }
  }

  /** Redis connects while the schema is checked (RateLimitCounters); a refused start closes that connection. */
  @Test
  void aRefusedStartLeavesNoRedisConnectionOpen() {
    try (TestRedis redis = TestRedis.start()) {
      KeygateConfig config = TestKeygate.config(TestPostgres.newDatabase(), Map.of("KEYGATE_MIGRATE", "false",
          "KEYGATE_REDIS_URL", redis.url()));

      assertThatThrownBy(() -> KeygateServer.start(config)).hasMessageContaining("keygate migrate");

      // The start's Redis thread connects, warms the path (read-only leases, EVALSHA), and only then is closed.
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        assertThat(redis.info("commandstats")).as("the warm-up ran").contains("cmdstat_evalsha");
        assertThat(redis.info("clients")).as("only the probe's own connection").contains("connected_clients:1\r");
      });
    }
  }

  @Test
  void theSchemaVersionIsTheHighestShippedMigration() throws Exception {
    Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
    int highest;
    try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
      highest = files.map(p -> version.matcher(p.getFileName().toString())).filter(Matcher::matches)
          .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
    }
    assertThat(Database.SCHEMA_VERSION).isEqualTo(highest);
  }
}
