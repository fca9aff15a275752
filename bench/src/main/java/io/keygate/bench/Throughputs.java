package io.keygate.bench;

import io.keygate.v1.AuthorizeRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import java.time.Duration;

/**
 * 1. Throughput ceiling (closed loop), 2. added latency (open loop at half the no-op ceiling) and
 * 4. Redis commands per call, for Authorize and Envoy Check, Keygate with the in-process limiter and
 * with the Redis limiter against the no-op service.
 */
final class Throughputs {
  private final Bench.Plan plan;
  private final Report report;
  private final Fixture fixture;

  Throughputs(Bench.Plan plan, Report report, Fixture fixture) {
    this.plan = plan;
    this.report = report;
    this.fixture = fixture;
  }

  void run(Served noop, Served local, Served redis, String key) {
    int lanes = Bench.CONNECTIONS * Bench.STREAMS_PER_CONNECTION;
    AuthorizeRequest authorize = Load.authorizeRequest(key, "198.51.100.2");
    CheckRequest check = Load.checkRequest(key, "198.51.100.3");
    double noopAuthorizeMax = 0;
    // The generator's own JIT warm-up, so that the first measured run is not penalised.
    Load.closedLoop(Load.authorize(noop.channels(Bench.CONNECTIONS), lane -> authorize), lanes, plan.warmup(),
        plan.warmup());
    for (String rpc : new String[] {"Authorize", "Check"}) {
      Load.Caller[] callers = new Load.Caller[3];
      Served[] servers = {noop, local, redis};
      for (int i = 0; i < 3; i++) {
        callers[i] = rpc.equals("Authorize")
            ? Load.authorize(servers[i].channels(Bench.CONNECTIONS), lane -> authorize)
            : Load.check(servers[i].channels(Bench.CONNECTIONS), lane -> check);
      }
      Load.Throughput base = Load.closedLoop(callers[0], lanes, plan.warmup(), plan.measure());
      Load.Throughput inProcess = Load.closedLoop(callers[1], lanes, plan.warmup(), plan.measure());
      java.util.Map<String, Long> before = fixture.redisCommands();
      Load.Throughput shared = Load.closedLoop(callers[2], lanes, plan.warmup(), plan.measure());
      java.util.Map<String, Long> after = fixture.redisCommands();
      if (rpc.equals("Authorize")) {
        noopAuthorizeMax = base.perSecond();
      }
      String load = Bench.CONNECTIONS + " conn × " + Bench.STREAMS_PER_CONNECTION + " streams";
      throughputRow(rpc, "in-process limiter", load, inProcess, base);
      throughputRow(rpc, "Redis limiter (leased)", load, shared, base);
      // Round trips: what the sidecar sends (EVALSHA, and SCRIPT LOAD after a restart). INFO
      // commandstats also counts the commands the script runs inside Redis; shown beside.
      long sent = delta(before, after, "evalsha") + delta(before, after, "eval") + delta(before, after, "script");
      long all = after.keySet().stream().mapToLong(k -> delta(before, after, k)).sum();
      double perCall = (double) sent / shared.totalCalls();
      report.add("4 Redis efficiency", "Redis commands sent per " + rpc + " (INFO commandstats)", Report.f2(perCall),
          "", String.format("%d EVALSHA / %d calls; %.1f per call counting the script's own", sent,
              shared.totalCalls(), (double) all / shared.totalCalls()), "≤ 1.0",
          perCall <= 1.005); // a few calls outside the measured loop (probes) land in the same counters

      report.note("Redis server time per EVALSHA after the " + rpc + " run: " + fixture.redisScriptStats());
    }

    double rate = noopAuthorizeMax / 2;
    Load.Caller noopCaller = Load.authorize(noop.channels(Bench.CONNECTIONS), lane -> authorize);
    Load.Latency base = Load.openLoop(noopCaller, Bench.CONNECTIONS, rate, plan.warmup(), plan.measure(), 4096);
    for (Served served : new Served[] {local, redis}) {
      Load.Latency latency = Load.openLoop(Load.authorize(served.channels(Bench.CONNECTIONS), lane -> authorize),
          Bench.CONNECTIONS, rate, plan.warmup(), plan.measure(), 4096);
      double p99 = latency.micros(99) - base.micros(99);
      double p999 = latency.micros(99.9) - base.micros(99.9);
      String limiter = served == local ? "in-process limiter" : "Redis limiter (leased)";
      report.add("2 added latency", "Authorize, " + limiter + ", open loop "
          + Report.f0(rate) + "/s: p50 / p99 / p99.9", percentiles(latency), percentiles(base),
          String.format("+%s / +%s / +%s µs", Report.f0(latency.micros(50) - base.micros(50)), Report.f0(p99),
              Report.f0(p999)) + skipped(latency), "p99 +≤ 1 ms, p99.9 +≤ 5 ms", p99 <= 1000 && p999 <= 5000);
    }
  }

  private static long delta(java.util.Map<String, Long> before, java.util.Map<String, Long> after, String command) {
    return after.getOrDefault(command, 0L) - before.getOrDefault(command, 0L);
  }

  private void throughputRow(String rpc, String limiter, String load, Load.Throughput keygate, Load.Throughput base) {
    double ratio = keygate.perSecond() / base.perSecond();
    String problems = keygate.denied() + keygate.failed() == 0 ? ""
        : String.format(" (%d denied, %d failed!)", keygate.denied(), keygate.failed());
    report.add("1 throughput", rpc + ", " + limiter + ", closed loop " + load,
        Report.f0(keygate.perSecond()) + "/s" + problems, Report.f0(base.perSecond()) + "/s",
        Report.f2(ratio) + "×", "≥ 0.6× (aim 0.75×)", ratio >= 0.6);
  }

  private static String percentiles(Load.Latency latency) {
    return String.format("%s / %s / %s µs", Report.f0(latency.micros(50)), Report.f0(latency.micros(99)),
        Report.f0(latency.micros(99.9)));
  }

  private static String skipped(Load.Latency latency) {
    return latency.skipped() + latency.failed() == 0 ? ""
        : String.format(" (%d not sent: too many outstanding; %d failed)", latency.skipped(), latency.failed());
  }

  static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }
}
