package io.keygate.bench;

import io.grpc.ManagedChannel;
import io.keygate.keys.SecretFormat;
import io.keygate.v1.AuthorizeRequest;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * 5. Cold path: N tokens in PostgreSQL (bulk-loaded with COPY under one key of the bench tenant), a
 * sidecar started with a cold cache smaller than N, and Authorize for uniformly random valid
 * secrets, each a cache miss. Then an invalid-key flood (distinct well-formed unknown secrets from
 * distinct IPs): database lookups per distinct invalid secret, a repeat within the negative-cache
 * TTL, and whether the flood pushed the valid keys out of the cache.
 */
final class ColdPath {
  private static final int CACHE_ENTRIES = 50_000;
  /** Warm-up misses are made in chunks of this many, at most {@link #MAX_WARM_CHUNKS} of them. */
  private static final int WARM_CHUNK = 2_000;
  private static final int MAX_WARM_CHUNKS = 30;
  private static final double SETTLED_COMPILE_SECONDS = 0.05;
  private final Bench.Plan plan;
  private final Report report;
  private final Fixture fixture;
  private final Bench bench;

  ColdPath(Bench.Plan plan, Report report, Fixture fixture, Bench bench) {
    this.plan = plan;
    this.report = report;
    this.fixture = fixture;
    this.bench = bench;
  }

  void run() throws Exception {
    int n = plan.coldKeys();
    int fresh = plan.quick() ? 500 : 2_000;
    int warmChunks = plan.quick() ? 0 : MAX_WARM_CHUNKS;
    int working = plan.quick() ? 300 : 1_000;
    int wanted = fresh + warmChunks * WARM_CHUNK + plan.coldSamples() + working;
    long loadStart = System.nanoTime();
    List<String> sample = load(n, wanted);
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    int metricsPort = Jvm.freePort();
    Served cold = bench.start("keygate-cold", Map.of("KEYGATE_METRICS_ADDRESS", "127.0.0.1:" + metricsPort,
        "KEYGATE_CACHE_MAX_ENTRIES", Integer.toString(CACHE_ENTRIES), "KEYGATE_NEGATIVE_CACHE_TTL_SECONDS", "60"),
        fixture.tenantAdminSecret);
    try {
      ManagedChannel channel = cold.channels(1).get(0);
      LongAdder notAllowed = new LongAdder();
      int next = 0;
      List<String> freshKeys = sample.subList(next, next += fresh);
      Histogram first = Load.sequential(keys(channel, freshKeys), freshKeys.size(), notAllowed);
      // Then misses until the JIT has settled (a chunk during which it compiled for under 50 ms), so the
      // figure is the miss path's, not the compiler's: on 2 cores a fresh sidecar's C2 takes one core for
      // tens of seconds.
      int warmed = 0;
      double compiling = Double.MAX_VALUE;
      while (warmed < warmChunks && compiling >= SETTLED_COMPILE_SECONDS) {
        double compiled0 = Fixture.metric(metricsPort, "jvm_compilation_time_seconds_total");
        List<String> chunk = sample.subList(next, next += WARM_CHUNK);
        Load.sequential(keys(channel, chunk), chunk.size(), notAllowed);
        compiling = Fixture.metric(metricsPort, "jvm_compilation_time_seconds_total") - compiled0;
        warmed++;
      }
      next = fresh + warmChunks * WARM_CHUNK;
      List<String> measured = sample.subList(next, next += plan.coldSamples());
      List<String> valid = sample.subList(next, sample.size());
      double misses0 = misses(metricsPort);
      Histogram miss = Load.sequential(keys(channel, measured), measured.size(), notAllowed);
      double missCount = misses(metricsPort) - misses0;
      Histogram hit = Load.sequential(keys(channel, measured), measured.size(), notAllowed);
      if (notAllowed.sum() > 0) {
        report.note("cold path: " + notAllowed.sum() + " valid secrets were not allowed — the figures are suspect");
      }
      report.add("5 cold path", String.format("cache-miss Authorize, %,d keys: a fresh sidecar's first %,d misses"
          + " (JIT warming): p50 / p99", n, fresh), us(first), "", "", "", null);
      double p50 = miss.getValueAtPercentile(50) / 1000.0;
      double p99 = miss.getValueAtPercentile(99) / 1000.0;
      double p99Target = n > 1_000_000 ? 1500 : 1000; // issue 20: 1 ms at 1M keys, 1.5 ms at 10M; p50 300 µs
      report.add("5 cold path", String.format("cache-miss Authorize, %,d keys in PostgreSQL, JIT settled: p50 / p99",
          n), us(miss), us(hit) + " (cache hit)", String.format("%.0f of %d calls were misses", missCount,
              measured.size()), "p50 ≤ 300 µs, p99 ≤ " + Report.f0(p99Target) + " µs", p50 <= 300 && p99 <= p99Target);
      report.note(String.format("cold path: %,d tokens bulk-loaded with COPY in %.0f s; cache bound %,d entries;"
          + " %,d misses before the JIT settled (%s)", n, loadSeconds, CACHE_ENTRIES, fresh + warmed * WARM_CHUNK,
          compiling < SETTLED_COMPILE_SECONDS ? String.format("%.0f ms of compiling in the last %,d", compiling * 1000,
              WARM_CHUNK) : "it had not settled"));
      flood(cold, channel, metricsPort, valid);
    } finally {
      bench.stop(cold);
    }
  }

