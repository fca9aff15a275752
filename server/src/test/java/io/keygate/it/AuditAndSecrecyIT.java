package io.keygate.it;

import static io.keygate.it.Grpc.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.keygate.v1.AuditEvent;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.CreateTokenRequest;
import io.keygate.v1.DeleteApiKeyRequest;
import io.keygate.v1.ListAuditEventsRequest;
import io.keygate.v1.ListAuditEventsResponse;
import io.keygate.v1.RotateTokenRequest;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every change leaves one audit row; a failed change leaves nothing; no secret is ever stored. */
class AuditAndSecrecyIT {
  private static TestKeygate keygate;
  private static CreateTenantResponse tenant;
  private static String admin;

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  @BeforeAll
  static void start() {
    keygate = FLEET.keygate();
    tenant = keygate.newTenant("audited");
    admin = tenant.getAdminSecret();
  }


  @Test
  void eachChangeIsAuditedWithActorTargetTimeAndAddress() {
    Instant before = Instant.now().minusSeconds(1);
    CreateApiKeyResponse key = keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("audited key")
        .setInitialToken(TokenSpec.getDefaultInstance()).build());
    String keyId = key.getApiKey().getId();
    keygate.keys(admin).rotateToken(RotateTokenRequest.newBuilder().setTokenId(key.getToken().getId()).build());
    keygate.keys(admin).deleteApiKey(DeleteApiKeyRequest.newBuilder().setApiKeyId(keyId).build());

    List<AuditEvent> onKey = keygate.audit(admin).listAuditEvents(ListAuditEventsRequest.newBuilder()
        .setTargetId(keyId).build()).getEventsList();
    assertThat(onKey).extracting(AuditEvent::getAction).containsExactly("api_key.delete", "api_key.create");
    AuditEvent created = onKey.get(1);
    assertThat(created.getActorPrincipalId()).isEqualTo(tenant.getAdminPrincipal().getId());
    assertThat(created.getActorApiKeyId()).isEqualTo(tenant.getAdminApiKeyId());
    assertThat(created.getClientIp()).isEqualTo("127.0.0.1");
    assertThat(created.getTime().getSeconds()).isGreaterThanOrEqualTo(before.getEpochSecond());
    assertThat(created.getDetailsMap()).containsEntry("name", "audited key");

