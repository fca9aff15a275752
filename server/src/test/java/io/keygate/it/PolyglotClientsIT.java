package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.keygate.client.CallerIdentity;
import io.keygate.client.Decision;
import io.keygate.client.KeygateClient;
import io.keygate.client.KeygateServerInterceptor;
import io.keygate.client.KeygateServerInterceptor.Permission;
import io.keygate.testing.Ports;
import io.keygate.v1.ApiKey;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.KeyRateLimit;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.RateLimitMode;
import io.keygate.v1.TokenSpec;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client stubs of every language against one real sidecar: the same questions through Java's
 * KeygateClient, the generated Python, Node and Go stubs must get the same answers; and
 * KeygateServerInterceptor protecting a real grpc-java service.
 */
class PolyglotClientsIT {
  private static TestKeygate keygate;
  private static KeygateClient client;
  private static String admin;
  private static CreateApiKeyResponse reader;
  private static CreateApiKeyResponse billing;
  private static CreateApiKeyResponse limited;
  private static String cases;
  private static List<String> javaAnswers;

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  @BeforeAll
  static void start() {
    keygate = FLEET.keygate();
    admin = keygate.newTenant("polyglot").getAdminSecret();
    String readerRole = role("reader", "conversations:read");
    reader = key("reader", readerRole, KeyRateLimit.getDefaultInstance());
    billing = key("billing", role("billing", "invoices:read"), KeyRateLimit.getDefaultInstance());
    limited = key("limited", readerRole, KeyRateLimit.newBuilder().setRequestsPerMinute(1)
        .setMode(RateLimitMode.RATE_LIMIT_MODE_ENFORCED).build());
    client = FLEET.closeAfterAll(KeygateClient.builder().target("127.0.0.1:" + keygate.server.port())
        .deadline(Duration.ofSeconds(5)).build());
    List<String[]> questions = List.of(
        new String[] {"allowed", reader.getSecret(), "conversations", "read"},
        new String[] {"not-permitted", billing.getSecret(), "conversations", "read"},
        new String[] {"write-not-permitted", reader.getSecret(), "conversations", "write"},
        new String[] {"malformed", "lk_not-a-key", "conversations", "read"},
        new String[] {"missing", "", "conversations", "read"});
    StringBuilder json = new StringBuilder("{\"admin_secret\":\"" + admin + "\",\"cases\":[");
    javaAnswers = new ArrayList<>();
    for (String[] q : questions) {
      json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append(String.format(
          "{\"name\":\"%s\",\"credential\":\"%s\",\"resource\":\"%s\",\"action\":\"%s\"}", q[0], q[1], q[2], q[3]));
      Decision d = client.authorize(q[1], "127.0.0.1", q[2], q[3]);
      javaAnswers.add(String.join(" ", "authorize", q[0], d.allowed() ? "DECISION_ALLOW" : "DECISION_DENY",
          String.valueOf(d.httpStatus()), "REASON_" + d.reason(),
          d.identity().map(CallerIdentity::apiKeyId).orElse("-")));
    }
    cases = json.append("]}").toString();
    List<String> ids = new ArrayList<>();
    for (ApiKey key : KeygateClient.withApiKey(ApiKeyServiceGrpc.newBlockingStub(client.channel()), admin)
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .listApiKeys(ListApiKeysRequest.newBuilder().setPageSize(100).build()).getApiKeysList()) {
      ids.add(key.getId());
    }
    javaAnswers.add("keys " + String.join(",", ids.stream().sorted().toList()));
  }


  @Test
  void javaClientGetsTheExpectedDecisions() {
    String readerId = reader.getApiKey().getId();
    String billingId = billing.getApiKey().getId();
    assertThat(javaAnswers).startsWith(
        "authorize allowed DECISION_ALLOW 200 REASON_OK " + readerId,
        "authorize not-permitted DECISION_DENY 403 REASON_PERMISSION_DENIED " + billingId,
        "authorize write-not-permitted DECISION_DENY 403 REASON_PERMISSION_DENIED " + readerId,
        "authorize malformed DECISION_DENY 401 REASON_CREDENTIAL_MALFORMED -",
        "authorize missing DECISION_DENY 401 REASON_CREDENTIAL_MISSING -");
    assertThat(javaAnswers.get(5)).startsWith("keys ").contains(readerId, billingId, limited.getApiKey().getId());
  }

