package io.keygate.telemetry;

import io.keygate.authz.CredentialParts;
import io.keygate.authz.CredentialRecord;
import io.keygate.authz.ScopePath;
import io.keygate.store.CredentialPartStore;
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
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The decision path's lookups in PostgreSQL (what the cache could not answer), timed in
 * {@code keygate_store_lookup_duration_seconds{lookup, outcome}} and, with tracing on, each a CLIENT
 * span ({@code keygate.store/<lookup>}) under the decision or the management call that needed it.
 * The lookups: {@code credential} (by digest, whole or its own rows), {@code tenant} (its tenant's
 * settings), {@code role}, {@code scope} (a scope path). The secret's digest is never an attribute.
 */
@SuppressWarnings("try") // a Scope is held, not used
public final class ObservedStore implements CredentialStore, CredentialPartStore {
  private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");
  private static final AttributeKey<Boolean> FOUND = AttributeKey.booleanKey("keygate.found");
  private static final double NANOS_PER_SECOND = 1e9;

  /** One lookup's span name and timings. */
  private record Lookup(String span, DistributionDataPoint ok, DistributionDataPoint error) {
    Lookup(Histogram histogram, String name) {
      this("keygate.store/" + name, histogram.labelValues(name, "ok"), histogram.labelValues(name, "error"));
    }
  }

  private final CredentialStore store;
  private final CredentialPartStore parts;
  private final Tracing tracing;
  private final Lookup credential;
  private final Lookup tenant;
  private final Lookup role;
  private final Lookup scope;

  /** Observes {@code store}'s lookups, and its lookups in parts if it reads credentials in parts. */
  public ObservedStore(CredentialStore store, Tracing tracing, PrometheusRegistry registry) {
    this.store = store;
    this.parts = store instanceof CredentialPartStore partStore ? partStore : null;
    this.tracing = tracing;
    Histogram histogram = Histogram.builder()
        .name("keygate_store_lookup_duration_seconds")
        .help("PostgreSQL lookups of the decision path (cache misses): a credential by digest, its tenant's"
            + " settings, its role, or a scope path.")
        .unit(Unit.SECONDS)
        .labelNames("lookup", "outcome")
        .classicOnly()
        .classicUpperBounds(Buckets.IO)
        .withoutExemplars()
        .register(registry);
    credential = new Lookup(histogram, "credential");
    tenant = new Lookup(histogram, "tenant");
    role = new Lookup(histogram, "role");
    scope = new Lookup(histogram, "scope");
  }

  /** These lookups in parts, observed; null when the store reads credentials only whole. */
  public CredentialPartStore parts() {
    return parts == null ? null : this;
  }

  @Override
  public Optional<CredentialRecord> findByDigest(byte[] digest) {
    return observed(credential, () -> store.findByDigest(digest), (span, found) -> {
      span.setAttribute(FOUND, found.isPresent());
      found.ifPresent(key -> span.setAttribute(ObservedDecisions.TENANT, key.tenantId())
          .setAttribute(ObservedDecisions.API_KEY, key.apiKeyId()));
    });
  }

  @Override
  public Optional<CredentialParts.Key> findKey(byte[] digest) {
    return observed(credential, () -> parts.findKey(digest), (span, found) -> {
      span.setAttribute(FOUND, found.isPresent());
      found.ifPresent(key -> span.setAttribute(ObservedDecisions.TENANT, key.tenantId())
          .setAttribute(ObservedDecisions.API_KEY, key.apiKeyId()));
    });
  }

  @Override
  public Optional<CredentialParts.Tenant> findTenant(String tenantId) {
    return observed(tenant, () -> parts.findTenant(tenantId), (span, found) -> span.setAttribute(FOUND,
        found.isPresent()).setAttribute(ObservedDecisions.TENANT, tenantId));
  }

  @Override
  public Optional<CredentialParts.Role> findRole(String tenantId, String roleId) {
    return observed(role, () -> parts.findRole(tenantId, roleId), (span, found) -> span.setAttribute(FOUND,
        found.isPresent()).setAttribute(ObservedDecisions.TENANT, tenantId));
  }

  @Override
  public ScopePath scopePath(String tenantId, String scopeId) {
    return observed(scope, () -> store.scopePath(tenantId, scopeId), (span, path) -> span.setAttribute(FOUND,
        path != null).setAttribute(ObservedDecisions.TENANT, tenantId));
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

  private <T> T observed(Lookup lookup, Supplier<T> read, BiConsumer<Span, T> describe) {
    long start = System.nanoTime();
    Span span = span(lookup.span());
    try (Scope ignored = current(span)) {
      T found = read.get();
      observe(lookup.ok(), start);
      describe.accept(span, found);
      span.end();
      return found;
    } catch (RuntimeException e) {
      observe(lookup.error(), start);
      ObservedDecisions.failed(span, e);
      throw e;
    }
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
