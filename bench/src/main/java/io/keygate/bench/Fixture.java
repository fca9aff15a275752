package io.keygate.bench;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateTenantRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.RevokeApiKeyRequest;
import io.keygate.v1.RoleServiceGrpc;
import io.keygate.v1.TenantServiceGrpc;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenSpec;
import io.keygate.v1.UpdateTenantRequest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.embedded.RedisServer;

/**
 * What every measurement shares: one PostgreSQL (embedded, its own data directory), one Redis, the
 * schema migrated and bootstrapped by the jar itself, and a "bench" tenant whose limits are high
 * enough never to bind (rate limiting stays on: every call is counted).
 */
final class Fixture implements AutoCloseable {
  static final long NEVER_BINDS = 1_000_000_000L;

  final Path jar;
  final Path dir;
  final EmbeddedPostgres postgres;
  final String jdbcUrl;
  final RedisServer redis;
  final int redisPort;
  final String systemSecret;
  String tenantAdminSecret;
  String tenantAdminKeyId;
  /** A role holding the permission every bench call asks for ({@code api-keys:read}). */
  String readerRoleId;

  private Fixture(Path jar, Path dir, EmbeddedPostgres postgres, RedisServer redis, int redisPort,
      String systemSecret) {
    this.jar = jar;
    this.dir = dir;
    this.postgres = postgres;
    this.jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
    this.redis = redis;
    this.redisPort = redisPort;
    this.systemSecret = systemSecret;
  }

