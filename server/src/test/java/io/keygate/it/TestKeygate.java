package io.keygate.it;

import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.keygate.config.KeygateConfig;
import io.keygate.config.Settings;
import io.keygate.manage.Bootstrap;
import io.keygate.server.KeygateServer;
import io.keygate.testing.TestClock;
import io.keygate.v1.AcceptedCredentials;
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
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real Keygate server on a loopback port (bound to port 0: the port it got is read back), on a
 * PostgreSQL database, bootstrapped, with a plaintext channel to it and stubs that carry a given
 * credential; {@link #channel(ChannelCredentials)} opens others (TLS, a client certificate) for a
 * server started with {@code KEYGATE_TLS_*}. Tests that keep one for a whole class start it through
 * {@link TestFleet}.
 */
public final class TestKeygate implements AutoCloseable {
  public final KeygateServer server;
  public final ManagedChannel channel;
  public final String jdbcUrl;
  public final Bootstrap.Result system;
  /** The clock every rule of this server reads. */
  public final Clock clock;
  private final Set<String> bearerSecrets = ConcurrentHashMap.newKeySet();
  private final Queue<ManagedChannel> channels = new ConcurrentLinkedQueue<>();

  private TestKeygate(KeygateServer server, String jdbcUrl, Bootstrap.Result system, Clock clock) {
    this.server = server;
    this.jdbcUrl = jdbcUrl;
    this.system = system;
    this.clock = clock;
    this.channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
  }

  /** A server on a fresh database. */
  public static TestKeygate start() {
    return start(TestPostgres.newDatabase());
  }

  /** A server on an existing database (bootstrapping it if empty). */
  public static TestKeygate start(String jdbcUrl) {
    return start(jdbcUrl, Map.of());
  }

  /**
   * A server on an existing database with settings changed from the defaults, as environment
   * variables, e.g. {@code Map.of("KEYGATE_ROUTES_FILE", file)}.
   */
  public static TestKeygate start(String jdbcUrl, Map<String, String> settings) {
    return start(jdbcUrl, settings, Clock.systemUTC());
  }

  /** As above, with every rule reading time from {@code clock} (a {@link TestClock} moves only when told). */
  public static TestKeygate start(String jdbcUrl, Map<String, String> settings, Clock clock) {
    KeygateConfig config = config(jdbcUrl, settings);
    KeygateServer server = KeygateServer.start(config, clock);
    Bootstrap.Result system = server.bootstrap().bootstrapIfEmpty().orElse(null);
    return new TestKeygate(server, jdbcUrl, system, clock);
  }

  /**
   * A sidecar in edge mode: no database, the central tier at {@code centrals} (each a database-mode
   * Keygate with {@code KEYGATE_FLEET_TOKEN} = {@code fleetToken}), then {@code settings}.
   */
  public static TestKeygate edge(List<TestKeygate> centrals, String fleetToken, Map<String, String> settings) {
    Map<String, String> env = new HashMap<>();
    env.put(Settings.HOST.name(), "127.0.0.1");
    env.put(Settings.PORT.name(), "0");
    env.put(Settings.CENTRAL_ADDRESS.name(), String.join(",", centrals.stream()
        .map(c -> "127.0.0.1:" + c.server.port()).toList()));
    env.put(Settings.FLEET_TOKEN.name(), fleetToken);
    env.putAll(settings);
    KeygateConfig config = KeygateConfig.fromEnv(env);
    return new TestKeygate(KeygateServer.start(config, Clock.systemUTC()), null, null,
        Clock.systemUTC());
  }

  /** The settings of a test server on {@code jdbcUrl}: loopback, a free port, then {@code settings}. */
  public static KeygateConfig config(String jdbcUrl, Map<String, String> settings) {
    Map<String, String> env = new HashMap<>();
    env.put(Settings.HOST.name(), "127.0.0.1");
    env.put(Settings.PORT.name(), "0");
    env.put(Settings.DATABASE_URL.name(), jdbcUrl);
    env.put(Settings.DATABASE_USER.name(), "postgres");
    env.putAll(settings);
    return KeygateConfig.fromEnv(env);
  }

  /**
   * A new channel to this server's port with {@code credentials} (e.g. {@code TlsChannelCredentials}),
   * to 127.0.0.1 — the name the server's certificate must then carry —, closed with the server.
   */
  public ManagedChannel channel(ChannelCredentials credentials) {
    ManagedChannel opened = NettyChannelBuilder.forAddress("127.0.0.1", server.port(), credentials).build();
    channels.add(opened);
    return opened;
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

  /**
   * Management calls with {@code secret} go as {@code authorization: Bearer} from now on — for keys of
   * tenants that accept only Bearer ({@link #newTenant} registers their admin's).
   */
  public void sendAsBearer(String secret) {
    bearerSecrets.add(secret);
  }

  /** {@code secret} the way its tenant accepts it: Bearer if registered so, else {@code x-api-key}. */
  public Metadata credentials(String secret) {
    return bearerSecrets.contains(secret) ? bearer(secret) : apiKeyHeader(secret);
  }

  public static <S extends AbstractStub<S>> S with(S stub, Metadata metadata) {
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  public ApiKeyServiceGrpc.ApiKeyServiceBlockingStub keys(String secret) {
    return with(ApiKeyServiceGrpc.newBlockingStub(channel), credentials(secret));
  }

  public RoleServiceGrpc.RoleServiceBlockingStub roles(String secret) {
    return with(RoleServiceGrpc.newBlockingStub(channel), credentials(secret));
  }

  public PrincipalServiceGrpc.PrincipalServiceBlockingStub principals(String secret) {
    return with(PrincipalServiceGrpc.newBlockingStub(channel), credentials(secret));
  }

  public ScopeServiceGrpc.ScopeServiceBlockingStub scopes(String secret) {
    return with(ScopeServiceGrpc.newBlockingStub(channel), credentials(secret));
  }

  public TenantServiceGrpc.TenantServiceBlockingStub tenants(String secret) {
    return with(TenantServiceGrpc.newBlockingStub(channel), credentials(secret));
  }

  public AuditServiceGrpc.AuditServiceBlockingStub audit(String secret) {
    return with(AuditServiceGrpc.newBlockingStub(channel), credentials(secret));
  }

  public AuthorizerServiceGrpc.AuthorizerServiceBlockingStub authorizer() {
    return AuthorizerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  /** A new tenant with the given settings; returns what CreateTenant returned (with its admin secret). */
  public CreateTenantResponse newTenant(String name, TenantSettings settings) {
    CreateTenantResponse created = tenants(system.secret()).createTenant(CreateTenantRequest.newBuilder()
        .setName(name).setSettings(settings).build());
    if (settings.getAcceptedCredentials() == AcceptedCredentials.ACCEPTED_CREDENTIALS_BEARER) {
      sendAsBearer(created.getAdminSecret());
    }
    return created;
  }

  public CreateTenantResponse newTenant(String name) {
    return newTenant(name, TenantSettings.getDefaultInstance());
  }

  @Override
  public void close() {
    channel.shutdownNow();
    channels.forEach(ManagedChannel::shutdownNow);
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
  }
}
