package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar, run the way the container image runs it: a separate JVM with the image's JVM
 * flags, configuration only from the environment, {@code migrate} then {@code bootstrap} then
 * {@code serve}; healthy over gRPC, answering Authorize, stopping cleanly on SIGTERM.
 */
class JarIT {
  private static final Path JAR = Path.of("target", "keygate.jar");
  /** The image's JAVA_TOOL_OPTIONS (see the Dockerfile). */
  private static final String JVM_FLAGS = String.join(" ", ImageFlags.withoutArchive());

  @TempDir
  Path tmp;

  @Test
  void migrateBootstrapAndServeFromTheJarAsTheImageDoes() throws Exception {
    assertThat(JAR).as("the build packages the shaded jar before integration tests").exists();
    String url = TestPostgres.newDatabase();
    // Port 0 for both listeners; the ports they got are read back from the log.
    Map<String, String> env = Map.of(
        "KEYGATE_METRICS_ADDRESS", "127.0.0.1:0",
        "KEYGATE_DATABASE_URL", url,
        "KEYGATE_DATABASE_USER", "postgres",
        "KEYGATE_HOST", "127.0.0.1",
        "KEYGATE_PORT", "0",
        "JAVA_TOOL_OPTIONS", JVM_FLAGS);

    Result migrate = run(env, "migrate");
    assertThat(migrate.exit).as(migrate.output).isZero();

    Result bootstrap = run(env, "bootstrap");
    assertThat(bootstrap.exit).as(bootstrap.output).isZero();
    Matcher secret = Pattern.compile("lk_[0-9a-f]{64}").matcher(bootstrap.output);
    assertThat(secret.find()).as(bootstrap.output).isTrue();
    Result again = run(env, "bootstrap");
    assertThat(again.exit).as("a second bootstrap changes nothing").isEqualTo(1);

    Path log = tmp.resolve("serve.log");
    Process serve = start(env, log, "serve");
    int port = awaitPort(serve, log, "keygate listening on 127.0.0.1:(\\d+)");
    int metricsPort = awaitPort(serve, log, "metrics on http://127.0.0.1:(\\d+)/metrics");
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      awaitServing(channel, serve, log);
      AuthorizeResponse allowed = AuthorizerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10,
          TimeUnit.SECONDS).authorize(AuthorizeRequest.newBuilder().setCredential(secret.group())
          .setResource("api-keys").setAction("read").setClientIp("192.0.2.1").build());
      assertThat(allowed.getReason()).isEqualTo(Reason.REASON_OK);
      HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("keygate_decisions_total{reason=\"ok\",status=\"200\"} 1.0")
          .contains("keygate_ratelimit_errors_total 0.0").contains("keygate_ratelimit_degraded 0.0")
          .contains("keygate_cache_misses_total 1.0");

