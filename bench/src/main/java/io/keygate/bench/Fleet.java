package io.keygate.bench;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.keygate.fleet.v1.FleetServiceGrpc;
import io.keygate.fleet.v1.WatchChangesRequest;
import io.keygate.fleet.v1.WatchChangesResponse;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.Reason;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * 9. Fleet mode: PostgreSQL, 2 central replicas, 3 real edge sidecars, and a simulator in this JVM
 * that opens N change streams (one connection each) as N more edge sidecars would. Measured:
 * PostgreSQL client connections at N = 3, 1,000 and 5,000 sidecars; revocation through a sidecar →
 * every stream has the change (p99); the central tier's memory per connected sidecar; a cold
 * lookup through the central tier (a cache-miss Authorize on an edge); an edge's memory beside a
 * database-mode sidecar's.
 */
final class Fleet {
  private static final String TOKEN = "bench-fleet-token-0123456789abcdef0123456789";
  private static final int POOL_SIZE = Integer.parseInt(io.keygate.config.Settings.DATABASE_POOL_SIZE.fallback());
  private int baseline;
  private final Bench.Plan plan;
  private final Report report;
  private final Fixture fixture;
  private final Bench bench;

  Fleet(Bench.Plan plan, Report report, Fixture fixture, Bench bench) {
    this.plan = plan;
    this.report = report;
    this.fixture = fixture;
    this.bench = bench;
  }

  void run(Served databaseModeSidecar) throws Exception {
    baseline = postgresConnections(); // the bench's own database-mode sidecars
    List<Served> centrals = new ArrayList<>();
    List<Served> edges = new ArrayList<>();
    List<ManagedChannel> simulated = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        Map<String, String> env = new HashMap<>(Map.of("KEYGATE_FLEET_TOKEN", TOKEN));
        centrals.add(bench.start("keygate-central-" + i, env, fixture.tenantAdminSecret, List.of("-XX:MaxRAM=512m")));
      }
      String addresses = "127.0.0.1:" + centrals.get(0).port + ",127.0.0.1:" + centrals.get(1).port;
      for (int i = 0; i < 3; i++) {
        edges.add(bench.start("keygate-edge-" + i, Map.of("KEYGATE_CENTRAL_ADDRESS", addresses,
            "KEYGATE_FLEET_TOKEN", TOKEN), fixture.tenantAdminSecret));
      }
      coldLookups(edges.get(0));
      memoryOfAnEdge(edges.get(1), databaseModeSidecar);

