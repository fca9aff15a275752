package io.keygate.telemetry;

import io.keygate.authz.CredentialRecord;
import io.keygate.authz.ScopePath;
import io.keygate.store.CredentialStore;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Optional;

/**
 * The decision path's lookups in PostgreSQL (what the cache could not answer), timed in
 * {@code keygate_store_lookup_duration_seconds{lookup, outcome}} and, with tracing on, each a CLIENT
 * span ({@code keygate.store/credential}, {@code keygate.store/scope}) under the decision or the
 * management call that needed it. The secret's digest is never an attribute.
 */
@SuppressWarnings("try") // a Scope is held, not used
public final class ObservedStore implements CredentialStore {
  private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");
  private static final AttributeKey<Boolean> FOUND = AttributeKey.booleanKey("keygate.found");
  private static final double NANOS_PER_SECOND = 1e9;

  private final CredentialStore store;
  private final Tracing tracing;
  private final DistributionDataPoint credentialOk;
  private final DistributionDataPoint credentialError;
  private final DistributionDataPoint scopeOk;
  private final DistributionDataPoint scopeError;

  public ObservedStore(CredentialStore store, Tracing tracing, PrometheusRegistry registry) {
    this.store = store;
    this.tracing = tracing;
    Histogram histogram = Histogram.builder()
        .name("keygate_store_lookup_duration_seconds")
        .help("PostgreSQL lookups of the decision path (cache misses): a credential by digest, or a scope path.")
        .unit(Unit.SECONDS)
        .labelNames("lookup", "outcome")
        .classicOnly()
        .classicUpperBounds(Buckets.IO)
        .withoutExemplars()
        .register(registry);
    credentialOk = histogram.labelValues("credential", "ok");
    credentialError = histogram.labelValues("credential", "error");
    scopeOk = histogram.labelValues("scope", "ok");
    scopeError = histogram.labelValues("scope", "error");
  }

  @Override
  public Optional<CredentialRecord> findByDigest(byte[] digest) {
    long start = System.nanoTime();
    Span span = span("keygate.store/credential");
    try (Scope ignored = current(span)) {
      Optional<CredentialRecord> found = store.findByDigest(digest);
      observe(credentialOk, start);
      span.setAttribute(FOUND, found.isPresent());
      found.ifPresent(key -> span.setAttribute(ObservedDecisions.TENANT, key.tenantId())
          .setAttribute(ObservedDecisions.API_KEY, key.apiKeyId()));
      span.end();
      return found;
    } catch (RuntimeException e) {
      observe(credentialError, start);
      ObservedDecisions.failed(span, e);
      throw e;
    }
  }

  @Override
  public ScopePath scopePath(String tenantId, String scopeId) {
    long start = System.nanoTime();
    Span span = span("keygate.store/scope");
    try (Scope ignored = current(span)) {
      ScopePath path = store.scopePath(tenantId, scopeId);
      observe(scopeOk, start);
      span.setAttribute(FOUND, path != null).setAttribute(ObservedDecisions.TENANT, tenantId);
      span.end();
      return path;
    } catch (RuntimeException e) {
      observe(scopeError, start);
      ObservedDecisions.failed(span, e);
      throw e;
    }
  }

  @Override
  public CredentialRecord peek(byte[] digest) {
    return store.peek(digest);
  }

  @Override
  public boolean knownUnknown(byte[] digest) {
    return store.knownUnknown(digest);
  }

  @Override
  public ScopePath peekScopePath(String tenantId, String scopeId) {
    return store.peekScopePath(tenantId, scopeId);
  }

  private Span span(String name) {
    if (!tracing.enabled()) {
      return Span.getInvalid();
    }
    return tracing.tracer().spanBuilder(name).setSpanKind(SpanKind.CLIENT).setAttribute(DB_SYSTEM, "postgresql")
        .startSpan();
  }

  private Scope current(Span span) {
    return tracing.enabled() ? span.makeCurrent() : Scope.noop();
  }

  private static void observe(DistributionDataPoint point, long start) {
    point.observe((System.nanoTime() - start) / NANOS_PER_SECOND);
  }
}
