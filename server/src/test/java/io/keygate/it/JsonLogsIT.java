package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.keygate.keys.SecretFormat;
import io.keygate.testing.StrictJson;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.Decision;
import io.keygate.v1.GetApiKeyRequest;
import io.keygate.v1.Reason;
import io.keygate.v1.TokenSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar with {@code KEYGATE_LOG_FORMAT=json}, as the Helm chart runs it: {@code bootstrap},
 * then {@code serve} with Keygate's loggers at TRACE; an allowed and a refused Authorize, management
 * calls that carry secrets (one creates a key and returns its new secret), three requests that are
 * not protobuf and three with a header HTTP/2 forbids (grpc-java logs each of those through
 * java.util.logging with a stack trace); then SIGTERM. Every line either command wrote to stderr is
 * one JSON object with the standard fields, no issued secret appears in stderr or stdout of
 * {@code serve}, grpc-java's record came through the JUL bridge as JSON, and no kind of stack trace
 * was written twice (the repeats are throttled).
 */
class JsonLogsIT {
  private static final Path JAR = Path.of("target", "keygate.jar");
  /**
   * The image's JVM flags, on the command line: set through JAVA_TOOL_OPTIONS, as the image does,
   * the JVM itself prints "Picked up JAVA_TOOL_OPTIONS: …" to stderr, a line Keygate cannot format.
   */
  private static final List<String> JVM_FLAGS = ImageFlags.withoutArchive();
  private static final String GRPC_NETTY_HANDLER = "io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler";
  private static final MethodDescriptor.Marshaller<byte[]> RAW = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  @TempDir
  Path tmp;

