package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.keygate.keys.SecretFormat;
import io.keygate.server.KeygateServer;
import io.keygate.store.postgres.PgChangeFeed;
import io.keygate.testing.Ports;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.GetApiKeyRequest;
import io.keygate.v1.KeyRateLimit;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.ListAuditEventsRequest;
import io.keygate.v1.Reason;
import io.keygate.v1.TokenSpec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a sidecar must survive, against real servers: PostgreSQL stopped and restarted under it,
 * a database too slow for the caller's deadline, many sidecars migrating one empty database at once,
 * a graceful shutdown under load, and a keepalive ping flood.
 */
class FaultsIT {
  private static final List<String> OTHER = java.util.Collections.synchronizedList(new ArrayList<>());

  @TempDir
  static Path dir;

  /**
   * Cached keys keep working through a database outage (within the cache TTL, the documented
   * staleness bound); an uncached key gets UNAVAILABLE, never an allow; management calls fail
   * cleanly; everything recovers when PostgreSQL is back, without restarting the sidecar. The outage
   * begins only once the change feed has applied every change so far — the notice of the cached
   * key's own creation among them, which must leave the key cached.
   */
  @Test
  void postgresOutageServesCachedKeysRefusesTheRestAndRecovers() throws Exception {
    int port = Ports.reserve();
    Path data = Files.createDirectories(dir.resolve("pg-outage"));
    EmbeddedPostgres pg = startPostgres(port, data);
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (TestKeygate keygate = TestKeygate.start(url)) {
      CreateTenantResponse tenant = keygate.newTenant("outage");
      String admin = tenant.getAdminSecret();
      String role = keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("reader")
          .addPermissions("conversations:read").build()).getRole().getId();
      String cached = newKey(keygate, admin, role);
      String uncached = newKey(keygate, admin, role);
      assertThat(authorize(keygate, cached).getReason()).isEqualTo(Reason.REASON_OK);
      long committed = PgChangeFeed.currentPosition(keygate.server.database());
      await(() -> keygate.server.changeFeed().position() >= committed, "the feed applying every change so far");
      long misses = keygate.server.cache().misses();
      assertThat(authorize(keygate, cached).getReason()).isEqualTo(Reason.REASON_OK);
      assertThat(keygate.server.cache().misses()).as("the cached key is still cached").isEqualTo(misses);

      pg.close();
      try {
        for (int i = 0; i < 20; i++) {
          assertThat(authorize(keygate, cached).getReason()).as("cached key, call %d", i + 1)
              .isEqualTo(Reason.REASON_OK);
        }
        StatusRuntimeException unknown = catchStatus(() -> authorize(keygate, uncached));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(unknown.getStatus().getDescription()).doesNotContain(uncached);
        // A malformed key needs no database: still a plain 401.
        assertThat(authorize(keygate, "lk_nope").getHttpStatus()).isEqualTo(401);
        StatusRuntimeException manage = catchStatus(() -> keygate.keys(admin).listApiKeys(
            ListApiKeysRequest.getDefaultInstance()));
        assertThat(manage.getStatus().getCode()).as("management needs the database: a clean UNAVAILABLE")
            .isEqualTo(Status.Code.UNAVAILABLE);
      } finally {
        pg = startPostgres(port, data);
      }
      await(() -> {
        try {
          return authorize(keygate, uncached).getReason() == Reason.REASON_OK;
        } catch (StatusRuntimeException e) {
          return false;
        }
      }, "the uncached key once PostgreSQL is back");
      assertThat(keygate.keys(admin).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount())
          .isEqualTo(3);
      await(() -> keygate.server.changeFeed().connected(), "the change feed reconnecting");
    } finally {
      pg.close();
    }
  }

  /** A deadline that passes while the database is stuck ends in DEADLINE_EXCEEDED, never an allow. */
  @Test
  void aDeadlinePassingMidDecisionIsAnErrorNeverAnAllow() throws Exception {
    String url = TestPostgres.newDatabase();
    try (TestKeygate keygate = TestKeygate.start(url)) {
      CreateTenantResponse tenant = keygate.newTenant("deadline");
      String admin = tenant.getAdminSecret();
      String role = keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("reader")
          .addPermissions("conversations:read").build()).getRole().getId();
      String secret = newKey(keygate, admin, role);
      try (Connection lock = DriverManager.getConnection(url, "postgres", "");
          Statement s = lock.createStatement()) {
        lock.setAutoCommit(false);
        s.execute("lock table token_secrets in access exclusive mode");
        for (int i = 0; i < 3; i++) {
          StatusRuntimeException late = catchStatus(() -> keygate.authorizer().withDeadlineAfter(300,
              TimeUnit.MILLISECONDS).authorize(request(secret)));
          assertThat(late.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        }
        lock.rollback();
      }
      assertThat(authorize(keygate, secret).getReason()).isEqualTo(Reason.REASON_OK);
    }
  }

  /** Several sidecars on one empty database: one migrates, the others wait; one bootstrap wins. */
  @Test
  void sidecarsStartingTogetherOnAnEmptyDatabaseMigrateOnceAndAllServe() throws Exception {
    String url = TestPostgres.newDatabase();
    int n = 4;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<KeygateServer> servers = new ArrayList<>();
    try {
      List<Callable<KeygateServer>> starts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        starts.add(() -> KeygateServer.start(TestKeygate.config(url, Map.of())));
      }
      for (Future<KeygateServer> f : pool.invokeAll(starts)) {
        servers.add(f.get(120, TimeUnit.SECONDS));
      }
      List<Callable<Boolean>> bootstraps = new ArrayList<>();
      for (KeygateServer server : servers) {
        bootstraps.add(() -> server.bootstrap().bootstrapIfEmpty().isPresent());
      }
      int created = 0;
      for (Future<Boolean> f : pool.invokeAll(bootstraps)) {
        created += f.get() ? 1 : 0;
      }
      assertThat(created).as("bootstraps that created the system tenant").isEqualTo(1);
      try (Connection c = DriverManager.getConnection(url, "postgres", "");
          Statement s = c.createStatement()) {
        ResultSet history = s.executeQuery("select version, count(*) from flyway_schema_history"
            + " where version is not null group by version having count(*) > 1 or bool_and(not success)");
        assertThat(history.next()).as("a migration applied twice or failed").isFalse();
        ResultSet tenants = s.executeQuery("select count(*) from tenants");
        tenants.next();
        assertThat(tenants.getInt(1)).isEqualTo(1);
      }
      for (KeygateServer server : servers) {
        try (TestChannel channel = new TestChannel(server.port())) {
          assertThat(HealthGrpc.newBlockingStub(channel.channel).withDeadlineAfter(5, TimeUnit.SECONDS)
              .check(HealthCheckRequest.getDefaultInstance()).getStatus())
              .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        }
      }
    } finally {
      servers.forEach(KeygateServer::close);
      pool.shutdownNow();
    }
  }

  /**
   * Shutdown under load: calls in flight complete, later ones are refused (UNAVAILABLE), health is
   * NOT_SERVING, the usage of every allowed call is flushed, and a restart loses nothing.
   */
  @Test
  void gracefulShutdownUnderLoadFlushesUsageAndARestartLosesNothing() throws Exception {
    String url = TestPostgres.newDatabase();
    TestKeygate first = TestKeygate.start(url);
    CreateTenantResponse tenant = first.newTenant("shutdown");
    String admin = tenant.getAdminSecret();
    String role = first.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("reader")
        .addPermissions("conversations:read").build()).getRole().getId();
    var created = first.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("busy").setRoleId(role)
        .setRateLimit(KeyRateLimit.newBuilder().setRequestsPerMinute(0))
        .setInitialToken(TokenSpec.getDefaultInstance()).build());
    String secret = created.getSecret();
    long auditBefore = first.audit(admin).listAuditEvents(ListAuditEventsRequest.newBuilder().setPageSize(100)
        .build()).getEventsCount();
    AtomicBoolean stop = new AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger allowedSoFar = new java.util.concurrent.atomic.AtomicInteger();
    ExecutorService load = Executors.newFixedThreadPool(4);
    List<Future<int[]>> results = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      results.add(load.submit(() -> {
        int[] counts = new int[3]; // allowed, refused (UNAVAILABLE), errors other than UNAVAILABLE
        while (!stop.get()) {
          try {
            AuthorizeResponse r = first.authorizer().authorize(request(secret));
            if (r.getReason() == Reason.REASON_OK) {
              counts[0]++;
              allowedSoFar.incrementAndGet();
            }
          } catch (StatusRuntimeException e) {
            counts[e.getStatus().getCode() == Status.Code.UNAVAILABLE ? 1 : 2]++;
            if (e.getStatus().getCode() != Status.Code.UNAVAILABLE) {
              OTHER.add(e.getStatus().toString());
            }
            if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
              return counts;
            }
          }
        }
        return counts;
      }));
    }
    List<HealthCheckResponse.ServingStatus> watched = java.util.Collections.synchronizedList(new ArrayList<>());
    HealthGrpc.newStub(first.channel).watch(HealthCheckRequest.getDefaultInstance(),
        new io.grpc.stub.StreamObserver<>() {
          @Override
          public void onNext(HealthCheckResponse value) {
            watched.add(value.getStatus());
          }

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onCompleted() {}
        });
    await(() -> allowedSoFar.get() >= 200, "load under way: 200 calls allowed");
    first.server.close();
    // Every caller stops at its first refusal; none may have seen any other error.
    stop.set(true);
    int allowed = 0;
    int other = 0;
    for (Future<int[]> f : results) {
      int[] c = f.get(30, TimeUnit.SECONDS);
      allowed += c[0];
      other += c[2];
    }
    load.shutdownNow();
    first.channel.shutdownNow();
    assertThat(allowed).isPositive();
    assertThat(watched).as("health as a watcher (Envoy, a load balancer) saw it").containsSubsequence(
        HealthCheckResponse.ServingStatus.SERVING, HealthCheckResponse.ServingStatus.NOT_SERVING);
    assertThat(other).as("errors other than UNAVAILABLE: %s", OTHER.stream().distinct()
        .toList()).isZero();

    try (TestKeygate second = TestKeygate.start(url)) {
      var stored = second.keys(admin).getApiKey(GetApiKeyRequest.newBuilder()
          .setApiKeyId(created.getApiKey().getId()).build()).getApiKey();
      assertThat(stored.getRequestCount()).as("usage of every allowed call was flushed on shutdown")
          .isEqualTo(allowed);
      assertThat(second.authorizer().authorize(request(secret)).getReason()).isEqualTo(Reason.REASON_OK);
      assertThat(second.audit(admin).listAuditEvents(ListAuditEventsRequest.newBuilder().setPageSize(100).build())
          .getEventsCount()).isEqualTo(auditBefore);
    }
  }

  /**
   * A connection may have KEYGATE_MAX_CONCURRENT_STREAMS calls open at once. The server says so in its SETTINGS;
   * a client that opens one more anyway has that stream refused, and only that one.
   */
  @Test
  void aStreamBeyondTheConnectionsLimitIsRefused() throws Exception {
    try (TestKeygate keygate = TestKeygate.start(TestPostgres.newDatabase(),
            Map.of("KEYGATE_MAX_CONCURRENT_STREAMS", "2"));
        RawHttp2 connection = new RawHttp2(keygate.server.port(), 10_000)) {
      // SETTINGS_MAX_CONCURRENT_STREAMS
      assertThat(connection.awaitSettings()).as("the server's SETTINGS").containsEntry(0x3, 2L);
      connection.send(4, 0x1, new byte[0]); // SETTINGS ACK: a server enforces its settings once they are acknowledged
      String authorize = "/" + io.keygate.v1.AuthorizerServiceGrpc.getAuthorizeMethod().getFullMethodName();
      for (int stream : new int[] {1, 3, 5}) {
        connection.openCall(stream, authorize); // headers only: each call stays open, awaiting its message
      }
      assertThat(connection.awaitReset()).isEqualTo(new RawHttp2.Reset(5, 0x7)); // REFUSED_STREAM, the third only
    }
  }

  /**
   * A gRPC client respects the limit: a burst of calls beyond it on one connection waits in the client and is
   * answered whole, none refused or shed.
   */
  @Test
  void aBurstBeyondTheStreamLimitWaitsInTheClientAndIsAnsweredWhole() throws Exception {
    try (TestKeygate keygate = TestKeygate.start(TestPostgres.newDatabase(),
        Map.of("KEYGATE_MAX_CONCURRENT_STREAMS", "2"))) {
      var stub = io.keygate.v1.AuthorizerServiceGrpc.newFutureStub(keygate.channel)
          .withDeadlineAfter(30, TimeUnit.SECONDS);
      SecretFormat format = new SecretFormat(SecretFormat.DEFAULT_PREFIX);
      List<com.google.common.util.concurrent.ListenableFuture<AuthorizeResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(stub.authorize(AuthorizeRequest.newBuilder().setCredential(format.generate())
            .setResource("conversations").setAction("read").setClientIp("198.18.3." + (i % 200)).build()));
      }
      for (var call : calls) {
        assertThat(call.get(30, TimeUnit.SECONDS).getReason()).isEqualTo(Reason.REASON_CREDENTIAL_UNKNOWN);
      }
    }
  }

  /** HTTP/2 PING frames without calls, far faster than the server permits: it answers with GOAWAY. */
  @Test
  void aKeepalivePingFloodIsAnsweredWithGoaway() throws Exception {
    try (TestKeygate keygate = TestKeygate.start(TestPostgres.newDatabase());
        RawHttp2 connection = new RawHttp2(keygate.server.port(), 10_000)) {
      // All in one write: the server hangs up after the third, and a ping written after that met a reset
      // connection (a broken pipe) when the test's thread was slower than the server's.
      byte[][] pings = new byte[20][];
      for (int i = 0; i < pings.length; i++) {
        pings[i] = RawHttp2.frame(6, 0, new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) i}); // PING
      }
      connection.sendAll(pings);
      RawHttp2.GoAway goAway = connection.awaitGoAway();
      assertThat(goAway.errorCode()).as("GOAWAY error code").isEqualTo(0xb); // ENHANCE_YOUR_CALM
      assertThat(goAway.debug()).contains("too_many_pings");
    }
  }

  /**
   * Overload: with the RPC executor's threads stuck (the database is locked) and its bounded queue
   * full, further calls fail at once with RESOURCE_EXHAUSTED or UNAVAILABLE instead of queueing
   * without bound; when the database is free again the sidecar serves as before.
   */
  @Test
  void aSaturatedExecutorRefusesCallsAtOnceAndRecovers() throws Exception {
    String url = TestPostgres.newDatabase();
    KeygateServer server = KeygateServer.start(TestKeygate.config(url, Map.of("KEYGATE_EXECUTOR_THREADS", "1")));
    io.grpc.ManagedChannel channel = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder
        .forAddress("127.0.0.1", server.port()).usePlaintext().build();
    SecretFormat format = new SecretFormat(SecretFormat.DEFAULT_PREFIX);
    try (Connection lock = DriverManager.getConnection(url, "postgres", "");
        Statement s = lock.createStatement()) {
      lock.setAutoCommit(false);
      s.execute("lock table token_secrets in access exclusive mode");
      int calls = 600;
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(calls);
      java.util.concurrent.ConcurrentHashMap<Status.Code, java.util.concurrent.atomic.AtomicInteger> codes =
          new java.util.concurrent.ConcurrentHashMap<>();
      long start = System.nanoTime();
      List<Long> refusedAfter = java.util.Collections.synchronizedList(new ArrayList<>());
      var stub = io.keygate.v1.AuthorizerServiceGrpc.newStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
      for (int i = 0; i < calls; i++) {
        stub.authorize(AuthorizeRequest.newBuilder().setCredential(format.generate()).setResource("conversations")
            .setAction("read").setClientIp("198.18.1." + (i % 200)).build(), new io.grpc.stub.StreamObserver<>() {
              @Override
              public void onNext(AuthorizeResponse value) {
                codes.computeIfAbsent(Status.Code.OK, k -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
              }

              @Override
              public void onError(Throwable t) {
                Status.Code code = Status.fromThrowable(t).getCode();
                codes.computeIfAbsent(code, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                if (code == Status.Code.RESOURCE_EXHAUSTED || code == Status.Code.UNAVAILABLE) {
                  refusedAfter.add((System.nanoTime() - start) / 1_000_000);
                }
                done.countDown();
              }

              @Override
              public void onCompleted() {
                done.countDown();
              }
            });
      }
      // The refusals arrive while the database is still locked: they did not wait for a thread.
      await(() -> refusedAfter.size() >= calls - 300, "refusals of the calls beyond the in-flight limit");
      lock.rollback();
      assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(codes.keySet()).as("%s", codes).isSubsetOf(Status.Code.OK, Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.UNAVAILABLE);
      assertThat(codes.get(Status.Code.OK)).as("admitted calls were decided once the database was free: %s", codes)
          .isNotNull();
    } finally {
      channel.shutdownNow();
    }
    try {
      io.grpc.ManagedChannel fresh = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder
          .forAddress("127.0.0.1", server.port()).usePlaintext().build();
      assertThat(io.keygate.v1.AuthorizerServiceGrpc.newBlockingStub(fresh).withDeadlineAfter(10, TimeUnit.SECONDS)
          .authorize(AuthorizeRequest.newBuilder().setCredential(format.generate()).setResource("conversations")
              .setAction("read").setClientIp("198.18.2.1").build()).getReason())
          .isEqualTo(Reason.REASON_CREDENTIAL_UNKNOWN);
      fresh.shutdownNow();
    } finally {
      server.close();
    }
  }

  // --- helpers ---

  private static EmbeddedPostgres startPostgres(int port, Path data) throws IOException {
    return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
  }

  private static String newKey(TestKeygate keygate, String admin, String role) {
    return keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("k").setRoleId(role)
        .setInitialToken(TokenSpec.getDefaultInstance()).build()).getSecret();
  }

  private static AuthorizeRequest request(String secret) {
    return AuthorizeRequest.newBuilder().setCredential(secret).setResource("conversations").setAction("read")
        .setClientIp("192.0.2.77").build();
  }

  private static AuthorizeResponse authorize(TestKeygate keygate, String secret) {
    return keygate.authorizer().withDeadlineAfter(10, TimeUnit.SECONDS).authorize(request(secret));
  }

  private static StatusRuntimeException catchStatus(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("expected the call to fail");
  }

  private static void await(Callable<Boolean> condition, String what) {
    Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(condition);
  }

  /** A plaintext channel to a port, closed with the try block. */
  private static final class TestChannel implements AutoCloseable {
    final io.grpc.ManagedChannel channel;

    TestChannel(int port) {
      channel = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
          .build();
    }

    @Override
    public void close() {
      channel.shutdownNow();
    }
  }
}
