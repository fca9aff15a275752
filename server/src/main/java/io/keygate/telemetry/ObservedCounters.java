package io.keygate.telemetry;

import io.keygate.ratelimit.Counters;
import io.keygate.ratelimit.LimitSpec;
import io.keygate.ratelimit.LimitStatus;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The shared counters in Redis, each count (one {@code EVALSHA}) timed in
 * {@code keygate_redis_duration_seconds{outcome}} and, with tracing on, a CLIENT span
 * {@code keygate.redis/count} under the decision it counts for, which goes on in its trace context
 * on the thread Redis answers on. Counter keys (which hold client
 * addresses and key ids) are not attributes; the number of limits counted is.
 */
@SuppressWarnings("try") // a Scope is held, not used
public final class ObservedCounters implements Counters {
  private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");
  private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation.name");
  private static final AttributeKey<Long> LIMITS = AttributeKey.longKey("keygate.limits");
  private static final double NANOS_PER_SECOND = 1e9;

  private final Counters counters;
  private final Tracing tracing;
  private final DistributionDataPoint ok;
  private final DistributionDataPoint error;

  public ObservedCounters(Counters counters, Tracing tracing, PrometheusRegistry registry) {
    this.counters = counters;
    this.tracing = tracing;
    Histogram histogram = Histogram.builder()
        .name("keygate_redis_duration_seconds")
        .help("Round trips to Redis counting one request's rate limits (one EVALSHA), by outcome.")
        .unit(Unit.SECONDS)
        .labelNames("outcome")
        .classicOnly()
        .classicUpperBounds(Buckets.IO)
        .withoutExemplars()
        .register(registry);
    ok = histogram.labelValues("ok");
    error = histogram.labelValues("error");
  }

  @Override
  public List<LimitStatus> count(List<LimitSpec> limits) {
    long start = System.nanoTime();
    Span span = span(limits);
    try {
      List<LimitStatus> statuses = counters.count(limits);
      observe(ok, start);
      span.end();
      return statuses;
    } catch (RuntimeException e) {
      observe(error, start);
      ObservedDecisions.failed(span, e);
      throw e;
    }
  }

  @Override
  public CompletionStage<List<LimitStatus>> countAsync(List<LimitSpec> limits) {
    long start = System.nanoTime();
    CompletionStage<List<LimitStatus>> counted = counters.countAsync(limits);
    if (counted == null) {
      return null;
    }
    if (!tracing.enabled()) {
      return counted.whenComplete((statuses, failure) -> observe(failure == null ? ok : error, start));
    }
    // Redis answers on Lettuce's thread: what the decision does next runs there, in its context.
    Context context = Context.current();
    Span span = span(limits);
    CompletableFuture<List<LimitStatus>> answer = new CompletableFuture<>();
    counted.whenComplete((statuses, failure) -> {
      if (failure == null) {
        observe(ok, start);
        span.end();
      } else {
        observe(error, start);
        ObservedDecisions.failed(span, failure);
      }
      try (Scope ignored = context.makeCurrent()) {
        if (failure == null) {
          answer.complete(statuses);
        } else {
          answer.completeExceptionally(failure);
        }
      }
    });
    return answer;
  }

  private Span span(List<LimitSpec> limits) {
    if (!tracing.enabled()) {
      return Span.getInvalid();
    }
    return tracing.tracer().spanBuilder("keygate.redis/count").setSpanKind(SpanKind.CLIENT)
        .setAttribute(DB_SYSTEM, "redis").setAttribute(OPERATION, "EVALSHA")
        .setAttribute(LIMITS, (long) limits.size()).startSpan();
  }

  private static void observe(DistributionDataPoint point, long start) {
    point.observe((System.nanoTime() - start) / NANOS_PER_SECOND);
  }

  @Override
  public void close() {
    counters.close();
  }
}