  @Test
  void everyStderrLineIsJsonWithoutASecretAndGrpcJavasOwnRecordsComeThroughTheBridgeAsJson() throws Exception {
    assertThat(JAR).as("the build packages the shaded jar before integration tests").exists();
    Map<String, String> env = Map.of(
        "KEYGATE_LOG_FORMAT", "json",
        "KEYGATE_LOG_LEVEL", "trace",
        "KEYGATE_DATABASE_URL", TestPostgres.newDatabase(),
        "KEYGATE_DATABASE_USER", "postgres",
        "KEYGATE_HOST", "127.0.0.1",
        "KEYGATE_PORT", "0");

    Run bootstrap = start(env, "bootstrap");
    assertThat(bootstrap.process.waitFor(60, TimeUnit.SECONDS)).as("bootstrap finishes").isTrue();
    assertThat(bootstrap.process.exitValue()).as(bootstrap.stderr()).isZero();
    Matcher printed = Pattern.compile("lk_[0-9a-f]{64}").matcher(bootstrap.stdout());
    assertThat(printed.find()).as(bootstrap.stdout()).isTrue();
    String admin = printed.group();
    List<String> secrets = new ArrayList<>(List.of(admin));

    Run serve = start(env, "serve");
    try {
      exercise(awaitPort(serve), serve, admin, secrets);
    } finally {
      serve.process.destroy();
      assertThat(serve.process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
      serve.process.destroyForcibly();
    }

    List<JsonObject> lines = new ArrayList<>();
    for (Run run : List.of(bootstrap, serve)) {
      for (String line : run.stderr().split("\n", -1)) {
        if (!line.isEmpty()) {
          lines.add(StrictJson.parseObject(line));
        }
      }
      for (String secret : secrets) {
        assertThat(run.stderr()).as("stderr of " + run.command).doesNotContain(secret.substring(3))
            .doesNotContain(secret.substring(11, 43));
      }
    }
    assertThat(serve.stdout()).as("serve prints nothing").isEmpty();
    for (JsonObject line : lines) {
      assertThat(line.keySet()).as(line.toString()).contains("timestamp", "level", "logger", "thread", "message");
      assertThat(Instant.parse(line.get("timestamp").getAsString())).isBefore(Instant.now());
    }
    assertThat(lines).as("Keygate's own lines").anyMatch(l -> l.get("logger").getAsString()
        .equals("io.keygate.server.KeygateServer")
        && l.get("message").getAsString().startsWith("keygate listening on"));
    Map<String, Long> stackTraces = lines.stream().filter(l -> l.has("stack_trace")).collect(Collectors.groupingBy(
        l -> l.get("logger").getAsString() + " " + l.get("exception_class").getAsString(), Collectors.counting()));
    assertThat(stackTraces).as("each kind of stack trace once, the repeats throttled").allSatisfy((kind, count) ->
        assertThat(count).as(kind).isOne());
    List<JsonObject> streamErrors = lines.stream().filter(l -> l.get("logger").getAsString()
        .equals(GRPC_NETTY_HANDLER) && l.get("message").getAsString().equals("Stream Error")).toList();
    assertThat(streamErrors).as("grpc-java's JUL record, as JSON, the two repeats throttled").singleElement()
        .satisfies(l -> {
          assertThat(l.get("level").getAsString()).isEqualTo("WARN");
          assertThat(l.get("exception_class").getAsString()).endsWith("Http2Exception$StreamException");
          assertThat(l.get("exception_message").getAsString()).contains("'connection'");
          assertThat(l.get("stack_trace").getAsString()).contains("\tat io.grpc.netty.shaded.");
        });
  }

  /**
   * {@code keygate dev} (the embedded PostgreSQL, its own processes' output included) writes JSON too,
   * with grpc-java's records routed in; its stdout shows the admin key, stderr never does.
   */
  @Test
  void devWritesEveryStderrLineAsJsonToo() throws Exception {
    Run dev = start(Map.of("KEYGATE_LOG_FORMAT", "json"), "dev", "--data-dir", tmp.resolve("data").toString(),
        "--port", "0");
    try {
      int port = awaitPort(dev);
      Awaitility.await("dev to print its admin key").atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20)).until(() -> dev.stdout().contains("Stop with Ctrl-C"));
      Matcher printed = Pattern.compile("lk_[0-9a-f]{64}").matcher(dev.stdout());
      assertThat(printed.find()).as(dev.stdout()).isTrue();
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
      try {
        awaitServing(channel, dev);
        assertThatThrownBy(() -> HealthGrpc.newBlockingStub(channel).withInterceptors(
            MetadataUtils.newAttachHeadersInterceptor(forbiddenHeader())).withDeadlineAfter(10, TimeUnit.SECONDS)
            .check(HealthCheckRequest.getDefaultInstance())).isInstanceOf(StatusRuntimeException.class);
        awaitLine(dev, "Stream Error");
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      dev.process.destroy();
      assertThat(dev.process.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
      List<JsonObject> lines = dev.stderr().lines().map(StrictJson::parseObject).toList();
      assertThat(lines).anyMatch(l -> l.get("logger").getAsString().equals(GRPC_NETTY_HANDLER));
      assertThat(dev.stderr()).doesNotContain(printed.group().substring(3));
    } finally {
      dev.process.destroyForcibly();
    }
  }

  /** A start that fails (here on a setting out of range) says why in JSON too, not as a raw stack trace. */
  @Test
  void aFailedStartIsOneJsonErrorNamingTheSetting() throws Exception {
    Run serve = start(Map.of("KEYGATE_LOG_FORMAT", "json", "KEYGATE_PORT", "seventy"), "serve");
    assertThat(serve.process.waitFor(60, TimeUnit.SECONDS)).as("serve gives up").isTrue();

    assertThat(serve.process.exitValue()).isEqualTo(1);
    List<JsonObject> lines = serve.stderr().lines().map(StrictJson::parseObject).toList();
    assertThat(lines).singleElement().satisfies(line -> {
      assertThat(line.get("level").getAsString()).isEqualTo("ERROR");
      assertThat(line.get("message").getAsString()).isEqualTo("keygate serve failed: KEYGATE_PORT must be a whole"
          + " number, got 'seventy'");
      assertThat(line.get("exception_class").getAsString()).isEqualTo(IllegalArgumentException.class.getName());
    });
  }

  /** The calls whose logs are checked; adds the secrets it learns to {@code secrets}. */
  private static void exercise(int port, Run serve, String admin, List<String> secrets) throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      awaitServing(channel, serve);
      var authorizer = AuthorizerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
      assertThat(authorizer.authorize(authorize(admin)).getReason()).isEqualTo(Reason.REASON_OK);
      String unknown = new SecretFormat(SecretFormat.DEFAULT_PREFIX).generate();
      secrets.add(unknown);
      assertThat(authorizer.authorize(authorize(unknown)).getDecision()).isEqualTo(Decision.DECISION_DENY);

      var keys = TestKeygate.with(ApiKeyServiceGrpc.newBlockingStub(channel), TestKeygate.apiKeyHeader(admin));
      secrets.add(keys.createApiKey(CreateApiKeyRequest.newBuilder().setName("logged")
          .setInitialToken(TokenSpec.getDefaultInstance()).build()).getSecret());
      assertThatThrownBy(() -> keys.getApiKey(GetApiKeyRequest.newBuilder().setApiKeyId(admin).build()))
          .isInstanceOf(StatusRuntimeException.class);
      assertThatThrownBy(() -> TestKeygate.with(ApiKeyServiceGrpc.newBlockingStub(channel),
          TestKeygate.apiKeyHeader(unknown)).getApiKey(GetApiKeyRequest.newBuilder().setApiKeyId("key_x").build()))
          .isInstanceOf(StatusRuntimeException.class);

      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, raw(
            AuthorizerServiceGrpc.getAuthorizeMethod().getFullMethodName()), CallOptions.DEFAULT.withDeadlineAfter(10,
            TimeUnit.SECONDS), notProtobuf(admin))).as("a request that is not protobuf fails")
            .isInstanceOf(StatusRuntimeException.class);
      }
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> HealthGrpc.newBlockingStub(channel).withInterceptors(
            MetadataUtils.newAttachHeadersInterceptor(forbiddenHeader())).withDeadlineAfter(10, TimeUnit.SECONDS)
            .check(HealthCheckRequest.getDefaultInstance()))
            .as("HTTP/2 forbids connection-specific headers").isInstanceOf(StatusRuntimeException.class);
      }
      awaitLine(serve, "Stream Error");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static AuthorizeRequest authorize(String credential) {
    return AuthorizeRequest.newBuilder().setCredential(credential).setResource("api-keys").setAction("read")
        .setClientIp("192.0.2.1").build();
  }

  private static MethodDescriptor<byte[], byte[]> raw(String method) {
    return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(method).setRequestMarshaller(RAW).setResponseMarshaller(RAW).build();
  }

  /** Field 1 (credential) holding a secret, then a field whose length runs past the end. */
  private static byte[] notProtobuf(String secret) {
    byte[] text = secret.getBytes(StandardCharsets.US_ASCII);
    byte[] message = new byte[text.length + 5];
    message[0] = 0x0a;
    message[1] = (byte) text.length;
    System.arraycopy(text, 0, message, 2, text.length);
    message[text.length + 2] = 0x12;
    message[text.length + 3] = 0x7f;
    message[text.length + 4] = 0x41;
    return message;
  }

  private static Metadata forbiddenHeader() {
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of("connection", Metadata.ASCII_STRING_MARSHALLER), "close");
    return metadata;
  }

  /** A running or finished command of the jar, its stdout and stderr in separate files. */
  private record Run(String command, Process process, Path out, Path err) {
    String stdout() {
      return read(out);
    }

    String stderr() {
      return read(err);
    }

    private static String read(Path file) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(unreadable: " + e + ")";
      }
    }
  }

  private Run start(Map<String, String> env, String command, String... flags) throws IOException {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    line.addAll(JVM_FLAGS);
    line.addAll(List.of("-jar", JAR.toString(), command));
    line.addAll(List.of(flags));
    Path out = tmp.resolve(command + ".out");
    Path err = tmp.resolve(command + ".err");
    ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("KEYGATE_") || k.equals("JAVA_TOOL_OPTIONS")
        || k.equals("JDK_JAVA_OPTIONS"));
    builder.environment().putAll(env);
    return new Run(command, builder.start(), out, err);
  }

  private static int awaitPort(Run serve) {
    assertThat(JAR).as("the build packages the shaded jar before integration tests").exists();
    Pattern listening = Pattern.compile("keygate listening on 127.0.0.1:(\\d+)");
    int[] port = new int[1];
    Awaitility.await("serve to log its port").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
        .until(() -> {
          assertThat(serve.process.isAlive()).as(serve::stderr).isTrue();
          Matcher found = listening.matcher(serve.stderr());
          if (found.find()) {
            port[0] = Integer.parseInt(found.group(1));
            return true;
          }
          return false;
        });
    return port[0];
  }

  private static void awaitLine(Run serve, String text) {
    Awaitility.await("serve to log " + text).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
        .until(() -> serve.stderr().contains(text));
  }

  private static void awaitServing(ManagedChannel channel, Run serve) {
    Awaitility.await("serve to become healthy").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
        .ignoreExceptionsInstanceOf(StatusRuntimeException.class).until(() -> {
          assertThat(serve.process.isAlive()).as(serve::stderr).isTrue();
          return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS)
              .check(HealthCheckRequest.getDefaultInstance()).getStatus() == HealthCheckResponse.ServingStatus.SERVING;
        });
  }
}