  static Fixture start(Path jar, Path dir) throws IOException {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres"))
        .setCleanDataDirectory(true).setServerConfig("max_connections", "300")
        .setServerConfig("shared_buffers", "256MB").start();
    int redisPort = Jvm.freePort();
    RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort)
        .setting("save \"\"").setting("appendonly no").build();
    redis.start();
    Map<String, String> env = Map.of("KEYGATE_DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"),
        "KEYGATE_DATABASE_USER", "postgres");
    run(jar, env, dir, "migrate");
    String out = run(jar, env, dir, "bootstrap");
    Matcher secret = Pattern.compile("lk_[0-9a-f]{64}").matcher(out);
    if (!secret.find()) {
      throw new IllegalStateException("bootstrap printed no secret:\n" + out);
    }
    return new Fixture(jar, dir, postgres, redis, redisPort, secret.group());
  }

  /** Settings every sidecar of the bench gets; {@code extra} overrides. */
  Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("KEYGATE_DATABASE_URL", jdbcUrl);
    env.put("KEYGATE_DATABASE_USER", "postgres");
    env.put("KEYGATE_MIGRATE", "false"); // as the Helm chart runs sidecars: its hook Job migrates
    env.putAll(extra);
    // Experiments: BENCH_SIDECAR_ENV="KEYGATE_EXECUTOR_THREADS=16,KEYGATE_REDIS_TIMEOUT_MS=100" overrides any of it.
    String override = System.getenv("BENCH_SIDECAR_ENV");
    if (override != null && !override.isBlank()) {
      for (String pair : override.split(",")) {
        String[] kv = pair.split("=", 2);
        env.put(kv[0].trim(), kv[1].trim());
      }
    }
    return env;
  }

  String redisUrl() {
    return "redis://127.0.0.1:" + redisPort;
  }

  /** The bench tenant, created through {@code sidecar}'s management API. */
  void createTenant(Served sidecar) {
    ManagedChannel channel = channel(sidecar);
    try {
      CreateTenantResponse tenant = with(TenantServiceGrpc.newBlockingStub(channel), systemSecret)
          .createTenant(CreateTenantRequest.newBuilder().setName("bench").setSettings(TenantSettings.newBuilder()
              .setKeyLimitPerMinute(NEVER_BINDS).setIpLimitRequests(NEVER_BINDS)
              .setMaxActiveTokensPerPrincipal(0)).build()); // the bench makes thousands of keys
      tenantAdminSecret = tenant.getAdminSecret();
      tenantAdminKeyId = tenant.getAdminApiKeyId();
      readerRoleId = with(RoleServiceGrpc.newBlockingStub(channel), tenantAdminSecret).createRole(
          CreateRoleRequest.newBuilder().setName("reader").addPermissions("api-keys:read").build()).getRole().getId();
    } finally {
      channel.shutdownNow();
    }
  }

  /**
   * Sets the bench tenant's per-IP limit through {@code sidecar} (the limit is the tenant's: every
   * sidecar learns of the change through the change log).
   */
  void tenantIpLimit(Served sidecar, long requests, Duration window) {
    ManagedChannel channel = channel(sidecar);
    try {
      with(TenantServiceGrpc.newBlockingStub(channel), tenantAdminSecret).updateTenant(UpdateTenantRequest.newBuilder()
          .setSettings(TenantSettings.newBuilder().setIpLimitRequests(requests).setIpLimitWindow(
              com.google.protobuf.Duration.newBuilder().setSeconds(window.toSeconds()))).build());
    } finally {
      channel.shutdownNow();
    }
  }

  /** A new key of the bench tenant with a first token; its secret is in the response. */
  CreateApiKeyResponse createKey(ManagedChannel channel, String name, boolean withToken) {
    CreateApiKeyRequest.Builder request = CreateApiKeyRequest.newBuilder().setName(name).setRoleId(readerRoleId);
    if (withToken) {
      request.setInitialToken(TokenSpec.getDefaultInstance());
    }
    return with(ApiKeyServiceGrpc.newBlockingStub(channel), tenantAdminSecret).createApiKey(request.build());
  }

  void revokeKey(ManagedChannel channel, String keyId) {
    with(ApiKeyServiceGrpc.newBlockingStub(channel), tenantAdminSecret)
        .revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(keyId).build());
  }

  static ManagedChannel channel(Served sidecar) {
    return NettyChannelBuilder.forAddress("127.0.0.1", sidecar.port).usePlaintext().build();
  }

  static <S extends AbstractStub<S>> S with(S stub, String secret) {
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), secret);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** Redis's command counts ({@code INFO commandstats}): name → calls, INFO itself left out. */
  Map<String, Long> redisCommands() {
    RedisClient client = RedisClient.create(redisUrl());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      Map<String, Long> calls = new HashMap<>();
      Pattern line = Pattern.compile("cmdstat_([a-z|_-]+):calls=(\\d+)");
      for (String text : c.sync().info("commandstats").split("\r?\n")) {
        Matcher m = line.matcher(text);
        if (m.find() && !m.group(1).equals("info")) {
          calls.put(m.group(1), Long.parseLong(m.group(2)));
        }
      }
      return calls;
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
  }

  /** The Redis server's process id ({@code INFO server}), to pin it. */
  long redisPid() {
    RedisClient client = RedisClient.create(redisUrl());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      for (String line : c.sync().info("server").split("\r?\n")) {
        if (line.startsWith("process_id:")) {
          return Long.parseLong(line.substring("process_id:".length()).trim());
        }
      }
      throw new IllegalStateException("Redis reported no process_id");
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
  }

  /** Redis's own {@code cmdstat_evalsha} line: calls, total and per-call server time. */
  String redisScriptStats() {
    RedisClient client = RedisClient.create(redisUrl());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      for (String line : c.sync().info("commandstats").split("\r?\n")) {
        if (line.startsWith("cmdstat_evalsha:")) {
          return line.substring("cmdstat_evalsha:".length());
        }
      }
      return "no EVALSHA";
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
  }

  void redisFlush() {
    RedisClient client = RedisClient.create(redisUrl());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      c.sync().flushall();
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
  }

  /** One Prometheus sample of a sidecar's metrics endpoint, e.g. {@code keygate_cache_misses_total}. */
  static double metric(int metricsPort, String name) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      for (String line : response.body().split("\n")) {
        if (line.startsWith(name + " ")) {
          return Double.parseDouble(line.substring(name.length() + 1).trim());
        }
      }
      throw new IllegalStateException("no metric " + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String run(Path jar, Map<String, String> env, Path dir, String command) {
    Path log = dir.resolve(command + ".log");
    Process process = Jvm.start(Jvm.SHIPPED_FLAGS, List.of("-jar", jar.toString(), command), env, log);
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("keygate " + command + " failed:\n" + Jvm.read(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return Jvm.read(log);
  }

  @Override
  public void close() {
    try {
      redis.stop();
    } catch (IOException ignored) {
      // exiting anyway
    }
    try {
      postgres.close();
    } catch (IOException ignored) {
      // exiting anyway
    }
  }
}
