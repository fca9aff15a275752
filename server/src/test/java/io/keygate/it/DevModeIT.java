package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.keygate.config.KeygateConfig;
import io.keygate.manage.Bootstrap;
import io.keygate.server.KeygateServer;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizerServiceGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The embedded default: a real PostgreSQL whose data survives a restart; bootstrap happens once. */
class DevModeIT {
  @Test
  void keysSurviveARestartAndBootstrapRunsOnce() throws Exception {
    Path dataDir = Files.createTempDirectory("keygate-dev-");
    KeygateConfig config = KeygateConfig.fromEnv(Map.of("KEYGATE_HOST", "127.0.0.1", "KEYGATE_PORT", "0",
        "KEYGATE_DATA_DIR", dataDir.toString()));
    String secret;
    try (KeygateServer first = KeygateServer.start(config)) {
      assertThat(first.embeddedDatabase()).isNotNull();
      assertThat(first.embeddedDatabase().created()).isTrue();
      Optional<Bootstrap.Result> bootstrap = first.bootstrap().bootstrapIfEmpty();
      assertThat(bootstrap).isPresent();
      secret = bootstrap.get().secret();
      assertThat(status(first, secret)).isEqualTo(200);
    }
    try (KeygateServer second = KeygateServer.start(config)) {
      assertThat(second.embeddedDatabase().created()).isFalse();
      assertThat(second.bootstrap().bootstrapIfEmpty()).isEmpty();
      assertThat(status(second, secret)).isEqualTo(200);
      Bootstrap.Result fresh = second.bootstrap().issueAdminKey();
      assertThat(fresh.secret()).isNotEqualTo(secret);
      assertThat(status(second, fresh.secret())).isEqualTo(200);
    }
  }

  private static int status(KeygateServer server, String secret) throws InterruptedException {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    try {
      return AuthorizerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .authorize(AuthorizeRequest.newBuilder().setCredential(secret).setResource("api-keys").setAction("read")
              .build()).getHttpStatus();
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
