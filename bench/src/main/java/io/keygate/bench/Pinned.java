package io.keygate.bench;

import com.google.protobuf.MessageLite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 1. Throughput on one core against grpc-java's real ceiling: every server pinned to core 0, an
 * independent load generator ({@code h2load}, pre-framed gRPC bodies, 2 connections × 64 streams)
 * pinned to core 1, so neither steals the other's CPU. Baselines: the no-op on the direct executor
 * (handlers on the transport thread: what a sidecar doing nothing reaches) and, for reference, on a
 * thread pool. Keygate and the baselines take turns, round after round, and each ratio is the median
 * of the rounds' ratios: on a machine whose speed drifts (steal time) only figures taken side by side
 * compare. Every Keygate call is checked to have been an allowed decision (its metrics). The Redis
 * sidecar (leased) runs on the same core as the in-process one, with Redis beside h2load on the other:
 * the ratio between the two is what sharing the limits costs a sidecar.
 */
final class Pinned {
  private static final Pattern FINISHED = Pattern.compile("finished in [0-9.]+s, ([0-9.]+) req/s");
  private static final Pattern REQUESTS = Pattern.compile("requests: (\\d+) total, \\d+ started, \\d+ done, (\\d+)"
      + " succeeded, (\\d+) failed, (\\d+) errored");

  private final Bench.Plan plan;
  private final Report report;
  private final Path dir;

  Pinned(Bench.Plan plan, Report report, Path dir) {
    this.plan = plan;
    this.report = report;
    this.dir = dir;
  }

