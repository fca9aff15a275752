package io.keygate.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenTelemetry tracing, configured by the standard {@code OTEL_*} variables (the SDK's
 * autoconfiguration) and <b>off by default</b>: on when {@code OTEL_SDK_DISABLED=false}, or, while
 * that is unset, when {@code OTEL_TRACES_EXPORTER} names an exporter other than {@code none} or an
 * OTLP endpoint ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) is
 * set. Keygate's defaults, each overridden by its variable: service name {@code keygate}, OTLP over
 * HTTP/protobuf (the JDK's HttpClient; the gRPC protocol is not bundled), no metrics or logs
 * exporter (metrics are Prometheus', logs go to stderr). While off, {@link #enabled()} is false and
 * nothing on the decision path creates a span or reads a context.
 */
public final class Tracing implements AutoCloseable {
  /** Tracing off: no SDK at all. */
  public static final Tracing OFF = new Tracing(null);

  /** Reads W3C headers ({@code traceparent}, {@code tracestate}) from a map of lower-case names. */
  public static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private static final Logger LOG = LoggerFactory.getLogger(Tracing.class);
  private static final Map<String, String> DEFAULTS = Map.of(
      "otel.service.name", "keygate",
      "otel.exporter.otlp.protocol", "http/protobuf",
      "otel.metrics.exporter", "none",
      "otel.logs.exporter", "none");

  private final OpenTelemetrySdk sdk;
  private final OpenTelemetry otel;
  private final Tracer tracer;

  private Tracing(OpenTelemetrySdk sdk) {
    this.sdk = sdk;
    this.otel = sdk == null ? OpenTelemetry.noop() : sdk;
    this.tracer = otel.getTracer("io.keygate", Build.VERSION);
  }

  /** Tracing as the {@code OTEL_*} variables of {@code env} say; {@link #OFF} unless they turn it on. */
  public static Tracing fromEnv(Map<String, String> env) {
    if (!wanted(env)) {
      return OFF;
    }
    Map<String, String> given = new HashMap<>();
    env.forEach((name, value) -> {
      if (name.startsWith("OTEL_") && value != null && !value.isBlank()) {
        given.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value.strip());
      }
    });
    given.put("otel.sdk.disabled", "false");
    OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> DEFAULTS)
        .addPropertiesCustomizer(config -> given)
        .addResourceCustomizer((resource, config) -> Resource.create(Attributes.of(
            AttributeKey.stringKey("service.version"), Build.VERSION)).merge(resource))
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
    LOG.info("tracing on: exporting spans ({})", given.getOrDefault("otel.traces.exporter", "otlp"));
    return new Tracing(sdk);
  }

  /** Whether the variables turn tracing on (see the class comment). */
  static boolean wanted(Map<String, String> env) {
    String disabled = text(env, "OTEL_SDK_DISABLED");
    if (!disabled.isEmpty()) {
      return !Boolean.parseBoolean(disabled);
    }
    String exporter = text(env, "OTEL_TRACES_EXPORTER");
    if (!exporter.isEmpty()) {
      return !exporter.equalsIgnoreCase("none");
    }
    return !text(env, "OTEL_EXPORTER_OTLP_ENDPOINT").isEmpty()
        || !text(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT").isEmpty();
  }

  private static String text(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null ? "" : value.strip();
  }

  /** True when spans are recorded and exported. */
  public boolean enabled() {
    return sdk != null;
  }

  public Tracer tracer() {
    return tracer;
  }

  /** The trace context {@code carrier} carries (W3C {@code traceparent}), or the root context. */
  public <C> Context extract(C carrier, TextMapGetter<C> getter) {
    return otel.getPropagators().getTextMapPropagator().extract(Context.root(), carrier, getter);
  }

  /** {@code executor}, carrying the current trace context into its tasks while tracing is on. */
  public Executor propagating(Executor executor) {
    return enabled() ? Context.taskWrapping(executor) : executor;
  }

  /** Exports what is buffered and stops (at most 5 s). */
  @Override
  public void close() {
    if (sdk != null) {
      sdk.shutdown().join(5, TimeUnit.SECONDS);
    }
  }
}