  @Test
  void pythonStubsGiveTheSameAnswers() throws Exception {
    assertThat(PolyglotClients.python(address(), cases)).isEqualTo(javaAnswers);
  }

  @Test
  void nodeStubsGiveTheSameAnswers() throws Exception {
    assertThat(PolyglotClients.node(address(), cases)).isEqualTo(javaAnswers);
  }

  @Test
  void goStubsGiveTheSameAnswers(@TempDir Path work) throws Exception {
    assertThat(PolyglotClients.go(address(), cases, work)).isEqualTo(javaAnswers);
  }

  @Test
  void interceptorLetsAnAllowedKeyThroughWithItsIdentity() throws Exception {
    AtomicReference<CallerIdentity> seen = new AtomicReference<>();
    try (App app = App.protectedBy(client, seen)) {
      assertThat(app.check(reader.getSecret()).getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
      assertThat(seen.get().apiKeyId()).isEqualTo(reader.getApiKey().getId());
      assertThat(seen.get().permissions()).containsExactly("conversations:read");
    }
  }

  @Test
  void interceptorRefusesBadKeysPermissionsAndRateLimits() throws Exception {
    try (App app = App.protectedBy(client, new AtomicReference<>())) {
      assertThat(app.fail("lk_not-a-key").getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(app.fail(null).getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      StatusRuntimeException denied = app.fail(billing.getSecret());
      assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(denied.getTrailers().get(KeygateServerInterceptor.REASON)).isEqualTo("PERMISSION_DENIED");

      app.check(limited.getSecret());
      StatusRuntimeException limitedOut = app.fail(limited.getSecret());
      assertThat(limitedOut.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(limitedOut.getTrailers().get(Metadata.Key.of("retry-after", Metadata.ASCII_STRING_MARSHALLER)))
          .isNotBlank();
    }
  }

  @Test
  void interceptorFailsClosedWhenTheSidecarIsDown() throws Exception {
    int closedPort = Ports.reserve(); // nothing listens there, and nothing will
    try (KeygateClient nowhere = KeygateClient.builder().target("127.0.0.1:" + closedPort).build();
        App app = App.protectedBy(nowhere, new AtomicReference<>())) {
      assertThat(app.fail(reader.getSecret()).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    }
  }

  private static String address() {
    return "127.0.0.1:" + keygate.server.port();
  }

  private static String role(String name, String permission) {
    return keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName(name).addPermissions(permission)
        .build()).getRole().getId();
  }

  private static CreateApiKeyResponse key(String name, String roleId, KeyRateLimit limit) {
    return keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName(name).setRoleId(roleId)
        .setRateLimit(limit).setInitialToken(TokenSpec.newBuilder().setName("primary")).build());
  }

  /** The grpc health service, protected by Keygate: Check needs {@code conversations:read}. */
  private record App(Server server, ManagedChannel channel) implements AutoCloseable {
    static App protectedBy(KeygateClient keygate, AtomicReference<CallerIdentity> seen) throws Exception {
      KeygateServerInterceptor guard = new KeygateServerInterceptor(keygate, (MethodDescriptor<?, ?> method) ->
          method.equals(HealthGrpc.getCheckMethod())
              ? Optional.of(new Permission("conversations", "read")) : Optional.empty());
      ServerInterceptor capture = new ServerInterceptor() {
        @Override
        public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call, Metadata headers,
            io.grpc.ServerCallHandler<Q, R> next) {
          seen.set(KeygateServerInterceptor.IDENTITY.get());
          return next.startCall(call, headers);
        }
      };
      Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
          .addService(ServerInterceptors.intercept(new HealthStatusManager().getHealthService(), capture, guard))
          .build().start();
      return new App(server, NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build());
    }

    HealthCheckResponse check(String secret) {
      HealthGrpc.HealthBlockingStub stub = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
      if (secret != null) {
        stub = TestKeygate.with(stub, TestKeygate.apiKeyHeader(secret));
      }
      return stub.check(HealthCheckRequest.getDefaultInstance());
    }

    StatusRuntimeException fail(String secret) {
      return catchThrowableOfType(StatusRuntimeException.class, () -> check(secret));
    }

    @Override
    public void close() {
      channel.shutdownNow();
      server.shutdownNow();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
        server.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
