package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.keygate.testing.Ports;
import io.keygate.v1.Reason;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grpc.health.v1.Health} per service name with PostgreSQL stopped under the sidecar: the
 * management services turn NOT_SERVING, the decision services and {@code ""} stay SERVING while the
 * cache can still answer (and a cached key is still allowed), everything is SERVING again once the
 * database is back; with the cache off, the decision services and {@code ""} turn NOT_SERVING too.
 */
class HealthIT {
  private static final List<String> DECISIONS = List.of("keygate.v1.AuthorizerService",
      "envoy.service.auth.v3.Authorization");
  private static final List<String> MANAGEMENT = List.of("keygate.v1.TenantService", "keygate.v1.ScopeService",
      "keygate.v1.PrincipalService", "keygate.v1.RoleService", "keygate.v1.ApiKeyService",
      "keygate.v1.AuditService");

  @TempDir
  static Path dir;

  @Test
  void managementFollowsTheDatabaseAndDecisionsFollowWhatCanStillBeAnswered() throws Exception {
    int port = Ports.reserve();
    Path data = Files.createDirectories(dir.resolve("pg"));
    EmbeddedPostgres pg = start(port, data);
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (TestKeygate cached = TestKeygate.start(url, Map.of("KEYGATE_HEALTH_CHECK_SECONDS", "1"));
        TestKeygate uncached = TestKeygate.start(url, Map.of("KEYGATE_HEALTH_CHECK_SECONDS", "1",
            "KEYGATE_CACHE_TTL_SECONDS", "0"))) {
      TenantFixture tenant = TenantFixture.create(cached);
      String reader = tenant.holder("conversations:read");
      assertThat(tenant.authorize(reader, "conversations", "read").getReason()).isEqualTo(Reason.REASON_OK);
      for (TestKeygate keygate : List.of(cached, uncached)) {
        for (String service : all()) {
          assertThat(status(keygate, service)).as(service).isEqualTo(ServingStatus.SERVING);
        }
      }

      pg.close();
      try {
        for (String service : MANAGEMENT) {
          awaitStatus(cached, service, ServingStatus.NOT_SERVING);
          awaitStatus(uncached, service, ServingStatus.NOT_SERVING);
        }
        for (String service : DECISIONS) {
          awaitStatus(uncached, service, ServingStatus.NOT_SERVING);
          assertThat(status(cached, service)).as("%s with keys in the cache", service)
              .isEqualTo(ServingStatus.SERVING);
        }
        awaitStatus(uncached, "", ServingStatus.NOT_SERVING);
        assertThat(status(cached, "")).isEqualTo(ServingStatus.SERVING);
        assertThat(tenant.authorize(reader, "conversations", "read").getReason()).as("a cached key, database down")
            .isEqualTo(Reason.REASON_OK);
      } finally {
        pg = start(port, data);
      }
      for (TestKeygate keygate : List.of(cached, uncached)) {
        for (String service : all()) {
          awaitStatus(keygate, service, ServingStatus.SERVING);
        }
      }
    } finally {
      pg.close();
    }
  }

  private static List<String> all() {
    return java.util.stream.Stream.of(DECISIONS, MANAGEMENT, List.of("")).flatMap(List::stream).toList();
  }

  private static void awaitStatus(TestKeygate keygate, String service, ServingStatus expected) {
    Awaitility.await(service + " " + expected).atMost(Duration.ofSeconds(30))
        .until(() -> status(keygate, service) == expected);
  }

  private static ServingStatus status(TestKeygate keygate, String service) {
    return HealthGrpc.newBlockingStub(keygate.channel).withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
  }

  private static EmbeddedPostgres start(int port, Path data) throws IOException {
    return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
  }
}