      serve.destroy();
      assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM within the grace period").isTrue();
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(output).doesNotContain(secret.group());
    } finally {
      channel.shutdownNow();
      serve.destroyForcibly();
    }
  }

  /**
   * The image's class-data-sharing step: {@code keygate train} starts a sidecar under
   * -XX:ArchiveClassesAtExit, which writes an archive of what it loaded — the decision path, not the
   * embedded database or Flyway (which only the training's own process loads) — and the jar starts with
   * -Xshare:on on it (which refuses to start on an archive it cannot map).
   */
  @Test
  void theTrainingRunLeavesAnArchiveOfTheSidecarTheJarStartsWith() throws Exception {
    Path archive = tmp.resolve("keygate.jsa");
    Path classes = tmp.resolve("archived-classes.txt");
    Result train = runJava(List.of(), "train", "--", "-XX:+UseSerialGC", "-Xss512k", "-Xlog:cds=error",
        "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:class+load=info:file=" + classes);
    assertThat(train.exit).as(train.output).isZero();
    assertThat(archive).isNotEmptyFile();
    String loaded = Files.readString(classes, StandardCharsets.UTF_8);
    assertThat(loaded).contains("io.keygate.decision.Authorizer", "io.keygate.store.postgres.PgCredentialStore")
        .doesNotContain("org.flywaydb.", "io.zonky.")
        // Netty's allocator events stay off, so the flight recorder's event registry is not set up on the
        // first call (Netty only asks whether the recorder is available: a few jdk.jfr classes).
        .doesNotContain("netty.buffer.AllocateChunkEvent", "jdk.jfr.internal.MetadataRepository");
    Result start = startOn(archive);
    assertThat(start.exit).as(start.output).isZero();
    assertThat(start.output).contains("keygate 0.1.0");
  }

  /**
   * The image's archive for sidecars counting in Redis: the training's sidecar connects to a real Redis, so
   * the archive holds the Redis limiter (Lettuce, its Netty), and neither Lettuce's connection events nor
   * Netty's set up the flight recorder's event registry (~250 ms of a Redis sidecar's start).
   */
  @Test
  void aTrainingWithRedisArchivesTheRedisLimiterWithoutTheFlightRecorder() throws Exception {
    Path archive = tmp.resolve("keygate-redis.jsa");
    Path classes = tmp.resolve("archived-classes.txt");
    try (TestRedis redis = TestRedis.start()) {
      Result train = runJava(List.of(), "train", "--redis-url", redis.url(), "--", "-XX:+UseSerialGC", "-Xss512k",
          "-Xlog:cds=error", "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:class+load=info:file=" + classes);
      assertThat(train.exit).as(train.output).isZero();
      assertThat(train.output).contains("connected to Redis at 127.0.0.1:" + redis.port());
    }
    assertThat(Files.readString(classes, StandardCharsets.UTF_8))
        .contains("io.keygate.ratelimit.redis.RedisCounters", "io.lettuce.core.RedisClient ")
        .doesNotContain("io.lettuce.core.event.connection.JfrConnectionCreatedEvent",
            "jdk.jfr.internal.MetadataRepository");
    Result start = startOn(archive);
    assertThat(start.exit).as(start.output).isZero();
  }

  /** {@code keygate --version} with the image's flags on {@code archive}: -Xshare:on refuses one it cannot map. */
  private Result startOn(Path archive) throws Exception {
    List<String> imageFlags = new java.util.ArrayList<>(ImageFlags.withoutArchive());
    imageFlags.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive));
    return runJava(imageFlags, "--version");
  }

  private Result runJava(List<String> flags, String command, String... args) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> line = new java.util.ArrayList<>();
    line.add(java.toString());
    line.addAll(flags);
    line.addAll(List.of("-jar", JAR.toString(), command));
    line.addAll(List.of(args));
    Path log = tmp.resolve(command + "-" + System.nanoTime() + ".log");
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("KEYGATE_") || k.equals("JAVA_TOOL_OPTIONS"));
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command + " finishes").isTrue();
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private record Result(int exit, String output) {}

  private Result run(Map<String, String> env, String command) throws Exception {
    Path log = tmp.resolve(command + "-" + System.nanoTime() + ".log");
    Process process = start(env, log, command);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command + " finishes").isTrue();
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static Process start(Map<String, String> env, Path log, String command) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", JAR.toString(), command)
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("KEYGATE_"));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static void awaitServing(ManagedChannel channel, Process serve, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertThat(serve.isAlive()).as(() -> readQuietly(log)).isTrue();
      try {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS)
            .check(HealthCheckRequest.getDefaultInstance());
        if (health.getStatus() == HealthCheckResponse.ServingStatus.SERVING) {
          return;
        }
      } catch (RuntimeException notYet) {
        Thread.sleep(20);
      }
    }
    throw new AssertionError("the jar did not become healthy within 60 s:\n" + readQuietly(log));
  }

  private static String readQuietly(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output)";
    }
  }

  /** The port a log line of the running process reports ({@code pattern}'s first group). */
  private static int awaitPort(Process process, Path log, String pattern) {
    Pattern line = Pattern.compile(pattern);
    int[] port = new int[1];
    Awaitility.await("the log to say: " + pattern).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
        .until(() -> {
          assertThat(process.isAlive()).as(() -> readQuietly(log)).isTrue();
          Matcher found = line.matcher(readQuietly(log));
          if (found.find()) {
            port[0] = Integer.parseInt(found.group(1));
            return true;
          }
          return false;
        });
    return port[0];
  }
}