  private void flood(Served cold, ManagedChannel channel, int metricsPort, List<String> valid) {
    LongAdder notAllowed = new LongAdder();
    Load.sequential(keys(channel, valid), valid.size(), notAllowed); // the working set, cached
    Load.sequential(keys(channel, valid), valid.size(), notAllowed); // seen twice: as hot as a real working set
    SecretFormat format = new SecretFormat(SecretFormat.DEFAULT_PREFIX);
    int count = plan.flood();
    List<AuthorizeRequest> invalid = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      invalid.add(Load.authorizeRequest(format.generate(), "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "."
          + (i & 255)));
    }
    double before = misses(metricsPort);
    AtomicInteger next = new AtomicInteger();
    List<ManagedChannel> channels = cold.channels(Bench.CONNECTIONS);
    long nanos = Load.counted(Load.authorize(channels, lane -> invalid.get(next.getAndIncrement())), 32, count);
    double afterFlood = misses(metricsPort);
    int repeat = Math.min(count, 5_000);
    AtomicInteger again = new AtomicInteger(count - repeat);
    Load.counted(Load.authorize(channels, lane -> invalid.get(again.getAndIncrement())), 32, repeat);
    double afterRepeat = misses(metricsPort);
    Load.sequential(keys(channel, valid), valid.size(), notAllowed);
    double validMisses = misses(metricsPort) - afterRepeat;
    double perInvalid = (afterFlood - before) / count;
    report.add("5 invalid-key flood", String.format("DB lookups per distinct invalid secret (%,d, %,.0f/s)", count,
        count / (nanos / 1e9)), Report.f2(perInvalid), "", "", "≤ 1 per negative-cache TTL", perInvalid <= 1.0);
    report.add("5 invalid-key flood", String.format("DB lookups for %,d of them again within the TTL", repeat),
        Report.f0(afterRepeat - afterFlood), "", "", "0", afterRepeat - afterFlood == 0);
    double hitRatio = 1 - validMisses / valid.size();
    report.add("5 invalid-key flood", String.format("hit ratio of %,d valid keys after the flood", valid.size()),
        String.format("%.1f %%", 100 * hitRatio), "100 % before", "", "no drop", validMisses == 0);
    if (notAllowed.sum() > 0) {
      report.note("invalid-key flood: " + notAllowed.sum() + " valid calls were not allowed");
    }
  }

  private static Load.Caller keys(ManagedChannel channel, List<String> secrets) {
    return Load.authorize(List.of(channel), i -> Load.authorizeRequest(secrets.get(i % secrets.size()),
        "198.51.100.9"));
  }

  private static double misses(int metricsPort) {
    return Fixture.metric(metricsPort, "keygate_cache_misses_total");
  }

  private static String us(Histogram histogram) {
    return String.format("%s / %s µs", Report.f0(histogram.getValueAtPercentile(50) / 1000.0),
        Report.f0(histogram.getValueAtPercentile(99) / 1000.0));
  }

  /**
   * Bulk-loads {@code n} tokens under a new key and returns {@code wanted} of their secrets, spread
   * evenly over the whole set (uniformly random rows of the table), in random order.
   */
  private List<String> load(int n, int wanted) throws Exception {
    ManagedChannel channel = Fixture.channel(bench.admin());
    String keyId;
    try {
      keyId = fixture.createKey(channel, "cold-path", false).getApiKey().getId();
    } finally {
      channel.shutdownNow();
    }
    SecretFormat format = new SecretFormat(SecretFormat.DEFAULT_PREFIX);
    HexFormat hex = HexFormat.of();
    int every = Math.max(1, n / wanted);
    List<String> sample = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(fixture.jdbcUrl)) {
      String tenant;
      String owner;
      try (PreparedStatement s = c.prepareStatement("select tenant_id, owner_id from api_keys where id = ?")) {
        s.setString(1, keyId);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          tenant = r.getString(1);
          owner = r.getString(2);
        }
      }
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      int chunk = 50_000;
      for (int from = 0; from < n; from += chunk) {
        StringBuilder tokens = new StringBuilder();
        StringBuilder secrets = new StringBuilder();
        for (int i = from; i < Math.min(n, from + chunk); i++) {
          String secret = format.generate();
          String id = "tok_bench" + i;
          tokens.append(id).append('\t').append(tenant).append('\t').append(keyId).append('\t').append(owner)
              .append("\tbench\tread_write\t").append(format.hint(secret)).append('\n');
          secrets.append("\\\\x").append(hex.formatHex(SecretFormat.digest(secret))).append('\t').append(id)
              .append('\n');
          if (i % every == 0 && sample.size() < wanted) {
            sample.add(secret);
          }
        }
        copy.copyIn("copy tokens (id, tenant_id, api_key_id, principal_id, name, access, hint) from stdin",
            new StringReader(tokens.toString()));
        copy.copyIn("copy token_secrets (digest, token_id) from stdin", new StringReader(secrets.toString()));
      }
      try (Statement s = c.createStatement()) {
        // As a long-lived database would be: vacuumed and analysed (else autovacuum, triggered by the
        // bulk insert, would run during the measurement), and checkpointed.
        s.execute("vacuum analyze tokens");
        s.execute("vacuum analyze token_secrets");
        s.execute("checkpoint");
      }
    }
    java.util.Collections.shuffle(sample, new java.util.Random(7));
    return sample;
  }
}
