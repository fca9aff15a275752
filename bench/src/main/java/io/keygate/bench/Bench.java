package io.keygate.bench;

import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.grpc.ManagedChannel;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.AuthorizerServiceGrpc;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Keygate's benchmark set (issue #7): every figure beside a baseline measured in the same run on the
 * same machine, printed as a table. {@code --quick} is the CI smoke run (about a minute of load).
 *
 * <pre>
 *   bench/run.sh [--quick] [--cold-keys N] [--out FILE]
 * </pre>
 */
public final class Bench {
  /** How long and how big: the full set, or the quick smoke run. */
  record Plan(java.util.Set<String> only, boolean quick, Duration warmup, Duration measure, int coldKeys,
      int coldSamples, int flood, int revocations, int accuracyWindows, int starts) {
    static Plan of(java.util.Set<String> only, boolean quick, int coldKeys) {
      return quick
          ? new Plan(only, true, Duration.ofSeconds(1), Duration.ofSeconds(2), coldKeys > 0 ? coldKeys : 50_000, 1_000,
              5_000, 5, 5, 1)
          : new Plan(only, false, Duration.ofSeconds(4), Duration.ofSeconds(8),
              coldKeys > 0 ? coldKeys : 1_000_000, 10_000,
              60_000, 40, 10, 3);
    }

    boolean runs(String part) {
      return only.isEmpty() || only.contains(part);
    }
  }

  /** Calls in flight per connection in the closed loop, and connections: as an Envoy keeps them. */
  static final int CONNECTIONS = 2;
  static final int STREAMS_PER_CONNECTION = 64;

  private final Plan plan;
  private final Fixture fixture;
  private final Report report;
  private final List<Served> running = new ArrayList<>();
  private Served admin;

