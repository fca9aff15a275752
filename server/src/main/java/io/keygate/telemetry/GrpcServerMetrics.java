package io.keygate.telemetry;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * gRPC server metrics from a stream tracer, named as grpc-ecosystem's Prometheus interceptors name
 * them: {@code grpc_server_started_total} and {@code grpc_server_handled_total} (by
 * {@code grpc_service}, {@code grpc_method}, {@code grpc_type}, and {@code grpc_code} for handled),
 * and the latency {@code grpc_server_handling_seconds} from the stream's opening to its close. Only
 * the methods the server serves get their own series ({@link #serve}); any other name a client sends
 * is counted as {@code grpc_service="unknown"}, so clients cannot grow the label set. A call costs
 * one small tracer object, two clock reads and three pre-resolved updates.
 */
public final class GrpcServerMetrics extends ServerStreamTracer.Factory {
  private static final double NANOS_PER_SECOND = 1e9;
  private static final Status.Code[] CODES = Status.Code.values();

  private final Counter started;
  private final Counter handled;
  private final Histogram handling;
  private final Method unknown;
  private volatile Map<String, Method> methods = Map.of();

  public GrpcServerMetrics(PrometheusRegistry registry) {
    started = Counter.builder().name("grpc_server_started_total").help("RPCs started on the server.")
        .labelNames("grpc_service", "grpc_method", "grpc_type").withoutExemplars().register(registry);
    handled = Counter.builder().name("grpc_server_handled_total")
        .help("RPCs completed on the server, by status code.")
        .labelNames("grpc_service", "grpc_method", "grpc_type", "grpc_code").withoutExemplars().register(registry);
    handling = Histogram.builder().name("grpc_server_handling_seconds")
        .help("Time from an RPC's start to its completion on the server.").unit(Unit.SECONDS)
        .labelNames("grpc_service", "grpc_method", "grpc_type").classicOnly().classicUpperBounds(Buckets.IO)
        .withoutExemplars().register(registry);
    unknown = new Method("unknown", "unknown", "unknown");
  }

  /** Gives the methods of {@code services} their own series (call before the server starts). */
  public void serve(List<ServerServiceDefinition> services) {
    Map<String, Method> known = new HashMap<>();
    for (ServerServiceDefinition service : services) {
      for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
        MethodDescriptor<?, ?> descriptor = method.getMethodDescriptor();
        known.put(descriptor.getFullMethodName(), new Method(service.getServiceDescriptor().getName(),
            descriptor.getBareMethodName(), descriptor.getType().name().toLowerCase(Locale.ROOT)));
      }
    }
    methods = Map.copyOf(known);
  }

  @Override
  public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
    Method method = methods.getOrDefault(fullMethodName, unknown);
    method.started.inc();
    return new Call(method, System.nanoTime());
  }

  /** One method's series; a code's {@code handled} series is resolved on its first use. */
  private final class Method {
    final String[] labels;
    final CounterDataPoint started;
    final DistributionDataPoint latency;
    final CounterDataPoint[] handledByCode = new CounterDataPoint[CODES.length];

    Method(String service, String method, String type) {
      labels = new String[] {service, method, type};
      started = GrpcServerMetrics.this.started.labelValues(labels);
      latency = handling.labelValues(labels);
    }

    CounterDataPoint handled(Status.Code code) {
      CounterDataPoint point = handledByCode[code.ordinal()];
      if (point == null) {
        point = handled.labelValues(labels[0], labels[1], labels[2], code.name());
        handledByCode[code.ordinal()] = point;
      }
      return point;
    }
  }

  private static final AtomicIntegerFieldUpdater<Call> CLOSED = AtomicIntegerFieldUpdater.newUpdater(Call.class,
      "closed");

  /** One call, observed once when its stream closes. */
  private static final class Call extends ServerStreamTracer {
    private final Method method;
    private final long start;
    private volatile int closed;

    Call(Method method, long start) {
      this.method = method;
      this.start = start;
    }

    @Override
    public void streamClosed(Status status) {
      if (CLOSED.compareAndSet(this, 0, 1)) {
        method.latency.observe((System.nanoTime() - start) / NANOS_PER_SECOND);
        method.handled(status.getCode()).inc();
      }
    }
  }
}
