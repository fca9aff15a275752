package io.keygate.telemetry;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.function.ToIntFunction;

/**
 * HikariCP's connection pool, under the names of HikariCP's own Prometheus tracker (label
 * {@code pool}): connections active, idle, pending, total, max and min (read when scraped), the time
 * to acquire a connection, how long one is used and how long one takes to create, and the number of
 * acquisitions that timed out. Installed on the pool with {@code Database.trackMetrics}.
 */
public final class PoolMetrics implements MetricsTrackerFactory {
  private static final double NANOS_PER_SECOND = 1e9;
  private static final double MILLIS_PER_SECOND = 1e3;

  private final PrometheusRegistry registry;

  public PoolMetrics(PrometheusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public IMetricsTracker create(String pool, PoolStats stats) {
    gauge("hikaricp_connections_active", "Connections in use.", pool, stats, PoolStats::getActiveConnections);
    gauge("hikaricp_connections_idle", "Connections idle in the pool.", pool, stats, PoolStats::getIdleConnections);
    gauge("hikaricp_connections_pending", "Threads waiting for a connection.", pool, stats,
        PoolStats::getPendingThreads);
    gauge("hikaricp_connections", "Connections open (active and idle).", pool, stats,
        PoolStats::getTotalConnections);
    gauge("hikaricp_connections_max", "Largest number of connections the pool holds.", pool, stats,
        PoolStats::getMaxConnections);
    gauge("hikaricp_connections_min", "Idle connections the pool keeps.", pool, stats,
        PoolStats::getMinConnections);
    DistributionDataPoint acquire = histogram("hikaricp_connections_acquire_seconds",
        "Time to get a connection from the pool.", pool);
    DistributionDataPoint usage = histogram("hikaricp_connections_usage_seconds",
        "Time a connection is held before it goes back to the pool.", pool);
    DistributionDataPoint creation = histogram("hikaricp_connections_creation_seconds",
        "Time to open a new connection.", pool);
    CounterDataPoint timeouts = Counter.builder().name("hikaricp_connection_timeout_total")
        .help("Attempts to get a connection that timed out.").labelNames("pool").withoutExemplars()
        .register(registry).labelValues(pool);
    return new IMetricsTracker() {
      @Override
      public void recordConnectionAcquiredNanos(long nanos) {
        acquire.observe(nanos / NANOS_PER_SECOND);
      }

      @Override
      public void recordConnectionUsageMillis(long millis) {
        usage.observe(millis / MILLIS_PER_SECOND);
      }

      @Override
      public void recordConnectionCreatedMillis(long millis) {
        creation.observe(millis / MILLIS_PER_SECOND);
      }

      @Override
      public void recordConnectionTimeout() {
        timeouts.inc();
      }
    };
  }

  private void gauge(String name, String help, String pool, PoolStats stats, ToIntFunction<PoolStats> value) {
    GaugeWithCallback.builder().name(name).help(help).labelNames("pool")
        .callback(callback -> callback.call(value.applyAsInt(stats), pool)).register(registry);
  }

  private DistributionDataPoint histogram(String name, String help, String pool) {
    return Histogram.builder().name(name).help(help).unit(Unit.SECONDS).labelNames("pool").classicOnly()
        .classicUpperBounds(Buckets.IO).withoutExemplars().register(registry).labelValues(pool);
  }
}
