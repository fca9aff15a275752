package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.ratelimit.LimitSpec;
import io.keygate.ratelimit.LimitStatus;
import io.keygate.ratelimit.redis.RedisClusterCounters;
import io.keygate.testing.Ports;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.KeyRateLimit;
import io.keygate.v1.RateLimitMode;
import io.keygate.v1.Reason;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenSpec;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.embedded.RedisShardedCluster;

/**
 * Two sidecars on a real three-node Redis Cluster ({@code KEYGATE_REDIS_MODE=cluster}): counters
 * spread over the nodes' hash slots, and the key limit holds exactly across both sidecars.
 */
class RedisClusterRateLimitIT {
  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  private static RedisShardedCluster cluster;
  private static TestKeygate a;
  private static TestKeygate b;
  private static String admin;
  private static String roleId;

  @BeforeAll
  static void start() throws Exception {
    // Each node's cluster bus listens 10000 above its port: both reserved.
    cluster = RedisShardedCluster.newRedisCluster()
        .serverPorts(List.of(Ports.reserve(10_000), Ports.reserve(10_000), Ports.reserve(10_000)))
        .shard("one", 0).shard("two", 0).shard("three", 0).initializationTimeout(Duration.ofSeconds(30)).build();
    cluster.start();
    FLEET.closeAfterAll(cluster::stop);
    awaitClusterOk(cluster.serverPorts());
    String seeds = cluster.serverPorts().stream().map(p -> "redis://127.0.0.1:" + p)
        .collect(Collectors.joining(","));
    String db = TestPostgres.newDatabase();
    Map<String, String> settings = Map.of("KEYGATE_REDIS_MODE", "cluster", "KEYGATE_REDIS_URL", seeds,
        "KEYGATE_REDIS_TIMEOUT_MS", "5000");
    a = FLEET.keygate(db, settings);
    b = FLEET.keygate(db, settings);
    CreateTenantResponse tenant = a.newTenant("cluster");
    admin = tenant.getAdminSecret();
    roleId = a.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("reader")
        .addPermissions("conversations:read").build()).getRole().getId();
  }

  /** The nodes may answer CLUSTERDOWN for a moment after start, until every slot is agreed on. */
  private static void awaitClusterOk(List<Integer> ports) {
    for (int port : ports) {
      RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
      try (StatefulRedisConnection<String, String> c = client.connect()) {
        Awaitility.await("cluster_state:ok on node " + port).atMost(Duration.ofSeconds(30))
            .until(() -> c.sync().clusterInfo().contains("cluster_state:ok"));
      } finally {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
      }
    }
  }

  /** Counted through Keygate's asynchronous-only cluster client; a script the nodes forgot is loaded again. */
  @Test
  void aScriptTheClusterForgotIsLoadedAgain() {
    List<RedisURI> seeds = cluster.serverPorts().stream().map(p -> RedisURI.create("redis://127.0.0.1:" + p)).toList();
    LimitSpec limit = new LimitSpec(LimitStatus.Scope.KEY, "key:forgotten-script", 5, 60_000, false);
    try (RedisClusterCounters counters = new RedisClusterCounters(seeds, Duration.ofSeconds(5), 100)) {
      assertThat(counters.count(List.of(limit)).get(0).remaining()).isEqualTo(4);
      for (int port : cluster.serverPorts()) {
        TestRedis.call("redis://127.0.0.1:" + port, redis -> redis.scriptFlush());
      }
      assertThat(counters.count(List.of(limit)).get(0).remaining()).as("counted after the reload").isEqualTo(3);
    }
  }

  /** Leased (the default): the limit holds exactly, each sidecar offered more than the limit. */
  @Test
  void keyLimitIsExactAcrossSidecarsOnACluster() throws Exception {
    String secret = a.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("k").setRoleId(roleId)
        .setRateLimit(KeyRateLimit.newBuilder().setRequestsPerMinute(30)
            .setMode(RateLimitMode.RATE_LIMIT_MODE_ENFORCED))
        .setInitialToken(TokenSpec.getDefaultInstance()).build()).getSecret();
    assertThirtyOfNinetyHeld(secret, false);
  }

  /** A tenant with {@code exact_rate_limits}: counted request by request on the nodes, as exact. */
  @Test
  void anExactTenantsKeyLimitIsExactOnACluster() throws Exception {
    CreateTenantResponse tenant = a.newTenant("exact", TenantSettings.newBuilder().setExactRateLimits(true)
        .build());
    String role = a.roles(tenant.getAdminSecret()).createRole(CreateRoleRequest.newBuilder().setName("reader")
        .addPermissions("conversations:read").build()).getRole().getId();
    String secret = a.keys(tenant.getAdminSecret()).createApiKey(CreateApiKeyRequest.newBuilder().setName("k")
        .setRoleId(role).setRateLimit(KeyRateLimit.newBuilder().setRequestsPerMinute(30)
            .setMode(RateLimitMode.RATE_LIMIT_MODE_ENFORCED))
        .setInitialToken(TokenSpec.getDefaultInstance()).build()).getSecret();
    long before = evalshaCalls();
    assertThirtyOfNinetyHeld(secret, true);
    // Every request is counted in Redis (on a cluster, one EVALSHA per counter); leased, a handful would do.
    assertThat(evalshaCalls() - before).as("script calls for 90 exact requests").isGreaterThanOrEqualTo(90);
  }

  /** EVALSHA calls over every node since they started ({@code INFO commandstats}). */
  private static long evalshaCalls() {
    long sum = 0;
    for (int port : cluster.serverPorts()) {
      sum += TestRedis.commandStats("redis://127.0.0.1:" + port, "calls=").getOrDefault("evalsha", 0L);
    }
    return sum;
  }

  /** 90 concurrent requests on two sidecars against a key limit of 30 ({@link LimitBursts#assertLimitHeld}). */
  private static void assertThirtyOfNinetyHeld(String secret, boolean countedExactly) throws Exception {
    List<Callable<List<Reason>>> callers = new ArrayList<>();
    for (TestKeygate sidecar : List.of(a, b)) {
      for (int t = 0; t < 3; t++) {
        String ip = "192.0.2." + (10 * (sidecar == a ? 1 : 2) + t);
        callers.add(() -> {
          List<Reason> out = new ArrayList<>();
          for (int i = 0; i < 15; i++) {
            AuthorizeResponse response = sidecar.authorizer().authorize(AuthorizeRequest.newBuilder()
                .setCredential(secret).setResource("conversations").setAction("read").setClientIp(ip).build());
            out.add(response.getReason());
          }
          return out;
        });
      }
    }
    String node = "redis://127.0.0.1:" + cluster.serverPorts().get(0); // one machine: every node on one clock
    long bucket = TestRedis.bucket(node, 60_000);
    ExecutorService pool = Executors.newFixedThreadPool(callers.size());
    Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
    try {
      for (Future<List<Reason>> f : pool.invokeAll(callers)) {
        f.get().forEach(r -> reasons.merge(r, 1, Integer::sum));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(a.server.rateLimiter().errors() + b.server.rateLimiter().errors()).as("cluster errors").isZero();
    LimitBursts.assertLimitHeld(reasons, 30, 90, countedExactly || TestRedis.bucket(node, 60_000) == bucket);
  }
}