    List<AuditEvent> rotations = keygate.audit(admin).listAuditEvents(ListAuditEventsRequest.newBuilder()
        .setAction("token.rotate").setStartTime(Timestamp.newBuilder().setSeconds(before.getEpochSecond()))
        .build()).getEventsList();
    assertThat(rotations).hasSize(1);
    assertThat(rotations.get(0).getTargetId()).isEqualTo(key.getToken().getId());
    assertThat(keygate.audit(admin).listAuditEvents(ListAuditEventsRequest.newBuilder()
        .setActorPrincipalId("prn_00000000000000000000000000").build()).getEventsCount()).isZero();
  }

  @Test
  void auditLogPagesNewestFirstAndStaysInsideTheTenant() {
    for (int i = 0; i < 3; i++) {
      keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("paged-" + i).build());
    }
    ListAuditEventsResponse first = keygate.audit(admin).listAuditEvents(ListAuditEventsRequest.newBuilder()
        .setAction("role.create").setPageSize(2).build());
    assertThat(first.getEventsList()).extracting(e -> e.getDetailsMap().get("name"))
        .containsExactly("paged-2", "paged-1");
    ListAuditEventsResponse second = keygate.audit(admin).listAuditEvents(ListAuditEventsRequest.newBuilder()
        .setAction("role.create").setPageSize(2).setPageToken(first.getNextPageToken()).build());
    assertThat(second.getEventsList()).extracting(e -> e.getDetailsMap().get("name")).contains("paged-0");
    CreateTenantResponse other = keygate.newTenant("someone else");
    assertThat(keygate.audit(other.getAdminSecret()).listAuditEvents(ListAuditEventsRequest.getDefaultInstance())
        .getEventsList()).extracting(AuditEvent::getTenantId).containsOnly(other.getTenant().getId());
  }

  @Test
  void aChangeThatFailsHalfwayLeavesNoKeyNoTokenAndNoAuditRow() throws SQLException {
    CreateTenantResponse capped = keygate.newTenant("capped", TenantSettings.newBuilder()
        .setMaxActiveTokensPerPrincipal(1).build());
    Map<String, Long> before = counts(capped.getTenant().getId());
    assertStatus(Status.Code.FAILED_PRECONDITION, () -> keygate.keys(capped.getAdminSecret()).createApiKey(
        CreateApiKeyRequest.newBuilder().setName("over the cap").setInitialToken(TokenSpec.getDefaultInstance())
            .build()));
    assertStatus(Status.Code.NOT_FOUND, () -> keygate.keys(capped.getAdminSecret()).createApiKey(
        CreateApiKeyRequest.newBuilder().setName("bad role").setRoleId("rol_00000000000000000000000000").build()));
    assertThat(counts(capped.getTenant().getId())).isEqualTo(before);
  }

  @Test
  void theDatabaseHoldsNoSecretOnlyDigests() throws SQLException {
    CreateApiKeyResponse key = keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("secret")
        .setInitialToken(TokenSpec.getDefaultInstance()).build());
    String second = keygate.keys(admin).createToken(CreateTokenRequest.newBuilder()
        .setApiKeyId(key.getApiKey().getId()).build()).getSecret();
    String rotated = keygate.keys(admin).rotateToken(RotateTokenRequest.newBuilder()
        .setTokenId(key.getToken().getId()).build()).getSecret();
    List<String> current = List.of(keygate.system.secret(), admin, second, rotated);

    String dump = dumpEveryTable();
    assertThat(dump).contains(key.getApiKey().getId());
    for (String secret : concat(current, key.getSecret())) {
      String body = secret.substring(3);
      assertThat(dump).doesNotContain(body).doesNotContain(body.substring(8, 40));
    }
    for (String secret : current) {
      assertThat(dump).as("the SHA-256 digest is what is stored")
          .contains(HexFormat.of().formatHex(io.keygate.keys.SecretFormat.digest(secret)));
    }
    assertThat(dump).as("a secret rotated away without grace leaves no digest behind")
        .doesNotContain(HexFormat.of().formatHex(io.keygate.keys.SecretFormat.digest(key.getSecret())));
  }

  private static List<String> concat(List<String> list, String more) {
    List<String> all = new ArrayList<>(list);
    all.add(more);
    return all;
  }

  private static Map<String, Long> counts(String tenantId) throws SQLException {
    try (Connection c = DriverManager.getConnection(keygate.jdbcUrl, "postgres", "")) {
      return Map.of(
          "api_keys", count(c, "select count(*) from api_keys where tenant_id = '" + tenantId + "'"),
          "tokens", count(c, "select count(*) from tokens where tenant_id = '" + tenantId + "'"),
          "token_secrets", count(c, "select count(*) from token_secrets"),
          "audit_events", count(c, "select count(*) from audit_events where tenant_id = '" + tenantId + "'"));
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every row of every table in the schema as text (bytea as hex), like a plain-text dump. */
  private static String dumpEveryTable() throws SQLException {
    StringBuilder dump = new StringBuilder();
    try (Connection c = DriverManager.getConnection(keygate.jdbcUrl, "postgres", "");
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertThat(tables).contains("tenants", "api_keys", "tokens", "token_secrets", "audit_events");
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("select t::text from \"" + table + "\" t")) {
          while (rs.next()) {
            dump.append(rs.getString(1)).append('\n');
          }
        }
      }
    }
    return dump.toString().replace("\\\\x", "").replace("\\x", "");
  }
}