  /** Why the pinned comparison cannot run here; null when it can. */
  static String unavailable() {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      return "needs 2 CPUs";
    }
    for (String tool : List.of("h2load", "taskset")) {
      if (!onPath(tool)) {
        return "needs " + tool + " (Debian: " + (tool.equals("h2load") ? "nghttp2-client" : "util-linux") + ")";
      }
    }
    return null;
  }

  /** A Keygate sidecar under measurement and its metrics port. */
  record Sidecar(Served served, int metricsPort) {}

  void run(Served noopDirect, Served noopPool, Sidecar keygate, Sidecar shared, long redisPid, String key) {
    String missing = unavailable();
    if (missing != null) {
      report.note("pinned comparison (server and h2load on separate cores) not run: " + missing);
      return;
    }
    List<Long> pinned = List.of(noopDirect.process.pid(), noopPool.process.pid(), keygate.served().process.pid(),
        shared.served().process.pid());
    pinned.forEach(pid -> pin(pid, "0"));
    pin(redisPid, "1");
    try {
      compare(noopDirect, noopPool, keygate, shared, key);
    } finally {
      String all = "0-" + (Runtime.getRuntime().availableProcessors() - 1);
      pinned.forEach(pid -> pin(pid, all)); // the other measurements use every core
      pin(redisPid, all);
    }
  }

  private void compare(Served noopDirect, Served noopPool, Sidecar keygate, Sidecar shared, String key) {
    Path authorize = frame("authorize.h2", Load.authorizeRequest(key, "198.51.100.4"));
    Path check = frame("check.h2", Load.checkRequest(key, "198.51.100.5"));
    int rounds = plan.quick() ? 1 : 3;
    for (String rpc : List.of("Authorize", "Check")) {
      String path = rpc.equals("Authorize") ? "/keygate.v1.AuthorizerService/Authorize"
          : "/envoy.service.auth.v3.Authorization/Check";
      Path body = rpc.equals("Authorize") ? authorize : check;
      List<Double> ratios = new ArrayList<>();
      List<Double> poolRatios = new ArrayList<>();
      List<Double> sharedRatios = new ArrayList<>();
      double sharedBest = 0;
      double keygateBest = 0;
      double directBest = 0;
      double poolBest = 0;
      for (int round = 0; round < rounds; round++) {
        Run k = allowed(rpc, keygate, path, body);
        Run s = allowed(rpc, shared, path, body);
        Run direct = h2load(noopDirect.port, path, body);
        Run pool = h2load(noopPool.port, path, body);
        ratios.add(k.perSecond() / direct.perSecond());
        poolRatios.add(pool.perSecond() / direct.perSecond());
        sharedRatios.add(s.perSecond() / k.perSecond());
        sharedBest = Math.max(sharedBest, s.perSecond());
        keygateBest = Math.max(keygateBest, k.perSecond());
        directBest = Math.max(directBest, direct.perSecond());
        poolBest = Math.max(poolBest, pool.perSecond());
      }
      double ratio = median(ratios);
      double target = rpc.equals("Authorize") ? 0.75 : 0.6;
      String how = "server on 1 core, h2load on the other, 2 conn × 64 streams; median of " + rounds + " rounds";
      report.add("1 throughput (pinned)", rpc + ", in-process limiter, vs no-op on the direct executor",
          Report.f0(keygateBest) + "/s", Report.f0(directBest) + "/s", Report.f2(ratio) + "× (" + how + ")",
          "≥ " + target + "×", ratio >= target);
      report.add("1 throughput (pinned)", rpc + ", the no-op on a thread pool vs on the direct executor",
          Report.f0(poolBest) + "/s", Report.f0(directBest) + "/s", Report.f2(median(poolRatios)) + "×", "", true);
      double shares = median(sharedRatios);
      report.add("1 throughput (pinned)", rpc + ", Redis limiter (leased) vs in-process limiter, same core",
          Report.f0(sharedBest) + "/s", Report.f0(keygateBest) + "/s", Report.f2(shares) + "× (Redis on h2load's core; "
              + "median of " + rounds + " rounds)", "≥ 0.75×", shares >= 0.75);
    }
  }

  /** An h2load run against a Keygate sidecar, every call of which must have been an allowed decision. */
  private Run allowed(String rpc, Sidecar sidecar, String path, Path body) {
    String ok = "keygate_decisions_total{reason=\"ok\",status=\"200\"}";
    double before = Fixture.metric(sidecar.metricsPort(), ok);
    Run run = h2load(sidecar.served().port, path, body);
    double after = Fixture.metric(sidecar.metricsPort(), ok);
    if (run.failed() > 0 || after - before < run.succeeded()) {
      throw new IllegalStateException(rpc + ": " + run.failed() + " calls failed, or fewer allowed decisions ("
          + (long) (after - before) + ") than calls (" + run.succeeded() + "): the bench key must be allowed");
    }
    return run;
  }

  /** One h2load run: the rate over the measured time, after its warm-up. */
  private Run h2load(int port, String path, Path body) {
    long warmup = plan.warmup().toSeconds();
    long measure = plan.measure().toSeconds() + (plan.quick() ? 1 : 4);
    List<String> command = List.of("taskset", "-c", "1", "h2load", "-c", "2", "-m", "64", "-t", "1",
        "--warm-up-time", Long.toString(warmup), "-D", Long.toString(measure),
        "-H", "content-type: application/grpc", "-H", "te: trailers", "-d", body.toString(),
        "http://127.0.0.1:" + port + path);
    String out = exec(command, warmup + measure + 30);
    Matcher finished = FINISHED.matcher(out);
    Matcher requests = REQUESTS.matcher(out);
    if (!finished.find() || !requests.find()) {
      throw new IllegalStateException("h2load printed no result:\n" + out);
    }
    return new Run(Double.parseDouble(finished.group(1)), Long.parseLong(requests.group(2)),
        Long.parseLong(requests.group(3)) + Long.parseLong(requests.group(4)));
  }

  private record Run(double perSecond, long succeeded, long failed) {}

  /** A gRPC request body as h2load sends it: the 5-byte frame header, then the message. */
  private Path frame(String name, MessageLite message) {
    byte[] bytes = message.toByteArray();
    ByteBuffer framed = ByteBuffer.allocate(5 + bytes.length).put((byte) 0).putInt(bytes.length).put(bytes);
    try {
      return Files.write(dir.resolve(name), framed.array());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pins every thread of process {@code pid} (and those it starts) to {@code cpus}. */
  private static void pin(long pid, String cpus) {
    exec(List.of("taskset", "-a", "-c", "-p", cpus, Long.toString(pid)), 10);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static String exec(List<String> command, long timeoutSeconds) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + new String(out,
            StandardCharsets.UTF_8));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