      int[] sizes = plan.quick() ? new int[] {3, 200} : new int[] {3, 1_000, 5_000};
      long rssBefore = rss(centrals);
      int others = baseline;
      int connected = 0;
      for (int n : sizes) {
        while (connected < n - edges.size()) {
          Stream stream = new Stream(centrals.get(connected % 2).port);
          simulated.add(stream.channel);
          connected++;
        }
        int pg = postgresConnections() - others;
        int bound = 2 * (POOL_SIZE + 1);
        report.add("9 fleet", "PostgreSQL client connections of the fleet with " + n + " sidecars (2 central"
            + " replicas)", Integer.toString(pg), "", "constant: ≤ replicas × (pool + 1) = " + bound, "≤ " + bound,
            pg <= bound);
        if (n > edges.size()) {
          propagation(n, edges);
        }
      }
      long rssAfter = rss(centrals);
      int total = connected;
      double perSidecarKb = total == 0 ? 0 : (rssAfter - rssBefore) / (double) total;
      report.add("9 fleet", "central memory per connected sidecar (RSS of the 2 replicas, " + total + " streams)",
          String.format("%.1f KB", perSidecarKb), "", String.format("%d → %d MiB", rssBefore / 1024,
              rssAfter / 1024), "≤ 20 KB", perSidecarKb <= 20);
    } finally {
      simulated.forEach(ManagedChannel::shutdownNow);
      edges.forEach(bench::stop);
      centrals.forEach(bench::stop);
    }
  }

  /** The simulated sidecars' streams, the change they wait for, and when it arrived. */
  private static final Map<String, Map<Stream, Long>> ARRIVALS = new ConcurrentHashMap<>();
  private static final List<Stream> STREAMS = Collections.synchronizedList(new ArrayList<>());

  /** One simulated edge sidecar: its own connection and its change stream. */
  private static final class Stream implements StreamObserver<WatchChangesResponse> {
    final ManagedChannel channel;
    final CountDownLatch caughtUp = new CountDownLatch(1);

    Stream(int port) throws InterruptedException {
      channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
      Metadata token = new Metadata();
      token.put(Metadata.Key.of("x-keygate-fleet-token", Metadata.ASCII_STRING_MARSHALLER), TOKEN);
      FleetServiceGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(token))
          .watchChanges(WatchChangesRequest.getDefaultInstance(), this);
      if (!caughtUp.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("a simulated sidecar's stream did not start");
      }
      STREAMS.add(this);
    }

    @Override
    public void onNext(WatchChangesResponse message) {
      if (message.hasCaughtUp()) {
        caughtUp.countDown();
      } else if (message.hasChange()) {
        Map<Stream, Long> waiting = ARRIVALS.get(message.getChange().getApiKeyId());
        if (waiting != null) {
          waiting.putIfAbsent(this, System.nanoTime());
        }
      }
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }

  /** Revokes keys through an edge; how long until every simulated stream has the change. */
  private void propagation(int n, List<Served> edges) throws Exception {
    ManagedChannel admin = Fixture.channel(edges.get(0));
    List<Long> lags = new ArrayList<>();
    int missing = 0;
    try {
      for (int i = 0; i < (plan.quick() ? 3 : 10); i++) {
        CreateApiKeyResponse key = fixture.createKey(admin, "fleet-" + n + "-" + i, true);
        Map<Stream, Long> arrivals = new ConcurrentHashMap<>();
        ARRIVALS.put(key.getApiKey().getId(), arrivals);
        Served.sleep(200); // the key's own creation reaches every stream first
        arrivals.clear();
        long start = System.nanoTime();
        fixture.revokeKey(admin, key.getApiKey().getId());
        long giveUp = start + TimeUnit.SECONDS.toNanos(10);
        while (arrivals.size() < STREAMS.size() && System.nanoTime() < giveUp) {
          Served.sleep(5);
        }
        for (Stream s : STREAMS) {
          Long at = arrivals.get(s);
          if (at == null) {
            missing++;
          } else {
            lags.add(at - start);
          }
        }
        ARRIVALS.remove(key.getApiKey().getId());
        // The real edges deny it too.
        for (Served edge : edges) {
          AuthorizeRequest request = Load.authorizeRequest(key.getSecret(), "198.51.100.30");
          ManagedChannel c = Fixture.channel(edge);
          try {
            Reason reason = AuthorizerServiceGrpc.newBlockingStub(c).withDeadlineAfter(5, TimeUnit.SECONDS)
                .authorize(request).getReason();
            if (reason != Reason.REASON_CREDENTIAL_REVOKED) {
              missing++;
            }
          } finally {
            c.shutdownNow();
          }
        }
      }
    } finally {
      admin.shutdownNow();
    }
    Collections.sort(lags);
    double p99 = lags.isEmpty() ? Double.NaN : lags.get(Math.min(lags.size() - 1,
        (int) Math.ceil(lags.size() * 0.99) - 1)) / 1e6;
    double p50 = lags.isEmpty() ? Double.NaN : lags.get(lags.size() / 2) / 1e6;
    double target = n <= 1_000 ? 100 : 250;
    report.add("9 fleet", "revocation through a sidecar → applied by all " + n + " sidecars: p50 / p99",
        String.format("%.1f / %.1f ms", p50, p99), "", missing + " not applied within 10 s",
        "p99 ≤ " + (int) target + " ms", p99 <= target && missing == 0);
  }

  /** Cache misses on an edge: each a lookup through the central tier. */
  private void coldLookups(Served edge) throws Exception {
    int keys = plan.quick() ? 100 : 1_000;
    ManagedChannel admin = Fixture.channel(edge);
    List<String> secrets = new ArrayList<>();
    try {
      for (int i = 0; i < keys; i++) {
        secrets.add(fixture.createKey(admin, "cold-" + i, true).getSecret());
      }
    } finally {
      admin.shutdownNow();
    }
    ManagedChannel channel = Fixture.channel(edge);
    List<Long> micros = new ArrayList<>();
    try {
      AuthorizerServiceGrpc.AuthorizerServiceBlockingStub stub = AuthorizerServiceGrpc.newBlockingStub(channel);
      stub.withDeadlineAfter(5, TimeUnit.SECONDS).authorize(Load.authorizeRequest(fixture.tenantAdminSecret,
          "198.51.100.31")); // the channel warm
      for (String secret : secrets) {
        long start = System.nanoTime();
        Reason reason = stub.withDeadlineAfter(5, TimeUnit.SECONDS).authorize(Load.authorizeRequest(secret,
            "198.51.100.31")).getReason();
        micros.add((System.nanoTime() - start) / 1000);
        if (reason != Reason.REASON_OK) {
          throw new IllegalStateException("a new key was not allowed on the edge: " + reason);
        }
      }
    } finally {
      channel.shutdownNow();
    }
    Collections.sort(micros);
    long p50 = micros.get(micros.size() / 2);
    long p99 = micros.get(Math.min(micros.size() - 1, (int) Math.ceil(micros.size() * 0.99) - 1));
    report.add("9 fleet", "cold lookup through the central tier (cache-miss Authorize on an edge, " + keys
        + " keys): p50 / p99", p50 + " / " + p99 + " µs", "", "", "p99 ≤ 2 ms", p99 <= 2_000);
  }

  private void memoryOfAnEdge(Served edge, Served databaseMode) {
    long edgeKib = Jvm.memoryKib(edge.process, "VmRSS");
    long dbKib = Jvm.memoryKib(databaseMode.process, "VmRSS");
    report.add("9 fleet", "RSS of an edge sidecar vs a database-mode sidecar (both after calls)",
        edgeKib / 1024 + " MiB", dbKib / 1024 + " MiB", "", "≤ the database-mode one", edgeKib <= dbKib);
  }

  private static long rss(List<Served> centrals) {
    long sum = 0;
    for (Served c : centrals) {
      sum += Jvm.memoryKib(c.process, "VmRSS");
    }
    return sum;
  }

  private int postgresConnections() throws Exception {
    try (Connection c = DriverManager.getConnection(fixture.jdbcUrl, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where backend_type = 'client backend'"
            + " and pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