  private Bench(Plan plan, Fixture fixture, Report report) {
    this.plan = plan;
    this.fixture = fixture;
    this.report = report;
  }

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    int coldKeys = 0;
    Path jar = Path.of("server", "target", "keygate.jar");
    Path out = null;
    java.util.Set<String> only = new java.util.HashSet<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--cold-keys" -> coldKeys = Integer.parseInt(args[++i]);
        case "--jar" -> jar = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--only" -> only.addAll(List.of(args[++i].split(",")));
        default -> {
          Jvm.ERR.println("usage: bench [--quick] [--cold-keys N] [--jar server/target/keygate.jar] [--out FILE]"
              + " [--only throughput,footprint,decision,revocation,fleet,accuracy,cold]");
          System.exit(2);
        }
      }
    }
    Report report = run(Plan.of(only, quick, coldKeys), jar.toAbsolutePath());
    report.print(Jvm.OUT);
    if (out != null) {
      try (PrintStream file = new PrintStream(Files.newOutputStream(out))) {
        report.print(file);
      }
    }
    System.exit(0); // gRPC and Lettuce threads are not daemons
  }

  /** Runs the whole set and returns the figures. */
  public static Report run(Plan plan, Path jar) throws Exception {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(jar + " is missing: build it with `mvn -pl server -am package -DskipTests`");
    }
    Path dir = Files.createTempDirectory("keygate-bench");
    Report report = new Report();
    Jvm.OUT.printf("Keygate bench (%s) on %d CPUs, Java %s; sidecar JVM flags: %s%n",
        plan.quick() ? "quick" : "full", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), String.join(" ", Jvm.SHIPPED_FLAGS));
    try (Fixture fixture = Fixture.start(jar, dir)) {
      Bench bench = new Bench(plan, fixture, report);
      try {
        bench.all();
      } finally {
        bench.running.forEach(Served::close);
      }
    }
    return report;
  }

  private void all() throws Exception {
    if (plan.runs("throughput") || plan.runs("footprint")) {
      archives = Footprint.imageArchives(report, fixture);
    }
    localMetrics = Jvm.freePort();
    Served local = start("keygate-local", Map.of("KEYGATE_METRICS_ADDRESS", "127.0.0.1:" + localMetrics),
        fixture.systemSecret);
    admin = local;
    fixture.createTenant(local);
    String key = fixture.tenantAdminSecret;
    // The Redis sidecar leases (KEYGATE_RATE_LIMIT_LEASING, the default): the mode issue 18 measures.
    int redisMetrics = Jvm.freePort();
    Served redis = start("keygate-redis", Map.of("KEYGATE_REDIS_URL", fixture.redisUrl(), "KEYGATE_METRICS_ADDRESS",
        "127.0.0.1:" + redisMetrics), key);
    Served noop = noopLike(local, key);

    if (plan.runs("throughput")) {
      new Pinned(plan, report, fixture.dir).run(noop, noopPool, new Pinned.Sidecar(local, localMetrics),
          new Pinned.Sidecar(redis, redisMetrics), fixture.redisPid(), key);
      new Throughputs(plan, report, fixture).run(noop, local, redis, key);
    }
    if (plan.runs("footprint")) {
      new Footprint(plan, report, fixture).run(noop, local, redis, key, archives);
    }
    if (plan.runs("decision")) {
      decisionInProcess();
    }
    if (plan.runs("revocation")) {
      new Revocation(plan, report, fixture).run(local, redis);
    }
    if (plan.runs("fleet")) {
      new Fleet(plan, report, fixture, this).run(local);
    }
    if (plan.runs("accuracy")) {
      new Accuracy(plan, report, fixture, this).run();
    }
    if (plan.runs("cold")) {
      new ColdPath(plan, report, fixture, this).run(); // last: its bulk-loaded tokens count against the tenant's caps
    }
  }

  /** The no-op baseline on a thread pool (the direct-executor one is the ceiling). */
  private Served noopPool;
  /** The metrics port of the in-process sidecar. */
  private int localMetrics;
  /**
   * The image's class-data-sharing archives, mapped as the chart maps them (the Redis-trained one for a sidecar
   * counting in Redis); every sidecar of a run measuring throughput or footprint gets one (the peak RSS is the
   * image's, and the pinned rounds compare sidecars started as the chart starts them).
   */
  private Footprint.Archives archives = new Footprint.Archives(List.of(), List.of());

  /** The sidecar the management calls go to. */
  Served admin() {
    return admin;
  }

  /** A sidecar of the shipped jar, stopped at the end of the run. */
  Served start(String name, Map<String, String> env, String probeCredential) {
    return start(name, env, probeCredential, List.of());
  }

  /** As above, with JVM flags added to the shipped ones. */
  Served start(String name, Map<String, String> env, String probeCredential, List<String> extraFlags) {
    List<String> flags = new ArrayList<>(archives.forSidecar(env));
    flags.addAll(extraFlags);
    Served served = Served.keygate(name, fixture.jar, fixture.env(env), fixture.dir, probeCredential, flags);
    running.add(served);
    return served;
  }

  void stop(Served served) {
    running.remove(served);
    served.close();
  }

  /** The no-op baseline, answering exactly what {@code keygate} answers to the same requests. */
  private Served noopLike(Served keygate, String key) throws Exception {
    ManagedChannel channel = Fixture.channel(keygate);
    try {
      AuthorizeResponse authorized = AuthorizerServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(10, TimeUnit.SECONDS).authorize(Load.authorizeRequest(key, "198.51.100.1"));
      CheckResponse checked = AuthorizationGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .check(Load.checkRequest(key, "198.51.100.1"));
      if (checked.getStatus().getCode() != 0) {
        throw new IllegalStateException("Check does not allow the bench key: " + checked);
      }
      Path a = Files.write(fixture.dir.resolve("authorize.bin"), authorized.toByteArray());
      Path c = Files.write(fixture.dir.resolve("check.bin"), checked.toByteArray());
      Served noop = Served.noop(a, c, fixture.dir, "direct");
      running.add(noop);
      noopPool = Served.noop(a, c, fixture.dir, "pool");
      running.add(noopPool);
      return noop;
    } finally {
      channel.shutdownNow();
    }
  }

  /** 3. JMH: the decision for a cached key, in process. */
  private void decisionInProcess() throws Exception {
    OptionsBuilder options = new OptionsBuilder();
    options.include(DecisionBenchmark.class.getName()).threads(1)
        .forks(plan.quick() ? 0 : 1).warmupIterations(plan.quick() ? 1 : 3).warmupTime(
            org.openjdk.jmh.runner.options.TimeValue.seconds(1))
        .measurementIterations(plan.quick() ? 2 : 5)
        .measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
        .verbosity(VerboseMode.SILENT);
    RunResult result = new Runner(options.build()).runSingle();
    double ns = result.getPrimaryResult().getScore();
    double error = result.getPrimaryResult().getScoreError();
    report.add("3 decision (JMH)", "cached key → role → permission → limits → decision",
        Report.f2(ns / 1000) + " µs" + (Double.isNaN(error) ? "" : " ± " + Report.f2(error / 1000)), "", "",
        "≤ 5 µs", ns <= 5_000);
  }
}
