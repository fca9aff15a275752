package io.keygate.telemetry;

import io.keygate.KeygateException;
import io.keygate.authz.CredentialRecord;
import io.keygate.decision.AuthorizeInput;
import io.keygate.decision.Authorizer;
import io.keygate.decision.Decision;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;

/**
 * The decisions of Authorize and Check, timed and traced. Every decision is observed in
 * {@code keygate_decision_duration_seconds{rpc, outcome, limiter}} (from the request's arrival at
 * the {@link Authorizer} to its answer; a call that ends in a gRPC error is not a decision and is
 * counted by the gRPC server metrics instead). {@code limiter} is {@code redis} while the shared
 * counters answer, {@code local} while counting in-process (no Redis, or fail-open while it fails).
 *
 * <p>The histogram's data points are resolved once; a decision answered at once (a key in memory)
 * is recorded without any allocation. With tracing on, each decision is a SERVER span named after
 * the RPC, a child of the caller's trace context, carrying the outcome, reason, HTTP status and —
 * for a valid credential — tenant, key and token ids. Never the credential: no attribute is taken
 * from the request's headers or credential field.
 */
@SuppressWarnings("try") // a Scope is held, not used
public final class ObservedDecisions {
  /** The decision RPCs. */
  public enum Rpc {
    AUTHORIZE("keygate.v1.AuthorizerService", "Authorize"),
    CHECK("envoy.service.auth.v3.Authorization", "Check");

    final String service;
    final String method;
    final String spanName;

    Rpc(String service, String method) {
      this.service = service;
      this.method = method;
      this.spanName = service + "/" + method;
    }
  }

  static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
  static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
  static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
  static final AttributeKey<String> DECISION = AttributeKey.stringKey("keygate.decision");
  static final AttributeKey<String> REASON = AttributeKey.stringKey("keygate.reason");
  static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> TENANT = AttributeKey.stringKey("keygate.tenant_id");
  static final AttributeKey<String> API_KEY = AttributeKey.stringKey("keygate.api_key_id");
  static final AttributeKey<String> TOKEN = AttributeKey.stringKey("keygate.token_id");
  static final AttributeKey<String> LIMITER = AttributeKey.stringKey("keygate.limiter");
  static final AttributeKey<String> ERROR = AttributeKey.stringKey("keygate.error");

  private static final double NANOS_PER_SECOND = 1e9;

  private final Authorizer authorizer;
  private final Tracing tracing;
  private final boolean redis;
  private final BooleanSupplier degraded;
  /** Index: rpc × 4 + denied × 2 + local. */
  private final DistributionDataPoint[] points = new DistributionDataPoint[8];

  /**
   * @param redis whether the deployment counts in Redis
   * @param degraded true while the shared counters fail and the limiter counts in-process
   */
  public ObservedDecisions(Authorizer authorizer, Tracing tracing, PrometheusRegistry registry, boolean redis,
      BooleanSupplier degraded) {
    this.authorizer = authorizer;
    this.tracing = tracing;
    this.redis = redis;
    this.degraded = degraded;
    Histogram histogram = Histogram.builder()
        .name("keygate_decision_duration_seconds")
        .help("Time to decide one Authorize or Check request, by RPC, outcome and the limiter that counted it.")
        .unit(Unit.SECONDS)
        .labelNames("rpc", "outcome", "limiter")
        .classicOnly()
        .classicUpperBounds(Buckets.FAST)
        .withoutExemplars()
        .register(registry);
    for (Rpc rpc : Rpc.values()) {
      for (int denied = 0; denied < 2; denied++) {
        for (int local = 0; local < 2; local++) {
          points[index(rpc, denied == 1, local == 1)] = histogram.labelValues(rpc.name().toLowerCase(Locale.ROOT),
              denied == 1 ? "deny" : "allow", local == 1 ? "local" : "redis");
        }
      }
    }
  }

  /**
   * Decides {@code in}. {@code traceHeaders}: where the caller's trace context is (Check: the HTTP
   * request's headers); null to take the current context (Authorize: the gRPC metadata, made current
   * by the transport). Throws what {@link Authorizer#decide} throws.
   */
  public CompletionStage<Decision> decide(Rpc rpc, AuthorizeInput in, Map<String, String> traceHeaders) {
    long start = System.nanoTime();
    if (!tracing.enabled()) {
      CompletableFuture<Decision> answer = authorizer.decide(in).toCompletableFuture();
      if (answer.isDone() && !answer.isCompletedExceptionally()) {
        record(rpc, answer.join(), start);
        return answer;
      }
      return answer.whenComplete((decision, error) -> record(rpc, decision, start));
    }
    Context parent = traceHeaders == null ? Context.current() : tracing.extract(traceHeaders, Tracing.HEADERS);
    Span span = tracing.tracer().spanBuilder(rpc.spanName).setSpanKind(SpanKind.SERVER).setParent(parent)
        .setAttribute(RPC_SYSTEM, "grpc").setAttribute(RPC_SERVICE, rpc.service).setAttribute(RPC_METHOD, rpc.method)
        .startSpan();
    CompletionStage<Decision> answer;
    try (Scope ignored = span.makeCurrent()) {
      answer = authorizer.decide(in);
    } catch (RuntimeException e) {
      failed(span, e);
      throw e;
    }
    return answer.whenComplete((decision, error) -> {
      if (error != null) {
        failed(span, error);
        return;
      }
      record(rpc, decision, start);
      annotate(span, decision);
      span.end();
    });
  }

  private void record(Rpc rpc, Decision decision, long start) {
    if (decision != null) {
      points[index(rpc, !decision.allowed(), local())].observe((System.nanoTime() - start) / NANOS_PER_SECOND);
    }
  }

  private boolean local() {
    return !redis || degraded.getAsBoolean();
  }

  private static int index(Rpc rpc, boolean denied, boolean local) {
    return rpc.ordinal() * 4 + (denied ? 2 : 0) + (local ? 1 : 0);
  }

  private void annotate(Span span, Decision decision) {
    span.setAttribute(DECISION, decision.allowed() ? "allow" : "deny");
    span.setAttribute(REASON, decision.reason().code());
    span.setAttribute(HTTP_STATUS, (long) decision.httpStatus());
    span.setAttribute(LIMITER, local() ? "local" : "redis");
    CredentialRecord key = decision.identity();
    if (key != null) {
      span.setAttribute(TENANT, key.tenantId());
      span.setAttribute(API_KEY, key.apiKeyId());
      span.setAttribute(TOKEN, key.tokenId());
    }
  }

  /** Ends {@code span} as failed, naming the kind of failure only (never its message). */
  static void failed(Span span, Throwable error) {
    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    String kind = cause instanceof KeygateException e ? e.reason() : cause.getClass().getSimpleName();
    span.setAttribute(ERROR, kind);
    span.setStatus(StatusCode.ERROR, kind);
    span.end();
  }
}
