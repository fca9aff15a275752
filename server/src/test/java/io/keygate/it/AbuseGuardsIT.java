package io.keygate.it;

import static io.keygate.it.Grpc.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.keygate.keys.SecretFormat;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.UpdateTenantRequest;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.Expiration;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.ListAuditEventsRequest;
import io.keygate.v1.Reason;
import io.keygate.v1.TokenSpec;
import io.keygate.v1.UpdateScopeRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The guards of issue 14 with holes in them, each tried as an attacker would: guessing management
 * credentials, hiding or respelling the client address, bytes that are no protobuf, times out of
 * any range, scopes nested past what a path can hold, connections held open forever.
 */
class AbuseGuardsIT {
  private static final SecretFormat FORMAT = new SecretFormat(SecretFormat.DEFAULT_PREFIX);

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  // --- 9. Brute force and client addresses ---

  @Test
  void guessingManagementCredentialsIsThrottledAndCostsOneLookupPerDistinctGuess() {
    TestKeygate keygate = FLEET.keygate(Map.of("KEYGATE_AUTH_FAILURE_LIMIT", "20"));
    String guess = FORMAT.generate();
    assertStatus(Status.Code.UNAUTHENTICATED, () -> keygate.keys(guess).listApiKeys(
        ListApiKeysRequest.getDefaultInstance()));
    long misses = keygate.server.cache().misses();
    assertStatus(Status.Code.UNAUTHENTICATED, () -> keygate.keys(guess).listApiKeys(
        ListApiKeysRequest.getDefaultInstance()));
    assertThat(keygate.server.cache().misses()).as("the same guess again: answered from the negative cache")
        .isEqualTo(misses);
    for (int i = 2; i < 20; i++) {
      String another = FORMAT.generate();
      assertStatus(Status.Code.UNAUTHENTICATED, () -> keygate.keys(another).listApiKeys(
          ListApiKeysRequest.getDefaultInstance()));
    }
    assertStatus(Status.Code.RESOURCE_EXHAUSTED, () -> keygate.keys(FORMAT.generate()).listApiKeys(
        ListApiKeysRequest.getDefaultInstance())).hasMessageContaining("failed authentications");
    assertStatus(Status.Code.RESOURCE_EXHAUSTED, () -> keygate.keys(keygate.system.secret()).listApiKeys(
        ListApiKeysRequest.getDefaultInstance()));
  }

  @Test
  void requestsWithoutAClientAddressShareOneAllowance() {
    TestKeygate keygate = FLEET.keygate();
    String secret = keygate.system.secret();
    keygate.tenants(secret).updateTenant(UpdateTenantRequest.newBuilder().setSettings(TenantSettings.newBuilder()
        .setIpLimitRequests(5)).build());
    for (int i = 0; i < 5; i++) {
      assertThat(authorize(keygate, secret, "").getReason()).isEqualTo(Reason.REASON_OK);
    }
    assertThat(authorize(keygate, secret, "").getReason()).as("empty client_ip is the client 'unknown'")
        .isEqualTo(Reason.REASON_IP_RATE_LIMITED);
  }

  @Test
  void everySpellingOfOneAddressAndEveryAddressOfOneSlash64IsOneClient() {
    TestKeygate keygate = FLEET.keygate(Map.of("KEYGATE_AUTH_FAILURE_LIMIT", "10"));
    List<String> spellings = List.of("2001:db8::7", "2001:0db8::7", "2001:DB8::7", "2001:db8:0:0:0:0:0:7",
        "2001:db8::0:7");
    for (int i = 0; i < 10; i++) {
      assertThat(authorize(keygate, FORMAT.generate(), spellings.get(i % 5)).getReason())
          .isEqualTo(Reason.REASON_CREDENTIAL_UNKNOWN);
    }
    String valid = keygate.system.secret();
    assertThat(authorize(keygate, valid, "2001:db8::7").getReason()).isEqualTo(Reason.REASON_IP_RATE_LIMITED);
    assertThat(authorize(keygate, valid, "2001:db8::1:2:3:4").getReason()).as("the same /64")
        .isEqualTo(Reason.REASON_IP_RATE_LIMITED);
    assertThat(authorize(keygate, valid, "2001:db8:0:1::7").getReason()).as("the next /64")
        .isEqualTo(Reason.REASON_OK);
    assertThat(authorize(keygate, valid, "::ffff:192.0.2.9").getReason()).isEqualTo(Reason.REASON_OK);
  }

