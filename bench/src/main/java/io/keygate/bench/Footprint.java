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
 * all with the chart's JVM flags. The run's sidecars map the image's class-data-sharing archive
 * ({@link #imageArchive}), as the image's do; the starts measured here are with and without it.
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
   * The image's class-data-sharing archive, made the way the Dockerfile makes it ({@code keygate train}),
   * as the JVM flag that maps it; none (and a note) when the training failed.
   */
  static List<String> imageArchive(Report report, Fixture fixture) throws Exception {
    Path archive = fixture.dir.resolve("keygate.jsa");
    return train(report, fixture, "cds", List.of("-Xlog:cds=error", "-XX:ArchiveClassesAtExit=" + archive))
        ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
  }

  /** {@code archive}: the flag mapping the image's archive, as the run's sidecars were started (or none). */
  void run(Served noop, Served local, Served redis, String key, List<String> archive) throws Exception {
    if (plan.runs("throughput")) {
      String with = archive.isEmpty() ? "without the image's archive: its training failed" : "with the image's archive";
      report.add("8 footprint", "peak RSS under max load, in-process limiter, " + with + " (VmHWM)",
          Report.mib(local.peakRssKib()), Report.mib(noop.peakRssKib()), "", "≤ 160 MiB",
          local.peakRssKib() <= 160 * 1024);
      report.add("8 footprint", "peak RSS under max load, Redis limiter, " + with + " (VmHWM)",
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
    List<Long> cdsStarts = archive.isEmpty() ? List.of() : starts("cds", archive, key, cdsIdle);
    Path aotCache = fixture.dir.resolve("keygate.aot");
    List<Long> aotStarts = Runtime.version().feature() >= 25
        && train(report, fixture, "aot", List.of("-XX:AOTCacheOutput=" + aotCache))
        ? starts("aot", List.of("-XX:AOTCache=" + aotCache), key, new ArrayList<>()) : List.of();
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
    if (!aotStarts.isEmpty()) {
      long aot = median(aotStarts);
      report.add("8 footprint", "start with a JDK " + Runtime.version().feature()
          + " AOT cache (keygate train; median of " + plan.starts() + ")", Report.f0(aot / 1e6) + " ms",
          Report.f0(start / 1e6) + " ms without", "", "≤ 600 ms", aot <= TimeUnit.MILLISECONDS.toNanos(600));
    }
  }

  /** Runs {@code keygate train} with its sidecar's JVM writing through {@code writeFlags}, as the Dockerfile does. */
  private static boolean train(Report report, Fixture fixture, String name, List<String> writeFlags)
      throws Exception {
    List<String> training = new ArrayList<>(List.of("-jar", fixture.jar.toString(), "train", "--"));
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

  /** Fresh sidecars started with {@code readFlags}: their start times; the idle RSS of each goes to {@code idle}. */
  private List<Long> starts(String name, List<String> readFlags, String key, List<Long> idle) {
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < plan.starts(); i++) {
      try (Served fresh = Served.keygate("keygate-" + name + "-" + i, fixture.jar, fixture.env(Map.of()), fixture.dir,
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
