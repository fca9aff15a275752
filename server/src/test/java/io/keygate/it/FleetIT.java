package io.keygate.it;

import static io.keygate.it.Grpc.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.keygate.fleet.v1.FleetServiceGrpc;
import io.keygate.fleet.v1.LookupCredentialRequest;
import io.keygate.keys.SecretFormat;
import io.keygate.testing.Ports;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.Reason;
import io.keygate.v1.RevokeApiKeyRequest;
import io.keygate.v1.TokenSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fleet mode with real processes' parts: PostgreSQL, two central replicas (database-mode Keygates
 * with the fleet token, on fixed ports so they can be restarted where the sidecars look for them)
 * and three edge sidecars that hold no database connection. Every test starts a fresh fleet.
 */
class FleetIT {
  private static final String TOKEN = "fleet-token-for-the-tests-0123456789abcdef";
  private static final Duration BOUND = Duration.ofSeconds(5);
  private static final AtomicInteger IPS = new AtomicInteger();

  private final List<AutoCloseable> open = new ArrayList<>();
  private String db;
  private final int[] centralPorts = {Ports.reserve(), Ports.reserve()};
  private final TestKeygate[] centrals = new TestKeygate[2];
  private final List<TestKeygate> edges = new ArrayList<>();
  private String admin;
  private String role;

  @BeforeEach
  void startFleet() {
    db = TestPostgres.newDatabase();
    for (int i = 0; i < 2; i++) {
      centrals[i] = central(i);
    }
    for (int i = 0; i < 3; i++) {
      edge();
    }
    // Management through an edge: passed on to the central tier.
    admin = edges.get(0).tenants(centrals[0].system.secret()).createTenant(io.keygate.v1.CreateTenantRequest
        .newBuilder().setName("fleet").build()).getAdminSecret();
    role = edges.get(1).roles(admin).createRole(CreateRoleRequest.newBuilder().setName("reader")
        .addPermissions("conversations:read").build()).getRole().getId();
  }

  @AfterEach
  void stopFleet() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void edgeSidecarsAuthorizeAndManageWithoutADatabase() throws Exception {
    String secret = key().getSecret();
    for (TestKeygate edge : edges) {
      assertThat(edge.server.database()).as("an edge holds no database").isNull();
      assertThat(authorize(edge, secret).getReason()).isEqualTo(Reason.REASON_OK);
    }
    assertThat(edges.get(2).keys(admin).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount())
        .isEqualTo(2);
    int before = connections();
    for (int i = 0; i < 3; i++) {
      TestKeygate more = edge();
      assertThat(authorize(more, secret).getReason()).isEqualTo(Reason.REASON_OK);
    }
    assertThat(connections()).as("more edges, no more database connections").isLessThanOrEqualTo(before);
  }

