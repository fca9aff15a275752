package io.keygate.transport.grpc;

import com.google.protobuf.Message;
import io.grpc.ForwardingServerCallListener;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.keygate.telemetry.ThrottledLog;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Requests that are not valid protobuf (bad UTF-8 in a string, broken nesting, truncation) answered
 * with INVALID_ARGUMENT instead of grpc-java's UNKNOWN "Application error processing RPC", whose
 * stack trace grpc-java also logs at SEVERE for every such request. Each method's request marshaller
 * is wrapped so that parsing cannot throw: a failed parse is logged through a {@link ThrottledLog}
 * (the first in full, then once a minute at most, with a count) and yields the method's
 * <em>invalid</em> message — an instance of the request type no parse ever returns — which closes
 * the call before the service sees it. Valid requests pass through untouched: the same call, the
 * same message, one listener in between.
 */
public final class MessageGuard {
  private static final ThrottledLog REFUSALS = new ThrottledLog(LoggerFactory.getLogger(MessageGuard.class),
      Level.WARN, Duration.ofMinutes(1));

  private final AtomicLong refused = new AtomicLong();

  /** {@code service} with every method's requests parsed under this guard. */
  public ServerServiceDefinition guard(ServerServiceDefinition service) {
    ServiceDescriptor original = service.getServiceDescriptor();
    ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
        .setSchemaDescriptor(original.getSchemaDescriptor());
    List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      ServerMethodDefinition<?, ?> wrapped = wrap(method);
      methods.add(wrapped);
      descriptor.addMethod(wrapped.getMethodDescriptor());
    }
    ServerServiceDefinition.Builder guarded = ServerServiceDefinition.builder(descriptor.build());
    methods.forEach(guarded::addMethod);
    return guarded.build();
  }

  /** Requests refused as unparsable since start. */
  public long refused() {
    return refused.get();
  }

  private <Q, R> ServerMethodDefinition<Q, R> wrap(ServerMethodDefinition<Q, R> method) {
    MethodDescriptor<Q, R> original = method.getMethodDescriptor();
    MethodDescriptor.Marshaller<Q> parser = original.getRequestMarshaller();
    Q invalid = invalid(parser);
    String name = original.getFullMethodName();
    MethodDescriptor.Marshaller<Q> guarded = new MethodDescriptor.PrototypeMarshaller<>() {
      @Override
      public InputStream stream(Q value) {
        return parser.stream(value);
      }

      @Override
      public Q parse(InputStream stream) {
        try {
          return parser.parse(stream);
        } catch (RuntimeException e) {
          refused.incrementAndGet();
          REFUSALS.log("invalid protobuf", "refused a request that was not valid protobuf (" + name + ")", e);
          return invalid;
        }
      }

      @Override
      public Q getMessagePrototype() {
        return parser instanceof MethodDescriptor.PrototypeMarshaller<Q> prototype ? prototype.getMessagePrototype()
            : null;
      }

      @Override
      public Class<Q> getMessageClass() {
        return parser instanceof MethodDescriptor.PrototypeMarshaller<Q> prototype ? prototype.getMessageClass()
            : null;
      }
    };
    MethodDescriptor<Q, R> descriptor = original.toBuilder(guarded, original.getResponseMarshaller()).build();
    ServerCallHandler<Q, R> handler = method.getServerCallHandler();
    return ServerMethodDefinition.create(descriptor, (call, headers) -> new Refusing<>(handler.startCall(call,
        headers), call, invalid, name));
  }

  /**
   * A request instance no parse returns: a fresh copy of the message type's prototype (a parse of
   * an empty body returns the shared default instance, never this one).
   */
  @SuppressWarnings("unchecked")
  private static <Q> Q invalid(MethodDescriptor.Marshaller<Q> parser) {
    if (parser instanceof MethodDescriptor.PrototypeMarshaller<Q> prototype
        && prototype.getMessagePrototype() instanceof Message message) {
      return (Q) message.toBuilder().build();
    }
    throw new IllegalArgumentException("MessageGuard guards protobuf services only");
  }

  /** Closes the call with INVALID_ARGUMENT when its request is the invalid message; otherwise passes through. */
  private static final class Refusing<Q, R> extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
    private final ServerCall<Q, R> call;
    private final Q invalid;
    private final String method;
    private boolean closed;

    Refusing(ServerCall.Listener<Q> next, ServerCall<Q, R> call, Q invalid, String method) {
      super(next);
      this.call = call;
      this.invalid = invalid;
      this.method = method;
    }

    @Override
    public void onMessage(Q message) {
      if (closed) {
        return;
      }
      if (message == invalid) {
        closed = true;
        Statuses.close(call, Statuses.status(Status.Code.INVALID_ARGUMENT, "INVALID_MESSAGE",
            "the request is not a valid " + method + " message"));
        return;
      }
      super.onMessage(message);
    }

    @Override
    public void onHalfClose() {
      if (!closed) {
        super.onHalfClose();
      }
    }

    @Override
    public void onReady() {
      if (!closed) {
        super.onReady();
      }
    }
  }
}
