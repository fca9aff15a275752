package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.keygate.config.KeygateConfig;
import io.keygate.manage.Bootstrap;
import io.keygate.server.KeygateServer;
import io.keygate.testing.TestClock;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.Expiration;
import io.keygate.v1.Lifetime;
import io.keygate.v1.LifetimeUnit;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.Reason;
import io.keygate.v1.RoleServiceGrpc;
import io.keygate.v1.TokenSpec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole server on grpc-java's in-process transport (as grpc-java's own examples test theirs):
 * the decision and management paths with a real stub and a real PostgreSQL, but no socket, and time
 * that moves only when the test says.
 */
class InProcessIT {
  @Test
  void decisionsAndManagementRunInProcessOnTheInjectedClock() throws Exception {
    TestClock clock = TestClock.atNow();
    KeygateConfig config = TestKeygate.config(TestPostgres.newDatabase(), Map.of());
    String name = InProcessServerBuilder.generateName();
    try (KeygateServer server = KeygateServer.start(config, InProcessServerBuilder.forName(name), clock)) {
      ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
      try {
        Bootstrap.Result admin = server.bootstrap().bootstrapIfEmpty().orElseThrow();
        String reader = TestKeygate.with(RoleServiceGrpc.newBlockingStub(channel), TestKeygate.apiKeyHeader(
            admin.secret())).createRole(CreateRoleRequest.newBuilder().setName("reader")
            .addPermissions("api-keys:read").build()).getRole().getId();
        CreateApiKeyResponse key = TestKeygate.with(ApiKeyServiceGrpc.newBlockingStub(channel),
            TestKeygate.apiKeyHeader(admin.secret())).createApiKey(CreateApiKeyRequest.newBuilder().setName("brief")
            .setRoleId(reader)
            .setExpiration(Expiration.newBuilder().setAfter(Lifetime.newBuilder().setAmount(1)
                .setUnit(LifetimeUnit.LIFETIME_UNIT_HOURS)))
            .setInitialToken(TokenSpec.getDefaultInstance()).build());
        assertThat(TestKeygate.with(ApiKeyServiceGrpc.newBlockingStub(channel), TestKeygate.apiKeyHeader(
            admin.secret())).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount()).isEqualTo(2);

        AuthorizeRequest request = AuthorizeRequest.newBuilder().setCredential(key.getSecret())
            .setResource("api-keys").setAction("read").setClientIp("192.0.2.1").build();
        var stub = AuthorizerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
        assertThat(stub.authorize(request).getReason()).isEqualTo(Reason.REASON_OK);
        clock.advance(Duration.ofHours(1));
        assertThat(AuthorizerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
            .authorize(request).getReason()).isEqualTo(Reason.REASON_CREDENTIAL_EXPIRED);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }
}
