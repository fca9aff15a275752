package io.keygate.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * 8. Footprint and start: RSS idle and at its peak under the throughput runs, and the time from
 * spawning the JVM to the first allowed Authorize — beside the no-op gRPC service and a trivial JVM,
 * all with the chart's JVM flags. The run's sidecars map the image's class-data-sharing archives
 * ({@link #imageArchives}), as the image's do: the Redis-trained one when they count in Redis, as the chart
 * chooses; the starts measured here are with and without them.
 */
final class Footprint {
  private final Bench.Plan plan;
  private final Report report;
  private final Fixture fixture;

  Footprint(Bench.Plan plan, Report report, Fixture fixture) {
    this.plan = plan;
    this.report = report;
    this.fixture = fixture;
  }

  /**
   * The JVM flags mapping the image's two class-data-sharing archives: trained as the Dockerfile trains
   * them ({@code keygate train}, and {@code keygate train --redis-url} against the run's Redis); an empty
   * list (and a note) for one whose training failed.
   */
  record Archives(List<String> inProcess, List<String> redis) {
    /** What the chart maps for a sidecar with this environment. */
    List<String> forSidecar(Map<String, String> env) {
      return env.containsKey("KEYGATE_REDIS_URL") ? redis : inProcess;
    }
  }

  static Archives imageArchives(Report report, Fixture fixture) throws Exception {
    return new Archives(archive(report, fixture, "cds", List.of()),
        archive(report, fixture, "cds-redis", List.of("--redis-url", fixture.redisUrl())));
  }

  private static List<String> archive(Report report, Fixture fixture, String name, List<String> trainOptions)
      throws Exception {
    Path archive = fixture.dir.resolve(name + ".jsa");
    return train(report, fixture, name, trainOptions, List.of("-Xlog:cds=error", "-XX:ArchiveClassesAtExit=" + archive))
        ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
  }

  /** {@code archives}: the flags mapping the image's archives, as the run's sidecars were started. */
  void run(Served noop, Served local, Served redis, String key, Archives archives) throws Exception {
    List<String> archive = archives.inProcess();
    if (plan.runs("throughput")) {
      String with = archive.isEmpty() ? "without the image's archive: its training failed" : "with the image's archive";
      report.add("8 footprint", "peak RSS under max load, in-process limiter, " + with + " (VmHWM)",
          Report.mib(local.peakRssKib()), Report.mib(noop.peakRssKib()), "", "≤ 160 MiB",
          local.peakRssKib() <= 160 * 1024);
      String withRedis = archives.redis().isEmpty() ? "without the image's Redis archive: its training failed"
          : "with the image's archive (trained with Redis)";
      report.add("8 footprint", "peak RSS under max load, Redis limiter, " + withRedis + " (VmHWM)",
          Report.mib(redis.peakRssKib()), Report.mib(noop.peakRssKib()), "", "≤ 160 MiB",
          redis.peakRssKib() <= 160 * 1024);
    } else {
      // Without the throughput section nothing has loaded these sidecars: their peak is an idle one.
      report.note("footprint: no peak RSS rows, the throughput section (the maximum load) did not run;"
          + " --only throughput,footprint measures them");
    }

    List<Long> starts = new ArrayList<>();
    List<Long> idle = new ArrayList<>();
    List<Long> noopStarts = new ArrayList<>();
    List<Long> noopIdle = new ArrayList<>();
    for (int i = 0; i < plan.starts(); i++) {
      try (Served fresh = Served.keygate("keygate-start-" + i, fixture.jar, fixture.env(Map.of()), fixture.dir, key)) {
        starts.add(fresh.startNanos);
        Served.sleep(2000);
        idle.add(fresh.rssKib());
      }
      try (Served fresh = Served.noop(fixture.dir.resolve("authorize.bin"), fixture.dir.resolve("check.bin"),
          fixture.dir, "direct")) {
        noopStarts.add(fresh.startNanos);
        Served.sleep(2000);
        noopIdle.add(fresh.rssKib());
      }
    }
    // With the image's archive, and on a JDK 25+ runtime with its AOT cache (JEP 483/514: classes loaded and
    // linked, profiles), trained the same way.
    List<Long> cdsIdle = new ArrayList<>();
    Map<String, String> inProcess = Map.of();
    List<Long> cdsStarts = archive.isEmpty() ? List.of() : starts("cds", inProcess, archive, key, cdsIdle);
    Path aotCache = fixture.dir.resolve("keygate.aot");
    List<Long> aotStarts = Runtime.version().feature() >= 25
        && train(report, fixture, "aot", List.of(), List.of("-XX:AOTCacheOutput=" + aotCache))
        ? starts("aot", inProcess, List.of("-XX:AOTCache=" + aotCache), key, new ArrayList<>()) : List.of();
    long trivialStart = trivialJvmNanos();
    long trivialIdle = trivialJvmIdleKib();
    long start = median(starts);
    report.add("8 footprint", "idle RSS after start and one call (median of " + plan.starts() + ")",
        Report.mib(median(idle)), Report.mib(median(noopIdle)) + " no-op, " + Report.mib(trivialIdle) + " trivial JVM",
        "", "≤ 100 MiB", median(idle) <= 100 * 1024);
    report.add("8 footprint", "start: JVM spawn → first allowed Authorize (median of " + plan.starts() + ")",
        Report.f0(start / 1e6) + " ms", Report.f0(median(noopStarts) / 1e6) + " ms no-op gRPC, "
            + Report.f0(trivialStart / 1e6) + " ms trivial JVM (spawn → exit)", "", "≤ 600 ms",
        start <= TimeUnit.MILLISECONDS.toNanos(600));
    if (!cdsStarts.isEmpty()) {
      report.add("8 footprint", "idle RSS after start and one call, with the image's AppCDS archive (median of "
          + plan.starts() + ")", Report.mib(median(cdsIdle)), Report.mib(median(idle)) + " without", "", "≤ 100 MiB",
          median(cdsIdle) <= 100 * 1024);
      long cds = median(cdsStarts);
      report.add("8 footprint", "start with the image's AppCDS archive (keygate train; median of " + plan.starts()
          + ")", Report.f0(cds / 1e6) + " ms", Report.f0(start / 1e6) + " ms without", "", "≤ 600 ms",
          cds <= TimeUnit.MILLISECONDS.toNanos(600));
    }
    if (!archive.isEmpty() && !archives.redis().isEmpty()) {
      redisStarts(key, archives);
    }
    if (!aotStarts.isEmpty()) {
      long aot = median(aotStarts);
      report.add("8 footprint", "start with a JDK " + Runtime.version().feature()
          + " AOT cache (keygate train; median of " + plan.starts() + ")", Report.f0(aot / 1e6) + " ms",
          Report.f0(start / 1e6) + " ms without", "", "≤ 600 ms", aot <= TimeUnit.MILLISECONDS.toNanos(600));
    }
  }

  /**
   * A sidecar counting in Redis, as fleets run it: started on the image's Redis-trained archive (what the
   * chart maps) against the in-process one (what it mapped before).
   */
  private void redisStarts(String key, Archives archives) {
    Map<String, String> redis = Map.of("KEYGATE_REDIS_URL", fixture.redisUrl());
    List<Long> idle = new ArrayList<>();
    List<Long> before = new ArrayList<>();
    long start = median(starts("cds-redis", redis, archives.redis(), key, idle));
    long beforeStart = median(starts("cds-redis-before", redis, archives.inProcess(), key, before));
    report.add("8 footprint", "Redis limiter: idle RSS after start and one call, with the image's Redis archive"
        + " (median of " + plan.starts() + ")", Report.mib(median(idle)), Report.mib(median(before))
        + " with the in-process archive", "", "≤ 100 MiB", median(idle) <= 100 * 1024);
    report.add("8 footprint", "Redis limiter: start with the image's Redis archive (keygate train --redis-url;"
        + " median of " + plan.starts() + ")", Report.f0(start / 1e6) + " ms", Report.f0(beforeStart / 1e6)
        + " ms with the in-process archive", "", "≤ 600 ms", start <= TimeUnit.MILLISECONDS.toNanos(600));
  }

  /**
   * Runs {@code keygate train} with {@code trainOptions}, its sidecar's JVM writing through {@code writeFlags},
   * as the Dockerfile does.
   */
  private static boolean train(Report report, Fixture fixture, String name, List<String> trainOptions,
      List<String> writeFlags) throws Exception {
    List<String> training = new ArrayList<>(List.of("-jar", fixture.jar.toString(), "train"));
    training.addAll(trainOptions);
    training.add("--");
    training.addAll(Jvm.SHIPPED_FLAGS);
    training.addAll(writeFlags);
    Path log = fixture.dir.resolve(name + ".train.log");
    Process train = Jvm.start(List.of(), training, Map.of(), log);
    if (!train.waitFor(180, TimeUnit.SECONDS) || train.exitValue() != 0) {
      train.destroyForcibly();
      report.note("footprint: the training run for " + name + " failed:\n" + Jvm.read(log));
      return false;
    }
    return true;
  }

  /**
   * Fresh sidecars with {@code env} started with {@code readFlags}: their start times; the idle RSS of each
   * goes to {@code idle}.
   */
  private List<Long> starts(String name, Map<String, String> env, List<String> readFlags, String key,
      List<Long> idle) {
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < plan.starts(); i++) {
      try (Served fresh = Served.keygate("keygate-" + name + "-" + i, fixture.jar, fixture.env(env), fixture.dir,
          key, readFlags)) {
        starts.add(fresh.startNanos);
        Served.sleep(2000);
        idle.add(fresh.rssKib());
      }
    }
    return starts;
  }

  private long trivialJvmNanos() throws Exception {
    Path log = fixture.dir.resolve("trivial.log");
    long spawned = System.nanoTime();
    Process process = Jvm.start(Jvm.SHIPPED_FLAGS, List.of("-cp", System.getProperty("java.class.path"),
        Idle.class.getName(), "exit"), Map.of(), log);
    process.waitFor(60, TimeUnit.SECONDS);
    return System.nanoTime() - spawned;
  }

  private long trivialJvmIdleKib() {
    Process process = Jvm.start(Jvm.SHIPPED_FLAGS, List.of("-cp", System.getProperty("java.class.path"),
        Idle.class.getName()), Map.of(), fixture.dir.resolve("idle.log"));
    try {
      Served.sleep(2000);
      return Jvm.memoryKib(process, "VmRSS");
    } finally {
      process.destroyForcibly();
    }
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
