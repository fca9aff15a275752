package io.keygate.server;

import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import com.github.benmanes.caffeine.cache.Ticker;
import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.keygate.cache.CachingCredentialStore;
import io.keygate.config.HostPort;
import io.keygate.config.HotPathConfig;
import io.keygate.config.KeygateConfig;
import io.keygate.config.RateLimitConfig;
import io.keygate.config.Settings;
import io.keygate.config.TlsConfig;
import io.keygate.decision.Authorizer;
import io.keygate.decision.Limits;
import io.keygate.authz.RouteTable;
import io.keygate.keys.SecretFormat;
import io.keygate.manage.ApiKeyManager;
import io.keygate.manage.AuditReader;
import io.keygate.manage.Authenticator;
import io.keygate.manage.Bootstrap;
import io.keygate.manage.PrincipalManager;
import io.keygate.manage.RoleManager;
import io.keygate.manage.ScopeManager;
import io.keygate.manage.TenantManager;
import io.keygate.manage.TenantSetup;
import io.keygate.manage.TokenIssuer;
import io.keygate.manage.TokenManager;
import io.keygate.ratelimit.Counters;
import io.keygate.ratelimit.LocalCounters;
import io.keygate.ratelimit.WindowedRateLimiter;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.keygate.store.ChangeFeed;
import io.keygate.store.ChangeListener;
import io.keygate.store.UsageRecorder;
import io.keygate.store.UsageWriter;
import io.keygate.fleet.ChangeHub;
import io.keygate.fleet.Edge;
import io.keygate.fleet.FleetGrpcService;
import io.keygate.fleet.v1.FleetServiceGrpc;
import io.keygate.transport.grpc.FleetToken;
import io.keygate.transport.grpc.Admission;
import io.keygate.transport.grpc.MessageGuard;
import io.keygate.telemetry.GrpcServerMetrics;
import io.keygate.telemetry.Health;
import io.keygate.telemetry.Metrics;
import io.keygate.telemetry.ObservedRedis;
import io.keygate.telemetry.ObservedDecisions;
import io.keygate.telemetry.ObservedStore;
import io.keygate.telemetry.PoolMetrics;
import io.keygate.telemetry.Tracing;
import io.keygate.transport.grpc.TracingInterceptor;
import io.keygate.store.postgres.Database;
import io.keygate.store.postgres.EmbeddedDatabase;
import io.keygate.store.postgres.PgChangeFeed;
import io.keygate.store.postgres.PgCredentialStore;
import io.keygate.store.postgres.PgUsageWriter;
import io.keygate.transport.envoy.ExtAuthzService;
import io.keygate.transport.grpc.ApiKeyGrpcService;
import io.keygate.transport.grpc.AuditGrpcService;
import io.keygate.transport.grpc.AuthorizerGrpcService;
import io.keygate.transport.grpc.CallerInterceptor;
import io.keygate.transport.grpc.PrincipalGrpcService;
import io.keygate.transport.grpc.RoleGrpcService;
import io.keygate.transport.grpc.ScopeGrpcService;
import io.keygate.transport.grpc.TenantGrpcService;
import io.keygate.transport.tls.ClientTls;
import io.keygate.transport.tls.PemFile;
import io.keygate.transport.tls.ServerTls;
import io.keygate.v1.AuthorizerServiceGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Keygate sidecar: database (embedded or configured), migrations, the domain, and the gRPC
 * server with health and reflection. {@link #close()} drains gracefully: health turns NOT_SERVING,
 * new calls are refused, in-flight calls get {@code shutdownGrace} to finish.
 */
public final class KeygateServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KeygateServer.class);
  /** Calls that may be in flight per RPC thread; beyond that, calls are shed ({@link Admission}). */
  private static final int CALLS_PER_THREAD = 64;
  /** Messages a central tier queues for one edge sidecar that does not read before it drops the stream. */
  private static final int CHANGES_QUEUED_PER_STREAM = 10_000;
  /** Time the calls of a connection closed for its age get to finish. */
  private static final int CONNECTION_AGE_GRACE_SECONDS = 30;

  private final KeygateConfig config;
  private final EmbeddedDatabase embedded;
  /** The database; null in edge mode. */
  private final Database database;
  /** The channel to the central tier; null in database mode. */
  private final ManagedChannel central;
  private final Server server;
  private final ThreadPoolExecutor executor;
  private final HealthStatusManager healthStatus = new HealthStatusManager();
  private final Health health;
  private final Tracing tracing;
  private final Bootstrap bootstrap;
  private final CachingCredentialStore cache;
  private final ChangeFeed changeFeed;
  private final ChangeHub hub;
  private final UsageRecorder usage;
  private final Counters counters;
  private final WindowedRateLimiter limiter;
  private final Metrics metrics;
  /** The Prometheus endpoint, when {@code KEYGATE_METRICS_ADDRESS} asks for one. */
  private volatile HTTPServer metricsEndpoint;
  private final Admission admission;
  private final ServerTls tls;

  /**
   * A sidecar on {@code database} (database mode; the central tier when it has a fleet token) or, with
   * {@code database} null, on the central tier at {@code KEYGATE_CENTRAL_ADDRESS} (edge mode: no
   * database connection at all).
   */
  private KeygateServer(KeygateConfig config, EmbeddedDatabase embedded, Database database,
      ServerBuilder<?> transport, ServerTls tls, Clock clock, Tracing tracing, RateLimitCounters rateLimitCounters) {
    this.config = config;
    this.embedded = embedded;
    this.database = database;
    this.tls = tls;
    this.tracing = tracing;
    this.metrics = new Metrics();
    HotPathConfig hot = config.hotPath();
    SecretFormat format = new SecretFormat(config.tokenPrefix());
    FleetToken token = config.fleetToken().isEmpty() ? null : new FleetToken(config.fleetToken());
    Edge edge = database == null ? Edge.open(config.centralAddresses(), token, centralCredentials(config),
        config.centralTimeout()) : null;
    this.central = edge == null ? null : edge.channel();
    if (database != null) {
      database.trackMetrics(new PoolMetrics(metrics.registry()));
    }
    ObservedStore store = new ObservedStore(edge != null ? edge.store() : new PgCredentialStore(database, clock),
        tracing, metrics.registry());
    RouteTable routes = hot.routesFile() == null ? RouteTable.EMPTY : RouteTable.load(hot.routesFile());
    // Where a database-mode feed starts: whatever is read from here on carries a later version.
    long logPosition = database == null ? -1 : PgChangeFeed.currentPosition(database);
    // The central tier (a database-mode sidecar with a fleet token) streams the change log to edges.
    this.hub = edge == null && token != null ? new ChangeHub(database, logPosition, CHANGES_QUEUED_PER_STREAM) : null;
    List<ChangeListener> listeners = new ArrayList<>();
    if (hot.cacheTtl().isZero()) {
      this.cache = null;
    } else {
      // A test clock may also tick for the caches (it implements Caffeine's Ticker).
      Ticker ticker = clock instanceof Ticker clockTicker ? clockTicker : Ticker.systemTicker();
      // In parts only where every change is told as it commits: a database-mode sidecar's change feed.
      this.cache = new CachingCredentialStore(store, edge == null && hot.changeFeed() ? store.parts() : null,
          this::toldThrough, hot.cacheTtl(), hot.negativeCacheTtl(), hot.cacheMaxEntries(), ticker);
      if (database != null) {
        database.publishChangesTo(cache);
      }
      if (hot.changeFeed()) {
        listeners.add(cache);
      }
    }
    if (hub != null) {
      listeners.add(hub);
    }
    ChangeListener told = ChangeListener.all(listeners);
    this.changeFeed = listeners.isEmpty() ? null : edge != null ? edge.feed(told)
        : new PgChangeFeed(database, told, hot.changeLogRetention(), logPosition);
    UsageWriter writer = edge != null ? edge.usage() : new PgUsageWriter(database);
    this.usage = new UsageRecorder(writer, hot.usageFlushInterval(), hot.cacheMaxEntries());
    this.executor = boundedExecutor(config.executorThreads());
    // While tracing is on, the decision's trace context follows it to the pool (lookups) and back.
    Executor decisionPool = tracing.propagating(executor);
    RateLimitConfig limits = hot.rateLimits();
    this.counters = rateLimitCounters.counters(clock, limits.redis() ? new ObservedRedis(tracing, metrics.registry())
        : null);
    this.limiter = new WindowedRateLimiter(counters, new LocalCounters(clock, LocalCounters.boundFor(
        Runtime.getRuntime().maxMemory(), hot.cacheMaxEntries())), limits.failOpen(), decisionPool);
    Authorizer authorizer = new Authorizer(cache != null ? cache : store, format, clock, routes, limiter,
        new Limits(limits.authFailureLimit(), limits.authFailureWindow().toMillis(), limits.flaggedLookupsPerMinute()),
        usage, decisionPool);
    this.metrics.observe(authorizer, limiter, cache, changeFeed, usage);
    ObservedDecisions decisions = new ObservedDecisions(authorizer, tracing, metrics.registry(), limits.redis(),
        limiter::degraded);
    TokenIssuer issuer = new TokenIssuer(format, clock);
    TenantSetup setup = new TenantSetup(issuer);
    this.bootstrap = database == null ? null : new Bootstrap(database, setup);
    // The decision services answer cached keys on the transport thread (no executor hop) and move
    // what may block — lookups, a Redis client not connected yet — to the pool themselves.
    this.admission = new Admission(executor, CALLS_PER_THREAD * config.executorThreads(), Set.of(
        AuthorizerServiceGrpc.getAuthorizeMethod().getFullMethodName(),
        AuthorizationGrpc.getCheckMethod().getFullMethodName()),
        Set.of(FleetServiceGrpc.getWatchChangesMethod().getFullMethodName()));
    this.metrics.countShedCalls(admission::shed);
    MessageGuard messages = new MessageGuard();
    GrpcServerMetrics grpcMetrics = new GrpcServerMetrics(metrics.registry());
    // Tracing on: the caller's trace context current in every handler, a span for each management call.
    List<ServerInterceptor> traced = tracing.enabled() ? List.of(new TracingInterceptor(tracing, Set.of(
        AuthorizerServiceGrpc.getAuthorizeMethod().getFullMethodName()))) : List.of();
    List<ServerServiceDefinition> deciding = List.of(
        ServerInterceptors.intercept(new AuthorizerGrpcService(decisions, hot.cacheMaxEntries()).bindService(),
            traced),
        new ExtAuthzService(decisions, hot.xffTrustedHops(), hot.cacheMaxEntries()).bindService());
    List<ServerServiceDefinition> management = edge != null ? intercepted(edge.management(), traced)
        : management(database, issuer, setup, new CallerInterceptor(new Authenticator(authorizer), token), traced);
    transport
        .directExecutor() // grpc-java's fastest shape; Admission moves every call that may block to the pool
        .addStreamTracerFactory(admission.tracer())
        .addStreamTracerFactory(grpcMetrics)
        .intercept(admission)
        .maxInboundMessageSize(config.maxInboundMessageBytes());
    deciding.forEach(service -> transport.addService(messages.guard(service)));
    management.forEach(service -> transport.addService(messages.guard(service)));
    if (hub != null) {
      transport.addService(messages.guard(ServerInterceptors.intercept(new FleetGrpcService(
          new PgCredentialStore(database, clock), hub, writer), token.required())));
    }
    transport.addService(messages.guard(healthStatus.getHealthService().bindService()))
        .addService(messages.guard(ProtoReflectionServiceV1.newInstance().bindService()));
    this.server = transport.build();
    grpcMetrics.serve(server.getServices());
    this.health = new Health(healthStatus, edge != null ? edge::reachable : database::ping, cache, names(deciding),
        names(management));
  }

  /** How an edge reaches the central tier: TLS with KEYGATE_CENTRAL_TLS (its CAs, or the JVM's), else plaintext. */
  private static ChannelCredentials centralCredentials(KeygateConfig config) {
    if (!config.centralTls()) {
      return InsecureChannelCredentials.create();
    }
    Path ca = config.centralCaFile();
    return ClientTls.credentials(ca == null ? null : new PemFile(Settings.CENTRAL_CA_FILE.name(), ca), null, null);
  }

  /** The management services on the database, each behind the caller's authentication, then {@code traced}. */
  private static List<ServerServiceDefinition> management(Database database, TokenIssuer issuer, TenantSetup setup,
      CallerInterceptor callers, List<ServerInterceptor> traced) {
    return intercepted(List.of(
        ServerInterceptors.intercept(new TenantGrpcService(new TenantManager(database, setup)), callers),
        ServerInterceptors.intercept(new ScopeGrpcService(new ScopeManager(database)), callers),
        ServerInterceptors.intercept(new PrincipalGrpcService(new PrincipalManager(database)), callers),
        ServerInterceptors.intercept(new RoleGrpcService(new RoleManager(database)), callers),
        ServerInterceptors.intercept(new ApiKeyGrpcService(new ApiKeyManager(database, issuer),
            new TokenManager(database, issuer)), callers),
        ServerInterceptors.intercept(new AuditGrpcService(new AuditReader(database)), callers)), traced);
  }

  private static List<ServerServiceDefinition> intercepted(List<ServerServiceDefinition> services,
      List<ServerInterceptor> interceptors) {
    return services.stream().map(service -> ServerInterceptors.intercept(service, interceptors)).toList();
  }

  private static List<String> names(List<ServerServiceDefinition> services) {
    return services.stream().map(service -> service.getServiceDescriptor().getName()).toList();
  }

  /**
   * The gRPC transport of a deployed sidecar: Netty on {@code KEYGATE_HOST:KEYGATE_PORT} with
   * {@code credentials} (plaintext or {@link ServerTls#credentials()}), and the header, keepalive,
   * handshake and connection-lifetime limits that protect it from misbehaving clients.
   */
  public static NettyServerBuilder netty(KeygateConfig config, ServerCredentials credentials) {
    return NettyServerBuilder.forAddress(new InetSocketAddress(config.listenHost(), config.listenPort()), credentials)
        .maxInboundMetadataSize(config.maxInboundMetadataBytes())
        .maxConcurrentCallsPerConnection(config.maxConcurrentStreams())
        .permitKeepAliveTime(10, TimeUnit.SECONDS)
        .permitKeepAliveWithoutCalls(true)
        .handshakeTimeout(10, TimeUnit.SECONDS)
        .maxConnectionIdle(config.maxConnectionIdle().toMillis(), TimeUnit.MILLISECONDS)
        .maxConnectionAge(config.maxConnectionAge().toMillis(), TimeUnit.MILLISECONDS)
        .maxConnectionAgeGrace(CONNECTION_AGE_GRACE_SECONDS, TimeUnit.SECONDS);
  }

  /** Starts a sidecar on Netty ({@link #netty}) with the system clock. */
  public static KeygateServer start(KeygateConfig config) {
    return start(config, Clock.systemUTC());
  }

  /**
   * Starts a sidecar on Netty, with TLS when {@code KEYGATE_TLS_CERT_FILE} is set: the files are loaded
   * first, so a missing, unreadable or invalid one stops the start before the database is touched, and are
   * then read again every {@code KEYGATE_TLS_RELOAD_SECONDS}.
   */
  public static KeygateServer start(KeygateConfig config, Clock clock) {
    withoutFlightRecorderEvents();
    ServerTls tls = tls(config.tls(), clock);
    try {
      KeygateServer keygate = start(config, netty(config, tls.credentials()), tls, clock);
      tls.watch(config.tls().reloadPeriod());
      return keygate;
    } catch (RuntimeException e) {
      tls.close();
      throw e;
    }
  }

  /**
   * Netty 4.2 registers flight-recorder events for its buffer allocator when it first allocates, and
   * Lettuce for its connection events when it first connects; setting up the JDK's flight recorder for
   * them was about 100 ms of a sidecar's first call and ~250 ms of a Redis sidecar's start
   * (docs/performance.md). Off, for grpc-netty-shaded's Netty, Lettuce's Netty and Lettuce, unless the
   * JVM was started with the property set.
   */
  private static void withoutFlightRecorderEvents() {
    for (String property : List.of("io.grpc.netty.shaded.io.netty.jfr.enabled", "io.netty.jfr.enabled",
        "io.lettuce.core.jfr")) {
      if (System.getProperty(property) == null) {
        System.setProperty(property, "false");
      }
    }
  }

  /**
   * Connects to (or starts) the database, applies migrations ({@code KEYGATE_MIGRATE}; otherwise only
   * checks that the schema is current — one query — for fleets that migrate in a separate step), and
   * starts serving on {@code transport} (an in-process builder in tests), which carries no TLS: a
   * configuration asking for TLS is refused here ({@link #start(KeygateConfig, Clock)} serves it). Every
   * decision and every management rule reads time from {@code clock}.
   */
  public static KeygateServer start(KeygateConfig config, ServerBuilder<?> transport, Clock clock) {
    if (config.tls().enabled()) {
      throw new IllegalArgumentException(Settings.TLS_CERT_FILE.name() + " is set: TLS is served by the Netty"
          + " transport, start(config, clock), not by a transport given");
    }
    return start(config, transport, ServerTls.plaintext(), clock);
  }

  private static ServerTls tls(TlsConfig tls, Clock clock) {
    if (!tls.enabled()) {
      return ServerTls.plaintext();
    }
    return ServerTls.load(new PemFile(Settings.TLS_CERT_FILE.name(), tls.certFile()),
        new PemFile(Settings.TLS_KEY_FILE.name(), tls.keyFile()),
        tls.clientCertificatesRequired() ? new PemFile(Settings.TLS_CLIENT_CA_FILE.name(), tls.clientCaFile()) : null,
        clock);
  }

  private static KeygateServer start(KeygateConfig config, ServerBuilder<?> transport, ServerTls tls, Clock clock) {
    Tracing tracing = Tracing.fromEnv(config.otel());
    // Redis connects and warms up while the database's pool starts and the schema is checked.
    RateLimitCounters rateLimitCounters = RateLimitCounters.open(config.hotPath().rateLimits());
    EmbeddedDatabase embedded = null;
    Database database = null; // none in edge mode
    KeygateServer keygate;
    try {
      if (config.embeddedDatabase()) {
        embedded = EmbeddedDatabase.start(config.dataDir());
        database = new Database(embedded.jdbcUrl(), embedded.user(), embedded.password(), config.databasePoolSize());
      } else if (!config.edgeMode()) {
        database = new Database(config.databaseUrl(), config.databaseUser(), config.databasePassword(),
            config.databasePoolSize());
      }
      if (database != null) {
        migrateOrCheck(config, database);
      }
      keygate = new KeygateServer(config, embedded, database, transport, tls, clock, tracing, rateLimitCounters);
    } catch (RuntimeException e) {
      rateLimitCounters.abandon();
      tracing.close();
      if (database != null) {
        database.close();
      }
      closeQuietly(embedded);
      throw e;
    }
    return started(keygate);
  }

  /**
   * Applies the migrations ({@code KEYGATE_MIGRATE}), or only checks that the schema is current — one
   * query — for fleets that migrate in a separate step.
   */
  private static void migrateOrCheck(KeygateConfig config, Database database) {
    if (!config.migrate()) {
      database.checkSchema();
      return;
    }
    int applied = database.migrate();
    if (applied > 0) {
      LOG.info("applied {} database migrations", applied);
    }
  }

  /** Starts what {@code keygate} serves and follows; closes it when that fails. */
  private static KeygateServer started(KeygateServer keygate) {
    KeygateConfig config = keygate.config;
    try {
      keygate.serveMetrics();
      if (keygate.changeFeed != null) {
        keygate.changeFeed.start();
      }
      keygate.server.start();
    } catch (IOException e) {
      keygate.close();
      throw new UncheckedIOException("could not listen on " + config.listenHost() + ":" + config.listenPort(), e);
    } catch (RuntimeException e) {
      keygate.close();
      throw e;
    }
    keygate.health.start(config.healthCheckInterval());
    ServerTls tls = keygate.tls;
    LOG.info("keygate listening on {} ({})", keygate.address(), !tls.enabled() ? "plaintext"
        : tls.clientCertificatesRequired() ? "TLS, client certificates required" : "TLS");
    return keygate;
  }

  /** Starts the Prometheus endpoint when {@code KEYGATE_METRICS_ADDRESS} asks for one. */
  private void serveMetrics() {
    HostPort at = config.metricsAddress();
    if (at == null) {
      return;
    }
    try {
      metricsEndpoint = metrics.serve(at.host(), at.port());
    } catch (IOException e) {
      throw new UncheckedIOException("could not serve metrics on " + at.host() + ":" + at.port(), e);
    }
    LOG.info("metrics on http://{}:{}/metrics", at.host(), metricsEndpoint.getPort());
  }

  public int port() {
    return server.getPort();
  }

  /** {@code host:port} of a Netty server; for an in-process one, what it was built with. */
  public String address() {
    return server.getListenSockets().isEmpty() || !(server.getListenSockets().get(0) instanceof InetSocketAddress)
        ? String.valueOf(server.getListenSockets()) : config.listenHost() + ":" + port();
  }

  /** The TLS credentials in use and their reloading; {@link ServerTls#plaintext()} when TLS is off. */
  public ServerTls tls() {
    return tls;
  }

  /** The database; null in edge mode (KEYGATE_CENTRAL_ADDRESS), where the central tier holds it. */
  public Database database() {
    return database;
  }

  /** The embedded database, or null when an external one is configured. */
  public EmbeddedDatabase embeddedDatabase() {
    return embedded;
  }

  /** Bootstrap of the first admin key; null in edge mode (bootstrap the central tier). */
  public Bootstrap bootstrap() {
    return bootstrap;
  }

  /** The central tier's fan-out of changes to its edge sidecars; null unless this is a central tier. */
  public ChangeHub changeHub() {
    return hub;
  }

  /** The decision path's cache; null when caching is off ({@code KEYGATE_CACHE_TTL_SECONDS=0}). */
  public CachingCredentialStore cache() {
    return cache;
  }

  /** The change feed (the change log's, or the central tier's stream of it); null when caching and the feed are off. */
  public ChangeFeed changeFeed() {
    return changeFeed;
  }

  /** The change-log sequence up to which every change has been told to the cache (by its feed). */
  private long toldThrough() {
    return changeFeed.position();
  }

  public UsageRecorder usage() {
    return usage;
  }

  /** The port of the Prometheus endpoint ({@code KEYGATE_METRICS_ADDRESS}); -1 when none is served. */
  public int metricsPort() {
    return metricsEndpoint == null ? -1 : metricsEndpoint.getPort();
  }

  /** The sidecar's Prometheus metrics, served at {@code KEYGATE_METRICS_ADDRESS} when it is set. */
  public Metrics metrics() {
    return metrics;
  }

  public WindowedRateLimiter rateLimiter() {
    return limiter;
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    health.drain();
    if (metricsEndpoint != null) {
      metricsEndpoint.close();
    }
    server.shutdown();
    try {
      if (!server.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        server.shutdownNow();
        server.awaitTermination(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor.shutdown();
    if (changeFeed != null) {
      changeFeed.close();
    }
    tls.close();
    usage.close();
    counters.close();
    if (central != null) {
      central.shutdownNow();
    }
    if (database != null) {
      database.close();
    }
    tracing.close();
    closeQuietly(embedded);
  }

  private static ThreadPoolExecutor boundedExecutor(int threads) {
    AtomicInteger n = new AtomicInteger();
    // Unbounded queue, bounded in practice: Admission keeps at most CALLS_PER_THREAD calls per thread
    // in flight, each with a few tasks at a time.
    return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "keygate-rpc-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  private static void closeQuietly(EmbeddedDatabase embedded) {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (RuntimeException e) {
        LOG.warn("could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
      }
    }
  }
}
