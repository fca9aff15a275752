package io.keygate.telemetry;

import io.keygate.ratelimit.Counters;
import io.keygate.ratelimit.LeaseStore;
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
import java.util.function.Supplier;

/**
 * The round trips to Redis of the shared rate limits — a lease of a slice ({@code lease.lua}) or an
 * exact count of one request ({@code sliding_window.lua}), one {@code EVALSHA} each — timed in
 * {@code keygate_redis_duration_seconds{script, outcome}} and, with tracing on, each a CLIENT span
 * {@code keygate.redis/lease} or {@code keygate.redis/count} under the decision that needed it; the
 * decision goes on in its trace context on the thread Redis answers on. Decisions spent from a slice
 * already held make no round trip and are not observed here. Counter keys (which hold client
 * addresses and key ids) are not attributes; the number of limits counted is.
 */
@SuppressWarnings("try") // a Scope is held, not used
public final class ObservedRedis {
  private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");
  private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation.name");
  private static final AttributeKey<Long> LIMITS = AttributeKey.longKey("keygate.limits");
  private static final double NANOS_PER_SECOND = 1e9;

  private final Tracing tracing;
  private final Histogram histogram;

  public ObservedRedis(Tracing tracing, PrometheusRegistry registry) {
    this.tracing = tracing;
    this.histogram = Histogram.builder()
        .name("keygate_redis_duration_seconds")
        .help("Round trips to Redis for the rate limits (one EVALSHA): a lease of a slice or an exact count,"
            + " by script and outcome.")
        .unit(Unit.SECONDS)
        .labelNames("script", "outcome")
        .classicOnly()
        .classicUpperBounds(Buckets.IO)
        .withoutExemplars()
        .register(registry);
  }

  /** {@code counters} (the per-request script), observed. */
  public Counters exact(Counters counters) {
    Script script = new Script("count");
    return new Counters() {
      @Override
      public List<LimitStatus> count(List<LimitSpec> limits) {
        long start = System.nanoTime();
        Span span = script.span(limits.size());
        try {
          List<LimitStatus> statuses = counters.count(limits);
          script.ok(span, start);
          return statuses;
        } catch (RuntimeException e) {
          script.failed(span, start, e);
          throw e;
        }
      }

      @Override
      public CompletionStage<List<LimitStatus>> countAsync(List<LimitSpec> limits) {
        return script.observe(limits.size(), () -> counters.countAsync(limits));
      }

      @Override
      public void close() {
        counters.close();
      }
    };
  }

  /** {@code leases}, observed. */
  public LeaseStore leases(LeaseStore leases) {
    Script script = new Script("lease");
    return (spec, want, returned, returnedBucket) -> script.observe(1,
        () -> leases.lease(spec, want, returned, returnedBucket));
  }

  /** One script's series and spans. */
  private final class Script {
    private final String name;
    private final DistributionDataPoint ok;
    private final DistributionDataPoint error;

    Script(String name) {
      this.name = name;
      this.ok = histogram.labelValues(name, "ok");
      this.error = histogram.labelValues(name, "error");
    }

    /** The asynchronous call {@code call} (null: it cannot answer without blocking), observed. */
    <T> CompletionStage<T> observe(int limits, Supplier<CompletionStage<T>> call) {
      long start = System.nanoTime();
      CompletionStage<T> answered = call.get();
      if (answered == null) {
        return null;
      }
      if (!tracing.enabled()) {
        return answered.whenComplete((value, failure) -> (failure == null ? ok : error).observe(seconds(start)));
      }
      // Redis answers on Lettuce's thread: what the decision does next runs there, in its context.
      Context context = Context.current();
      Span span = span(limits);
      CompletableFuture<T> answer = new CompletableFuture<>();
      answered.whenComplete((value, failure) -> {
        if (failure == null) {
          ok(span, start);
        } else {
          failed(span, start, failure);
        }
        try (Scope ignored = context.makeCurrent()) {
          if (failure == null) {
            answer.complete(value);
          } else {
            answer.completeExceptionally(failure);
          }
        }
      });
      return answer;
    }

    Span span(int limits) {
      if (!tracing.enabled()) {
        return Span.getInvalid();
      }
      return tracing.tracer().spanBuilder("keygate.redis/" + name).setSpanKind(SpanKind.CLIENT)
          .setAttribute(DB_SYSTEM, "redis").setAttribute(OPERATION, "EVALSHA")
          .setAttribute(LIMITS, (long) limits).startSpan();
    }

    void ok(Span span, long start) {
      ok.observe(seconds(start));
      span.end();
    }

    void failed(Span span, long start, Throwable failure) {
      error.observe(seconds(start));
      ObservedDecisions.failed(span, failure);
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / NANOS_PER_SECOND;
  }
}
