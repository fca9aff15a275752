package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.GetApiKeyRequest;
import io.keygate.v1.ListApiKeysRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tracing against a real OTLP/HTTP receiver this test runs (the JDK's HttpServer decoding
 * opentelemetry-proto's ExportTraceServiceRequest): with {@code OTEL_TRACES_EXPORTER=otlp} spans
 * arrive for Authorize (parent from the gRPC metadata's {@code traceparent}), Check (parent from the
 * HTTP request's {@code traceparent} in the CheckRequest), the store lookup and the Redis count under
 * the decision, and each management RPC; and no span name, attribute, event or resource attribute
 * holds a secret.
 */
class TracingIT {
  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();
  private static final Pattern SECRET_SHAPE = Pattern.compile("[a-z][a-z0-9]{0,15}_[0-9a-f]{16,}");
  private static final List<ResourceSpans> RECEIVED = new CopyOnWriteArrayList<>();
  private static HttpServer receiver;
  private static TestKeygate keygate;
  private static TenantFixture tenant;

  @BeforeAll
  static void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/v1/traces", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        RECEIVED.addAll(ExportTraceServiceRequest.parseFrom(in).getResourceSpansList());
      }
      byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().add("content-type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(ok);
      }
    });
    receiver.start();
    TestRedis redis = FLEET.redis();
    keygate = FLEET.keygate(Map.of(
        "OTEL_TRACES_EXPORTER", "otlp",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + receiver.getAddress().getPort(),
        "OTEL_BSP_SCHEDULE_DELAY", "50",
        "KEYGATE_REDIS_URL", redis.url()));
    tenant = TenantFixture.create(keygate);
  }

  @AfterAll
  static void stop() {
    receiver.stop(0);
  }

  @Test
  void authorizeIsAChildOfTheCallersTraceWithTheLookupAndTheRedisCountUnderIt() {
    String reader = tenant.holder("conversations:read");
    String trace = hex(16);
    String parent = hex(8);
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER), "00-" + trace + "-" + parent
        + "-01");
    AuthorizerServiceGrpc.AuthorizerServiceBlockingStub stub = TestKeygate.with(
        AuthorizerServiceGrpc.newBlockingStub(keygate.channel), metadata);
    assertThat(stub.authorize(AuthorizeRequest.newBuilder().setCredential(reader).setResource("conversations")
        .setAction("read").setClientIp("192.0.2.1").build()).getHttpStatus()).isEqualTo(200);

    Span decision = await(trace, "keygate.v1.AuthorizerService/Authorize");
    assertThat(hex(decision.getParentSpanId().toByteArray())).isEqualTo(parent);
    assertThat(decision.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(attributes(decision)).containsEntry("keygate.reason", "ok")
        .containsEntry("keygate.decision", "allow").containsEntry("http.response.status_code", "200")
        .containsEntry("keygate.tenant_id", tenant.id()).containsEntry("keygate.limiter", "redis");
    Span lookup = await(trace, "keygate.store/credential");
    assertThat(lookup.getParentSpanId()).isEqualTo(decision.getSpanId());
    assertThat(attributes(lookup)).containsEntry("keygate.found", "true");
    // The key's first decision leases a slice of each of its counters: a round trip, in the decision's trace.
    Span count = await(trace, "keygate.redis/lease");
    assertThat(count.getParentSpanId()).isEqualTo(decision.getSpanId());
    assertThat(attributes(count)).containsEntry("db.system.name", "redis");
    assertNoSecret(reader);
  }

  @Test
  void checkTakesItsParentFromTheHttpRequestsTraceparent() {
    String reader = tenant.holder("conversations:read");
    String trace = hex(16);
    String parent = hex(8);
    CheckRequest.Builder request = CheckRequest.newBuilder();
    request.getAttributesBuilder()
        .setSource(AttributeContext.Peer.newBuilder().setAddress(Address.newBuilder().setSocketAddress(
            SocketAddress.newBuilder().setAddress("10.0.0.9").setPortValue(51234))))
        .setRequest(AttributeContext.Request.newBuilder().setHttp(AttributeContext.HttpRequest.newBuilder()
            .setMethod("GET").setPath("/v1/conversations").putHeaders("x-api-key", reader)
            .putHeaders("traceparent", "00-" + trace + "-" + parent + "-01").putHeaders("x-request-id", "r-1")))
        .putContextExtensions("resource", "conversations").putContextExtensions("action", "write");
    AuthorizationGrpc.newBlockingStub(keygate.channel).withDeadlineAfter(Duration.ofSeconds(20))
        .check(request.build());

    Span check = await(trace, "envoy.service.auth.v3.Authorization/Check");
    assertThat(hex(check.getParentSpanId().toByteArray())).isEqualTo(parent);
    assertThat(attributes(check)).containsEntry("keygate.decision", "deny")
        .containsEntry("keygate.reason", "permission_denied").containsEntry("http.response.status_code", "403");
    assertNoSecret(reader);
  }

  @Test
  void everyManagementCallIsASpanWithItsStatusUnderTheCallersTrace() {
    String trace = hex(16);
    String parent = hex(8);
    Metadata metadata = TestKeygate.apiKeyHeader(tenant.admin);
    metadata.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER), "00-" + trace + "-" + parent
        + "-01");
    ApiKeyServiceGrpc.ApiKeyServiceBlockingStub keys = TestKeygate.with(ApiKeyServiceGrpc.newBlockingStub(
        keygate.channel), metadata);
    keys.listApiKeys(ListApiKeysRequest.getDefaultInstance());
    assertThatThrownBy(() -> keys.getApiKey(GetApiKeyRequest.newBuilder().setApiKeyId("key_00000000000000000000000000")
        .build())).isInstanceOf(StatusRuntimeException.class);

    Span list = await(trace, "keygate.v1.ApiKeyService/ListApiKeys");
    assertThat(hex(list.getParentSpanId().toByteArray())).isEqualTo(parent);
    assertThat(attributes(list)).containsEntry("rpc.grpc.status_code", "0")
        .containsEntry("keygate.tenant_id", tenant.id()).containsEntry("rpc.service", "keygate.v1.ApiKeyService");
    Span get = await(trace, "keygate.v1.ApiKeyService/GetApiKey");
    assertThat(attributes(get)).containsEntry("rpc.grpc.status_code", "5");
    assertThat(get.getStatus().getCode())
        .isEqualTo(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(RECEIVED.get(0).getResource().getAttributesList()).extracting(KeyValue::getKey)
        .contains("service.name", "service.version");
    assertNoSecret(tenant.admin);
  }

  // --- helpers ---

  private static Span await(String trace, String name) {
    return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> find(trace, name), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<Span> find(String trace, String name) {
    return spans().stream().filter(s -> hex(s.getTraceId().toByteArray()).equals(trace) && s.getName().equals(name))
        .findFirst();
  }

  private static List<Span> spans() {
    List<Span> spans = new ArrayList<>();
    for (ResourceSpans resource : RECEIVED) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        spans.addAll(scope.getSpansList());
      }
    }
    return spans;
  }

  /** Every secret of this test, and anything shaped like one, is absent from everything exported. */
  private static void assertNoSecret(String secret) {
    List<String> exported = new ArrayList<>();
    for (ResourceSpans resource : RECEIVED) {
      resource.getResource().getAttributesList().forEach(kv -> exported.add(kv.getKey() + "=" + text(kv.getValue())));
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        for (Span span : scope.getSpansList()) {
          exported.add(span.getName());
          exported.add(span.getStatus().getMessage());
          span.getAttributesList().forEach(kv -> exported.add(kv.getKey() + "=" + text(kv.getValue())));
          span.getEventsList().forEach(event -> {
            exported.add(event.getName());
            event.getAttributesList().forEach(kv -> exported.add(kv.getKey() + "=" + text(kv.getValue())));
          });
        }
      }
    }
    assertThat(exported).isNotEmpty();
    for (String value : exported) {
      assertThat(value).doesNotContain(secret).doesNotContain(tenant.admin).doesNotContain(keygate.system.secret());
      assertThat(SECRET_SHAPE.matcher(value).find()).as("shaped like a secret: %s", value).isFalse();
    }
  }

  private static Map<String, String> attributes(Span span) {
    Map<String, String> out = new java.util.HashMap<>();
    span.getAttributesList().forEach(kv -> out.put(kv.getKey(), text(kv.getValue())));
    return out;
  }

  private static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case INT_VALUE -> Long.toString(value.getIntValue());
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      default -> value.toString();
    };
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    new java.security.SecureRandom().nextBytes(random);
    return hex(random);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
