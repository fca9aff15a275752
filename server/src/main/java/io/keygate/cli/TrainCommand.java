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
import io.keygate.config.Settings;
import io.keygate.keys.SecretFormat;
import io.keygate.manage.Bootstrap;
import io.keygate.manage.TenantSetup;
import io.keygate.manage.TokenIssuer;
import io.keygate.store.postgres.Database;
import io.keygate.store.postgres.EmbeddedDatabase;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The training run of the container image's class-data-sharing archive (or a JDK 25 AOT cache). This
 * process prepares a throw-away database — an embedded PostgreSQL in a temporary directory, migrated
 * and bootstrapped — and then starts a sidecar in a JVM of its own with the flags given: {@code keygate
 * serve} as the Helm chart runs it (no migrations), asked Authorize, Check and one management call over
 * gRPC, then stopped. Under {@code -XX:ArchiveClassesAtExit} that JVM leaves an archive of exactly the
 * classes a sidecar loads; the embedded database's, Flyway's and this command's gRPC client stay out of
 * it (they made the archive a third larger, and every start maps the whole archive: docs/performance.md).
 * With {@code --redis-url} the sidecar counts its rate limits in that Redis, and the archive holds the Redis
 * limiter's classes too (Lettuce and its Netty, ~1,500 classes); the image builds one archive of each kind,
 * as an in-process sidecar would otherwise map the Redis classes for nothing.
 */
@Command(name = "train", hidden = true, mixinStandardHelpOptions = true,
    description = "Start a sidecar JVM with the flags given after --, exercise it against a throw-away embedded"
        + " PostgreSQL and stop it; for building a class-data-sharing archive, e.g."
        + " keygate train -- -XX:ArchiveClassesAtExit=keygate.jsa")
final class TrainCommand implements Callable<Integer> {
  private static final Pattern SERVING = Pattern.compile("serving on 127\\.0\\.0\\.1:(\\d+)");
  private static final long SECONDS_TO_SERVE = 120;

  @Option(names = "--redis-url", paramLabel = "URL", description = "A Redis for the trained sidecar's rate"
      + " limits (KEYGATE_REDIS_URL), so that the archive holds the Redis limiter's classes too; without it the"
      + " in-process limiter.")
  String redisUrl = "";

  @Parameters(paramLabel = "JVM_FLAG", description = "Flags of the trained sidecar's JVM.")
  List<String> jvmFlags = List.of();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("keygate-train");
    try (EmbeddedDatabase embedded = EmbeddedDatabase.start(dir.resolve("db"))) {
      Bootstrap.Result admin;
      try (Database database = new Database(embedded.jdbcUrl(), embedded.user(), embedded.password(), 2)) {
        database.migrate();
        admin = new Bootstrap(database, new TenantSetup(new TokenIssuer(new SecretFormat(SecretFormat.DEFAULT_PREFIX),
            Clock.systemUTC()))).bootstrapIfEmpty().orElseThrow();
      }
      Process sidecar = sidecar(embedded);
      try {
        exercise(awaitPort(sidecar, spec.commandLine().getErr()), admin);
      } finally {
        sidecar.destroy(); // SIGTERM: the JVM exits normally and writes its archive
      }
      if (!sidecar.waitFor(SECONDS_TO_SERVE, TimeUnit.SECONDS)) {
        sidecar.destroyForcibly();
        throw new IllegalStateException("the trained sidecar did not stop");
      }
      return 0;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** {@code java <flags> -cp <this class path> KeygateCli serve} on the embedded database, any free port. */
  private Process sidecar(EmbeddedDatabase embedded) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), KeygateCli.class.getName(), "serve"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("KEYGATE_"));
    env.putAll(Map.of(Settings.DATABASE_URL.name(), embedded.jdbcUrl(), Settings.DATABASE_USER.name(),
        embedded.user(), Settings.DATABASE_PASSWORD.name(), embedded.password(), Settings.MIGRATE.name(), "false",
        Settings.HOST.name(), "127.0.0.1", Settings.PORT.name(), "0"));
    if (!redisUrl.isEmpty()) {
      env.put(Settings.REDIS_URL.name(), redisUrl);
    }
    return builder.start();
  }

  /** The port the sidecar serves on, from its log line; its output is passed on to {@code err}. */
  private static int awaitPort(Process sidecar, PrintWriter err) throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(sidecar.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          err.println(line);
          err.flush();
          Matcher serving = SERVING.matcher(line);
          if (serving.find()) {
            port.complete(Integer.parseInt(serving.group(1)));
          }
        }
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
      port.completeExceptionally(new IllegalStateException("the trained sidecar exited before serving"));
    }, "keygate-train-output");
    reader.setDaemon(true);
    reader.start();
    return port.get(SECONDS_TO_SERVE, TimeUnit.SECONDS);
  }

  private static void exercise(int port, Bootstrap.Result admin) {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
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
