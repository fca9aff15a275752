package io.keygate.telemetry;

import io.keygate.authz.Reason;
import io.keygate.cache.CachingCredentialStore;
import io.keygate.decision.Authorizer;
import io.keygate.ratelimit.WindowedRateLimiter;
import io.keygate.store.ChangeFeed;
import io.keygate.store.UsageRecorder;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.util.Locale;

/**
 * Prometheus metrics of one sidecar, served over HTTP at {@code /metrics} when
 * {@code KEYGATE_METRICS_ADDRESS} is set (see {@link #serve}). Counters and gauges of the components
 * ({@link #observe}) are read when scraped from counters they keep anyway, so the decision path pays
 * nothing for them; the latency histograms ({@link ObservedDecisions}, {@link ObservedStore},
 * {@link ObservedCounters}, {@link GrpcServerMetrics}) and the pool's ({@link PoolMetrics}) register
 * themselves in {@link #registry}. Also: the JVM's metrics ({@code jvm_*}, {@code process_*}) and
 * {@code keygate_build_info{version}}.
 */
public final class Metrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private boolean jvmObserved;

  public Metrics() {
    Info.builder().name("keygate_build_info").help("The Keygate build serving: 1, labelled with its version.")
        .labelNames("version").register(registry).setLabelValues(Build.VERSION);
  }

  /** Registers the components' counters and gauges (read when scraped). */
  public void observe(Authorizer authorizer, WindowedRateLimiter limiter, CachingCredentialStore cache,
      ChangeFeed feed, UsageRecorder usage) {
    registry.register(() -> {
      CounterSnapshot.Builder decisions = CounterSnapshot.builder().name("keygate_decisions")
          .help("Authorize and Envoy Check decisions by reason (ok = allowed).");
      for (Reason reason : Reason.values()) {
        decisions.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
            .labels(Labels.of("reason", reason.name().toLowerCase(Locale.ROOT),
                "status", Integer.toString(reason.httpStatus())))
            .value(authorizer.decisions(reason)).build());
      }
      return decisions.build();
    });
    counter("keygate_ratelimit_errors", "Failures of the shared rate-limit store (Redis); each was answered by"
        + " the failure mode (fail-open: counted locally; fail-closed: 503).", limiter::errors);
    gauge("keygate_ratelimit_degraded", "1 while the shared rate-limit store is failing.",
        () -> limiter.degraded() ? 1 : 0);
    if (cache != null) {
      counter("keygate_cache_hits", "Credential lookups answered from the cache.", cache::hits);
      counter("keygate_cache_misses", "Credential lookups that went to PostgreSQL (or the central tier).",
          cache::misses);
      gauge("keygate_cache_entries", "Credentials in the cache (positive and negative).", cache::size);
    }
    if (feed != null) {
      gauge("keygate_change_feed_connected", "1 while the change feed (PostgreSQL LISTEN, or the central tier's"
          + " stream) is connected.",
          () -> feed.connected() ? 1 : 0);
      counter("keygate_change_feed_notifications", "Change notifications received.", feed::received);
    }
    counter("keygate_usage_dropped", "Usage records dropped because the buffer was full.", usage::dropped);
  }

  /** Registers the count of calls refused because the server was overloaded. */
  public void countShedCalls(java.util.function.LongSupplier shed) {
    counter("keygate_rpc_shed", "Calls refused with RESOURCE_EXHAUSTED because the RPC queue was full.", shed);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  /**
   * Serves {@code /metrics} on {@code host:port} (port 0: a free one) until the returned server is closed.
   * The JVM's metrics join the registry here: reading the JVM's management beans loads some 150 classes,
   * which a sidecar that serves no metrics does not pay for at start.
   */
  public HTTPServer serve(String host, int port) throws IOException {
    synchronized (this) {
      if (!jvmObserved) {
        JvmMetrics.builder().register(registry);
        jvmObserved = true;
      }
    }
    return HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
  }

  private void counter(String name, String help, java.util.function.LongSupplier value) {
    registry.register(() -> CounterSnapshot.builder().name(name).help(help)
        .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value.getAsLong()).build()).build());
  }

  private void gauge(String name, String help, java.util.function.LongSupplier value) {
    registry.register(() -> GaugeSnapshot.builder().name(name).help(help)
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value.getAsLong()).build()).build());
  }
}
