package io.keygate.it;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.keygate.config.HotPathConfig;
import io.keygate.config.KeygateConfig;
import io.keygate.manage.Bootstrap;
import io.keygate.server.KeygateServer;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.AuditServiceGrpc;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.CreateTenantRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.PrincipalServiceGrpc;
import io.keygate.v1.RoleServiceGrpc;
import io.keygate.v1.ScopeServiceGrpc;
import io.keygate.v1.TenantServiceGrpc;
import io.keygate.v1.TenantSettings;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real Keygate server on a loopback port, on its own fresh PostgreSQL database, bootstrapped, with
 * a plaintext channel to it and stubs that carry a given credential.
 */
public final class TestKeygate implements AutoCloseable {
  public final KeygateServer server;
  public final ManagedChannel channel;
  public final String jdbcUrl;
  public final Bootstrap.Result system;

  private TestKeygate(KeygateServer server, String jdbcUrl, Bootstrap.Result system) {
    this.server = server;
    this.jdbcUrl = jdbcUrl;
    this.system = system;
    this.channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
  }

  public static TestKeygate start() {
    return start(TestPostgres.newDatabase());
  }

  /** A server on an existing database (bootstrapping it if empty). */
  public static TestKeygate start(String jdbcUrl) {
    return start(jdbcUrl, UnaryOperator.identity());
  }

  /**
   * A server on an existing database with decision-path settings changed from the defaults, e.g.
   * {@code hot -> hot.withRoutes(file, 1)} or {@code hot -> hot.withCache(Duration.ofSeconds(1), false)}.
   */
  public static TestKeygate start(String jdbcUrl, UnaryOperator<HotPathConfig> settings) {
    KeygateConfig base = KeygateConfig.fromEnv(Map.of());
    KeygateConfig config = base
        .withHotPath(settings.apply(base.hotPath()))
        .withListen("127.0.0.1", 0)
        .withDatabase(jdbcUrl, "postgres", "");
    KeygateServer server = KeygateServer.start(config);
    Bootstrap.Result system = server.bootstrap().bootstrapIfEmpty().orElse(null);
    return new TestKeygate(server, jdbcUrl, system);
  }

  /** Metadata carrying {@code secret} in {@code x-api-key}. */
  public static Metadata apiKeyHeader(String secret) {
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), secret);
    return metadata;
  }

  /** Metadata carrying {@code secret} as {@code authorization: Bearer}. */
  public static Metadata bearer(String secret) {
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + secret);
    return metadata;
  }

  public static <S extends AbstractStub<S>> S with(S stub, Metadata metadata) {
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  public ApiKeyServiceGrpc.ApiKeyServiceBlockingStub keys(String secret) {
    return with(ApiKeyServiceGrpc.newBlockingStub(channel), apiKeyHeader(secret));
  }

  public RoleServiceGrpc.RoleServiceBlockingStub roles(String secret) {
    return with(RoleServiceGrpc.newBlockingStub(channel), apiKeyHeader(secret));
  }

  public PrincipalServiceGrpc.PrincipalServiceBlockingStub principals(String secret) {
    return with(PrincipalServiceGrpc.newBlockingStub(channel), apiKeyHeader(secret));
  }

  public ScopeServiceGrpc.ScopeServiceBlockingStub scopes(String secret) {
    return with(ScopeServiceGrpc.newBlockingStub(channel), apiKeyHeader(secret));
  }

  public TenantServiceGrpc.TenantServiceBlockingStub tenants(String secret) {
    return with(TenantServiceGrpc.newBlockingStub(channel), apiKeyHeader(secret));
  }

  public AuditServiceGrpc.AuditServiceBlockingStub audit(String secret) {
    return with(AuditServiceGrpc.newBlockingStub(channel), apiKeyHeader(secret));
  }

  public AuthorizerServiceGrpc.AuthorizerServiceBlockingStub authorizer() {
    return AuthorizerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  /** A new tenant with the given settings; returns what CreateTenant returned (with its admin secret). */
  public CreateTenantResponse newTenant(String name, TenantSettings settings) {
    return tenants(system.secret()).createTenant(CreateTenantRequest.newBuilder()
        .setName(name).setSettings(settings).build());
  }

  public CreateTenantResponse newTenant(String name) {
    return newTenant(name, TenantSettings.getDefaultInstance());
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
  }
}