  @Test
  void aClientAddressThatIsNoIpLiteralIsRefused() {
    TestKeygate keygate = FLEET.keygate();
    for (String bad : List.of("evil.example.com", "192.0.2.1:8080", "[2001:db8::1]", "\u0661.\u0662.\u0663.\u0664",
        "unknown")) {
      assertStatus(Status.Code.INVALID_ARGUMENT, () -> authorize(keygate, keygate.system.secret(), bad))
          .hasMessageContaining("client_ip");
    }
  }

  // --- 12. A hung database bounds every call ---

  @Test
  void aFrozenDatabaseFailsCallsWithinTheirBoundInsteadOfHanging() throws Exception {
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
    FLEET.closeAfterAll(postgres);
    TestKeygate keygate = FLEET.keygate(postgres.getJdbcUrl("postgres", "postgres"), Map.of());
    String admin = keygate.newTenant("frozen").getAdminSecret();
    // The postmaster first, so that it forks no backend after its children are listed: the pool may be
    // opening a connection right now, and a backend forked after the listing would go on answering.
    long postmaster = postmasterPid(postgres);
    List<Long> pids = new ArrayList<>(List.of(postmaster));
    signal("STOP", pids);
    try {
      List<Long> backends = ProcessHandle.of(postmaster).orElseThrow().descendants().map(ProcessHandle::pid).toList();
      assertThat(backends).as("the postmaster's backends").hasSizeGreaterThan(1);
      pids.addAll(backends);
      signal("STOP", backends);
      long start = System.nanoTime();
      assertStatus(Status.Code.UNAVAILABLE, () -> keygate.keys(admin).listApiKeys(
          ListApiKeysRequest.getDefaultInstance()));
      assertStatus(Status.Code.UNAVAILABLE, () -> authorize(keygate, FORMAT.generate(), "192.0.2.1"));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("two calls on a frozen database")
          .isLessThan(Duration.ofSeconds(25));
    } finally {
      signal("CONT", pids);
    }
  }

  // --- 13. Bytes that are no protobuf ---

