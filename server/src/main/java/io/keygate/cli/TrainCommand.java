package io.keygate.cli;

import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.keygate.config.KeygateConfig;
import io.keygate.config.Settings;
import io.keygate.manage.Bootstrap;
import io.keygate.server.KeygateServer;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * The class-data-sharing training run of the container image: a throw-away Keygate on an embedded
 * PostgreSQL in a temporary directory, bootstrapped, asked Authorize, Check and one management call
 * over gRPC, then stopped. Run under {@code -XX:ArchiveClassesAtExit=keygate.jsa}, it leaves an
 * archive of the classes a sidecar loads, which later starts map instead of loading them again.
 */
@Command(name = "train", hidden = true, mixinStandardHelpOptions = true,
    description = "Exercise a throw-away Keygate (embedded PostgreSQL in a temporary directory) and exit;"
        + " for building a class-data-sharing archive (-XX:ArchiveClassesAtExit).")
final class TrainCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("keygate-train");
    try {
      KeygateConfig config = KeygateConfig.fromEnv(java.util.Map.of(Settings.DATA_DIR.name(), dir.toString(),
          Settings.HOST.name(), "127.0.0.1", Settings.PORT.name(), "0"));
      try (KeygateServer server = KeygateServer.start(config)) {
        Bootstrap.Result admin = server.bootstrap().bootstrapIfEmpty().orElseThrow();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        try {
          for (int i = 0; i < 40; i++) { // 80 calls: under the admin key's 100 per minute
            var allowed = AuthorizerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .authorize(AuthorizeRequest.newBuilder().setCredential(admin.secret()).setClientIp("192.0.2.1")
                    .setResource("api-keys").setAction("read").build());
            if (allowed.getReason() != Reason.REASON_OK) {
              throw new IllegalStateException("training: Authorize was not allowed: " + allowed.getReason());
            }
            AuthorizationGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).check(check(admin));
          }
          Metadata key = new Metadata();
          key.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), admin.secret());
          ApiKeyServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(key))
              .withDeadlineAfter(10, TimeUnit.SECONDS).listApiKeys(ListApiKeysRequest.getDefaultInstance());
        } finally {
          channel.shutdownNow();
        }
      }
      return 0;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static CheckRequest check(Bootstrap.Result admin) {
    return CheckRequest.newBuilder().setAttributes(AttributeContext.newBuilder()
        .setSource(AttributeContext.Peer.newBuilder().setAddress(Address.newBuilder()
            .setSocketAddress(SocketAddress.newBuilder().setAddress("192.0.2.1").setPortValue(40000))))
        .setRequest(AttributeContext.Request.newBuilder().setHttp(AttributeContext.HttpRequest.newBuilder()
            .setMethod("GET").setPath("/v1/api-keys").putHeaders("x-api-key", admin.secret())))
        .putContextExtensions("resource", "api-keys").putContextExtensions("action", "read"))
        .build();
  }
}
