package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.keygate.telemetry.Build;
import io.keygate.v1.ListApiKeysRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Prometheus endpoint ({@code KEYGATE_METRICS_ADDRESS}) of real sidecars, scraped over HTTP after
 * real calls: the latency histograms of decisions (by RPC, outcome and limiter), of store lookups and
 * of Redis round trips have counts; the gRPC server metrics count calls by method and code; the JVM's
 * and HikariCP's metrics and the build info are there.
 */
class MetricsIT {
  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  @Test
  void decisionsLookupsAndCallsAreTimedAndTheJvmPoolAndBuildAreReported() throws Exception {
    TestKeygate keygate = FLEET.keygate(Map.of("KEYGATE_METRICS_ADDRESS", "127.0.0.1:0"));
    TenantFixture tenant = TenantFixture.create(keygate);
    String reader = tenant.holder("conversations:read");
    assertThat(tenant.authorize(reader, "conversations", "read").getHttpStatus()).isEqualTo(200);
    assertThat(tenant.authorize(reader, "conversations", "read").getHttpStatus()).isEqualTo(200);
    assertThat(tenant.authorize(reader, "conversations", "write").getHttpStatus()).isEqualTo(403);
    AuthorizationGrpc.newBlockingStub(keygate.channel).withDeadlineAfter(20, TimeUnit.SECONDS)
        .check(check(reader));
    keygate.keys(tenant.admin).listApiKeys(ListApiKeysRequest.getDefaultInstance());

    Scrape metrics = Scrape.of(keygate.server.metricsPort());
    String decisions = "keygate_decision_duration_seconds_count";
    assertThat(metrics.value(decisions, "rpc", "authorize", "outcome", "allow", "limiter", "local")).isEqualTo(2);
    assertThat(metrics.value(decisions, "rpc", "authorize", "outcome", "deny", "limiter", "local")).isEqualTo(1);
    assertThat(metrics.value(decisions, "rpc", "check", "outcome", "allow", "limiter", "local")).isEqualTo(1);
    assertThat(metrics.value("keygate_decision_duration_seconds_bucket", "rpc", "authorize", "outcome", "allow",
        "le", "+Inf")).isEqualTo(2);
    assertThat(metrics.value("keygate_store_lookup_duration_seconds_count", "lookup", "credential",
        "outcome", "ok")).as("the reader's key and the admin's, looked up once each").isGreaterThanOrEqualTo(2);

    assertThat(metrics.value("grpc_server_started_total", "grpc_service", "keygate.v1.AuthorizerService",
        "grpc_method", "Authorize", "grpc_type", "unary")).isEqualTo(3);
    assertThat(metrics.value("grpc_server_handled_total", "grpc_service", "keygate.v1.AuthorizerService",
        "grpc_method", "Authorize", "grpc_code", "OK")).isEqualTo(3);
    assertThat(metrics.value("grpc_server_handled_total", "grpc_service", "envoy.service.auth.v3.Authorization",
        "grpc_method", "Check", "grpc_code", "OK")).isEqualTo(1);
    assertThat(metrics.value("grpc_server_handling_seconds_count", "grpc_service", "keygate.v1.ApiKeyService",
        "grpc_method", "ListApiKeys")).isEqualTo(1);

    assertThat(metrics.value("jvm_memory_used_bytes", "area", "heap")).isPositive();
    assertThat(metrics.value("jvm_threads_current")).isPositive();
    assertThat(metrics.value("hikaricp_connections_max", "pool", "keygate-db")).isEqualTo(8);
    assertThat(metrics.value("hikaricp_connections", "pool", "keygate-db")).isPositive();
    assertThat(metrics.value("hikaricp_connections_acquire_seconds_count", "pool", "keygate-db")).isPositive();
    assertThat(metrics.value("keygate_build_info", "version", Build.VERSION)).isEqualTo(1);
    assertThat(Build.VERSION).isNotEqualTo("unknown");
  }

  @Test
  void redisRoundTripsAreTimedAndDecisionsCountedThereAreLabelledRedis() throws Exception {
    TestRedis redis = FLEET.redis();
    TestKeygate keygate = FLEET.keygate(Map.of("KEYGATE_METRICS_ADDRESS", "127.0.0.1:0",
        "KEYGATE_REDIS_URL", redis.url()));
    TenantFixture tenant = TenantFixture.create(keygate);
    String reader = tenant.holder("conversations:read");
    assertThat(tenant.authorize(reader, "conversations", "read").getHttpStatus()).isEqualTo(200);
    assertThat(tenant.authorize(reader, "conversations", "read").getHttpStatus()).isEqualTo(200);

    Scrape metrics = Scrape.of(keygate.server.metricsPort());
    assertThat(metrics.value("keygate_decision_duration_seconds_count", "rpc", "authorize", "outcome", "allow",
        "limiter", "redis")).isEqualTo(2);
    // The first decision leases a slice of the IP's and of the key's counter; the second spends from them.
    assertThat(metrics.value("keygate_redis_duration_seconds_count", "script", "lease", "outcome", "ok"))
        .isGreaterThanOrEqualTo(2);
  }

  private static CheckRequest check(String secret) {
    CheckRequest.Builder request = CheckRequest.newBuilder();
    request.getAttributesBuilder()
        .setSource(AttributeContext.Peer.newBuilder().setAddress(Address.newBuilder().setSocketAddress(
            SocketAddress.newBuilder().setAddress("10.0.0.9").setPortValue(51234))))
        .setRequest(AttributeContext.Request.newBuilder().setHttp(AttributeContext.HttpRequest.newBuilder()
            .setMethod("GET").setPath("/v1/conversations").putHeaders("x-api-key", secret)))
        .putContextExtensions("resource", "conversations").putContextExtensions("action", "read");
    return request.build();
  }
}