  @Test
  void aRequestThatIsNoValidProtobufIsAnInvalidArgumentAndIsNotLoggedAsAnError() {
    TestKeygate keygate = FLEET.keygate();
    List<LogRecord> severe = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
          severe.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger grpc = Logger.getLogger("io.grpc");
    grpc.addHandler(capture);
    try {
      // Field 1 (credential, a string) holding bytes that are not UTF-8; then a truncated nesting.
      for (byte[] garbage : List.of(new byte[] {0x0a, 0x02, (byte) 0xff, (byte) 0xfe},
          new byte[] {0x52, 0x7f, 0x0a})) {
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> raw(keygate, "keygate.v1.AuthorizerService/Authorize",
            garbage)).hasMessageContaining("not a valid");
      }
    } finally {
      grpc.removeHandler(capture);
    }
    assertThat(severe).as("grpc-java logged nothing at SEVERE").isEmpty();
  }

  // --- 14. Times out of range ---

  @Test
  void timesOutOfRangeAreInvalidArgumentsNamingTheField() {
    TestKeygate keygate = FLEET.keygate();
    String admin = keygate.newTenant("times").getAdminSecret();
    long year200000 = Instant.parse("+200000-01-01T00:00:00Z").getEpochSecond();
    for (long seconds : new long[] {1L << 62, year200000, Instant.now().plusSeconds(150L * 366 * 86400)
        .getEpochSecond()}) {
      assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.keys(admin).createApiKey(CreateApiKeyRequest
          .newBuilder().setName("far").setExpiration(Expiration.newBuilder().setAt(Timestamp.newBuilder()
              .setSeconds(seconds))).setInitialToken(TokenSpec.getDefaultInstance()).build()))
          .hasMessageContaining("expiration.at");
    }
    for (long seconds : new long[] {1_000_000_000_000_000_000L, -1_000_000_000_000_000_000L}) {
      assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.audit(admin).listAuditEvents(ListAuditEventsRequest
          .newBuilder().setStartTime(Timestamp.newBuilder().setSeconds(seconds)).build()))
          .hasMessageContaining("start_time");
    }
    assertThat(keygate.keys(admin).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount())
        .as("nothing was stored").isEqualTo(1);
  }

  // --- 15. Scope depth ---

  @Test
  void scopesNestNoDeeperThanAPathCanBeResolvedAndADeeperPathAllowsNothing() throws Exception {
    TestKeygate keygate = FLEET.keygate();
    String admin = keygate.newTenant("deep").getAdminSecret();
    String parent = "";
    String root = null;
    for (int depth = 1; depth <= 16; depth++) {
      parent = keygate.scopes(admin).createScope(CreateScopeRequest.newBuilder().setName("level " + depth)
          .setParentId(parent).build()).getScope().getId();
      root = root == null ? parent : root;
    }
    String deepest = parent;
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.scopes(admin).createScope(CreateScopeRequest
        .newBuilder().setName("level 17").setParentId(deepest).build())).hasMessageContaining("16");
    // Written directly, past what Keygate would create: 65 levels under a switched-off root.
    keygate.scopes(admin).updateScope(UpdateScopeRequest.newBuilder().setScopeId(root).setApiAccessEnabled(false)
        .build());
    String below = deepest;
    try (Connection c = DriverManager.getConnection(keygate.jdbcUrl, "postgres", "");
        Statement s = c.createStatement()) {
      String tenant = keygate.tenants(admin).getTenant(io.keygate.v1.GetTenantRequest.getDefaultInstance())
          .getTenant().getId();
      for (int i = 0; i < 49; i++) {
        String id = "scp_01jzdeep" + String.format("%018d", i);
        s.executeUpdate("insert into scopes (id, tenant_id, parent_id, name, kind) values ('" + id + "', '" + tenant
            + "', '" + below + "', 'direct " + i + "', 'team')");
        below = id;
      }
    }
    AuthorizeResponse answer = keygate.authorizer().authorize(AuthorizeRequest.newBuilder().setCredential(admin)
        .setResource("orders").setAction("read").setScopeId(below).setClientIp("192.0.2.1").build());
    assertThat(answer.getDecision()).isEqualTo(io.keygate.v1.Decision.DECISION_DENY);
  }

  // --- 16. Connections are not held forever ---

  @Test
  void idleAndOldConnectionsAreClosedWithGoaway() throws Exception {
    TestKeygate idle = FLEET.keygate(Map.of("KEYGATE_MAX_CONNECTION_IDLE_SECONDS", "1"));
    try (RawHttp2 connection = new RawHttp2(idle.server.port(), 30_000)) {
      assertThat(connection.awaitGoAway().errorCode()).as("NO_ERROR: a graceful close").isZero();
    }
    TestKeygate aging = FLEET.keygate(Map.of("KEYGATE_MAX_CONNECTION_AGE_SECONDS", "1"));
    try (RawHttp2 connection = new RawHttp2(aging.server.port(), 30_000)) {
      assertThat(connection.awaitGoAway().errorCode()).isZero();
    }
  }

  // --- helpers ---

  private static AuthorizeResponse authorize(TestKeygate keygate, String secret, String ip) {
    return keygate.authorizer().authorize(AuthorizeRequest.newBuilder().setCredential(secret).setResource("api-keys")
        .setAction("read").setClientIp(ip).build());
  }

  private static byte[] raw(TestKeygate keygate, String method, byte[] body) {
    MethodDescriptor.Marshaller<byte[]> bytes = new MethodDescriptor.Marshaller<>() {
      @Override
      public InputStream stream(byte[] value) {
        return new ByteArrayInputStream(value);
      }

      @Override
      public byte[] parse(InputStream stream) {
        try {
          return stream.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    MethodDescriptor<byte[], byte[]> descriptor = MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(method).setRequestMarshaller(bytes)
        .setResponseMarshaller(bytes).build();
    return ClientCalls.blockingUnaryCall(keygate.channel, descriptor,
        CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS), body);
  }

  /** The PostgreSQL server's own process: the first line of postmaster.pid in its data directory. */
  private static long postmasterPid(io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("show data_directory")) {
      rs.next();
      return Long.parseLong(java.nio.file.Files.readAllLines(java.nio.file.Path.of(rs.getString(1), "postmaster.pid"))
          .get(0).trim());
    }
  }

  private static void signal(String signal, List<Long> pids) throws Exception {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    pids.forEach(pid -> command.add(Long.toString(pid)));
    assertThat(new ProcessBuilder(command).inheritIO().start().waitFor(10, TimeUnit.SECONDS)).isTrue();
  }
}
