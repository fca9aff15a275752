package io.keygate.transport.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.keygate.telemetry.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The caller's trace context (W3C {@code traceparent} in the gRPC metadata) made current while a
 * call's handler runs — at its start and in every callback, whichever thread runs them — so spans
 * started there are its children. Each call but those named in {@code decisions} runs in a SERVER
 * span of its own, named after the method and ended with its status code; the decision RPCs make
 * their span themselves ({@link io.keygate.telemetry.ObservedDecisions}), with the outcome. Installed
 * only while tracing is on. No metadata value other than the trace context is read, so no
 * credential can reach a span.
 */
@SuppressWarnings("try") // a Scope is held, not used
public final class TracingInterceptor implements ServerInterceptor {
  private static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
  private static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
  private static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
  private static final AttributeKey<Long> GRPC_STATUS = AttributeKey.longKey("rpc.grpc.status_code");
  private static final TextMapGetter<Metadata> METADATA = new TextMapGetter<>() {
    @Override
    public String get(Metadata carrier, String key) {
      return carrier == null || key.endsWith(Metadata.BINARY_HEADER_SUFFIX) ? null
          : carrier.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
    }
  };

  private final Tracing tracing;
  private final Set<String> decisions;

  /** @param decisions full names of the methods that make their own span */
  public TracingInterceptor(Tracing tracing, Set<String> decisions) {
    this.tracing = tracing;
    this.decisions = Set.copyOf(decisions);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    Context parent = tracing.extract(headers, METADATA);
    MethodDescriptor<Q, R> method = call.getMethodDescriptor();
    if (decisions.contains(method.getFullMethodName())) {
      return new InContext<>(start(parent, call, headers, next), parent, null);
    }
    Span span = tracing.tracer().spanBuilder(method.getFullMethodName()).setSpanKind(SpanKind.SERVER)
        .setParent(parent).setAttribute(RPC_SYSTEM, "grpc").setAttribute(RPC_SERVICE, method.getServiceName())
        .setAttribute(RPC_METHOD, method.getBareMethodName()).startSpan();
    Context context = parent.with(span);
    AtomicBoolean ended = new AtomicBoolean();
    ServerCall<Q, R> ending = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        end(span, ended, status);
        super.close(status, trailers);
      }
    };
    return new InContext<>(start(context, ending, headers, next), context, () -> end(span, ended, Status.CANCELLED));
  }

  private static <Q, R> ServerCall.Listener<Q> start(Context context, ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    try (Scope ignored = context.makeCurrent()) {
      return next.startCall(call, headers);
    }
  }

  private static void end(Span span, AtomicBoolean ended, Status status) {
    if (ended.compareAndSet(false, true)) {
      span.setAttribute(GRPC_STATUS, (long) status.getCode().value());
      if (!status.isOk()) {
        span.setStatus(StatusCode.ERROR, status.getCode().name());
      }
      span.end();
    }
  }

  /** Runs every callback in {@code context}; {@code cancelled} (if any) when the call is cancelled. */
  private static final class InContext<Q> extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
    private final Context context;
    private final Runnable cancelled;

    InContext(ServerCall.Listener<Q> delegate, Context context, Runnable cancelled) {
      super(delegate);
      this.context = context;
      this.cancelled = cancelled;
    }

    @Override
    public void onMessage(Q message) {
      try (Scope ignored = context.makeCurrent()) {
        super.onMessage(message);
      }
    }

    @Override
    public void onHalfClose() {
      try (Scope ignored = context.makeCurrent()) {
        super.onHalfClose();
      }
    }

    @Override
    public void onCancel() {
      try (Scope ignored = context.makeCurrent()) {
        super.onCancel();
      } finally {
        if (cancelled != null) {
          cancelled.run();
        }
      }
    }

    @Override
    public void onComplete() {
      try (Scope ignored = context.makeCurrent()) {
        super.onComplete();
      }
    }

    @Override
    public void onReady() {
      try (Scope ignored = context.makeCurrent()) {
        super.onReady();
      }
    }
  }
}