  @Test
  void aRevocationThroughOneEdgeIsDeniedByEveryOtherWithinTheBound() {
    CreateApiKeyResponse key = key();
    for (TestKeygate edge : edges) {
      assertThat(authorize(edge, key.getSecret()).getReason()).isEqualTo(Reason.REASON_OK); // now cached
    }
    edges.get(0).keys(admin).revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(key.getApiKey().getId())
        .build());
    for (TestKeygate edge : edges) {
      await().atMost(BOUND).until(() -> authorize(edge, key.getSecret()).getReason()
          == Reason.REASON_CREDENTIAL_REVOKED);
    }
  }

  @Test
  void withTheCentralTierDownCachedKeysAreServedUncachedOnesAreUnavailableAndAllRecovers() {
    String cached = key().getSecret();
    String uncached = key().getSecret();
    TestKeygate edge = edges.get(0);
    assertThat(authorize(edge, cached).getReason()).isEqualTo(Reason.REASON_OK);
    stopCentrals();
    assertThat(authorize(edge, cached).getReason()).as("from the cache, within its TTL").isEqualTo(Reason.REASON_OK);
    assertStatus(Status.Code.UNAVAILABLE, () -> authorize(edge, uncached)).as("never an allow for an unknown one");
    assertStatus(Status.Code.UNAVAILABLE, () -> edge.keys(admin).listApiKeys(ListApiKeysRequest.getDefaultInstance()));
    for (int i = 0; i < 2; i++) {
      centrals[i] = central(i);
    }
    await().atMost(BOUND).until(() -> edge.server.changeFeed().connected());
    assertThat(authorize(edge, uncached).getReason()).isEqualTo(Reason.REASON_OK);
    assertThat(edge.keys(admin).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount()).isEqualTo(3);
  }

  @Test
  void changesMadeWhileAnEdgeWasAwayAreReplayedWhenItReconnects() {
    CreateApiKeyResponse key = key();
    TestKeygate edge = edges.get(2);
    assertThat(authorize(edge, key.getSecret()).getReason()).isEqualTo(Reason.REASON_OK);
    long resyncs = edge.server.changeFeed().resyncs();
    stopCentrals();
    // Meanwhile, a change straight in the database (as another central replica would make it).
    TestKeygate direct = TestKeygate.start(db);
    open.add(direct);
    direct.keys(admin).revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(key.getApiKey().getId()).build());
    assertThat(authorize(edge, key.getSecret()).getReason()).as("still cached").isEqualTo(Reason.REASON_OK);
    for (int i = 0; i < 2; i++) {
      centrals[i] = central(i);
    }
    await().atMost(BOUND).until(() -> authorize(edge, key.getSecret()).getReason()
        == Reason.REASON_CREDENTIAL_REVOKED);
    assertThat(edge.server.changeFeed().resyncs()).as("replayed, not resynced").isEqualTo(resyncs);
  }

  @Test
  void aGapBeyondWhatTheLogKeepsDropsTheEdgesCache() throws Exception {
    String secret = key().getSecret();
    TestKeygate edge = edges.get(1);
    assertThat(authorize(edge, secret).getReason()).isEqualTo(Reason.REASON_OK);
    long resyncs = edge.server.changeFeed().resyncs();
    stopCentrals();
    TestKeygate direct = TestKeygate.start(db);
    open.add(direct);
    key(direct); // a change the edge misses …
    try (Connection c = DriverManager.getConnection(db, "postgres", ""); Statement s = c.createStatement()) {
      s.execute("delete from change_log"); // … and the log pruned past it
    }
    for (int i = 0; i < 2; i++) {
      centrals[i] = central(i);
    }
    await().atMost(BOUND).until(() -> edge.server.changeFeed().resyncs() > resyncs);
    assertThat(edge.server.cache().size()).as("the cache was dropped").isZero();
    assertThat(authorize(edge, secret).getReason()).isEqualTo(Reason.REASON_OK);
  }

  /**
   * Decisions see no error while the replicas restart one by one. (A management call in flight on a
   * replica that goes away can fail UNAVAILABLE — retryable — since Keygate never retries a change
   * itself; the keys are made before the rollout.)
   */
  @Test
  void aRollingRestartOfTheCentralReplicasCausesNoDecisionErrorAtTheSidecars() throws Exception {
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      secrets.add(key().getSecret());
    }
    List<String> uncached = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      uncached.add(key().getSecret());
    }
    for (int replica = 0; replica < 2; replica++) {
      centrals[replica].close();
      open.remove(centrals[replica]);
      for (int round = 0; round < 20; round++) {
        for (TestKeygate edge : edges) {
          for (String secret : secrets) {
            assertThat(authorize(edge, secret).getReason()).as("replica %d down, round %d", replica, round)
                .isEqualTo(Reason.REASON_OK);
          }
        }
        // Uncached lookups go to the replica that is up.
        assertThat(authorize(edges.get(round % 3), uncached.get(replica * 20 + round)).getReason())
            .isEqualTo(Reason.REASON_OK);
      }
      centrals[replica] = central(replica);
    }
    for (TestKeygate edge : edges) {
      await().atMost(BOUND).until(() -> edge.server.changeFeed().connected());
    }
  }

  @Test
  void theFleetApiAnswersOnlyWithTheFleetToken() throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", centralPorts[0]).usePlaintext().build();
    open.add(channel::shutdownNow);
    LookupCredentialRequest lookup = LookupCredentialRequest.newBuilder()
        .setDigest(ByteString.copyFrom(SecretFormat.digest(key().getSecret()))).build();
    assertStatus(Status.Code.UNAUTHENTICATED, () -> FleetServiceGrpc.newBlockingStub(channel).lookupCredential(lookup));
    assertStatus(Status.Code.UNAUTHENTICATED, () -> fleet(channel, "another-token-of-at-least-32-characters!")
        .lookupCredential(lookup));
    assertThat(fleet(channel, TOKEN).lookupCredential(lookup).getRecord().getApiKeyId()).isNotEmpty();
    assertThat(fleet(channel, TOKEN).lookupCredential(lookup).toString()).as("never a secret").doesNotContain("lk_");
  }

  // --- the fleet ---

  private TestKeygate central(int i) {
    Map<String, String> env = new HashMap<>();
    env.put("KEYGATE_PORT", Integer.toString(centralPorts[i]));
    env.put("KEYGATE_FLEET_TOKEN", TOKEN);
    env.put("KEYGATE_SHUTDOWN_GRACE_SECONDS", "1");
    TestKeygate central = TestKeygate.start(db, env);
    open.add(central);
    return central;
  }

  private TestKeygate edge() {
    TestKeygate edge = TestKeygate.edge(List.of(centrals), TOKEN, Map.of("KEYGATE_CENTRAL_TIMEOUT_MS", "1000"));
    open.add(edge);
    edges.add(edge);
    await().atMost(BOUND).until(() -> edge.server.changeFeed().connected());
    return edge;
  }

  private void stopCentrals() {
    for (int i = 0; i < 2; i++) {
      centrals[i].close();
      open.remove(centrals[i]);
    }
  }

  private CreateApiKeyResponse key() {
    return key(edges.get(0));
  }

  private CreateApiKeyResponse key(TestKeygate through) {
    return through.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("k").setRoleId(role)
        .setInitialToken(TokenSpec.getDefaultInstance()).build());
  }

  private static AuthorizeResponse authorize(TestKeygate edge, String secret) {
    return edge.authorizer().withDeadlineAfter(10, TimeUnit.SECONDS).authorize(AuthorizeRequest.newBuilder()
        .setCredential(secret).setResource("conversations").setAction("read")
        .setClientIp("192.0.2." + (1 + IPS.incrementAndGet() % 250)).build());
  }

  private static FleetServiceGrpc.FleetServiceBlockingStub fleet(ManagedChannel channel, String token) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("x-keygate-fleet-token", Metadata.ASCII_STRING_MARSHALLER), token);
    return FleetServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
        headers)).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  /** Client connections to the test database now. */
  private int connections() throws Exception {
    try (Connection c = DriverManager.getConnection(db, "postgres", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where datname = current_database()"
            + " and pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
