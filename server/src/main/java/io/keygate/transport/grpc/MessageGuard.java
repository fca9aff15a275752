package io.keygate.transport.grpc;

import io.grpc.Attributes;
import io.grpc.Metadata;
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
 * is wrapped so that parsing cannot throw: a failed parse reaches the handler as a failure, which
 * closes the call and is logged through a {@link ThrottledLog}: the first in full, then once a minute
 * at most, with a count.
 */
public final class MessageGuard {
  private static final ThrottledLog REFUSALS = new ThrottledLog(LoggerFactory.getLogger(MessageGuard.class),
      Level.WARN, Duration.ofMinutes(1));

  private final AtomicLong refused = new AtomicLong();

  /** A request as parsed: the message, or why it could not be parsed. */
  private record Parsed<T>(T message, RuntimeException failure) {}

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

  private <Q, R> ServerMethodDefinition<Parsed<Q>, R> wrap(ServerMethodDefinition<Q, R> method) {
    MethodDescriptor<Q, R> original = method.getMethodDescriptor();
    MethodDescriptor.Marshaller<Q> parser = original.getRequestMarshaller();
    MethodDescriptor.Marshaller<Parsed<Q>> guarded = new MethodDescriptor.Marshaller<>() {
      @Override
      public InputStream stream(Parsed<Q> value) {
        return parser.stream(value.message());
      }

      @Override
      public Parsed<Q> parse(InputStream stream) {
        try {
          return new Parsed<>(parser.parse(stream), null);
        } catch (RuntimeException e) {
          return new Parsed<>(null, e);
        }
      }
    };
    MethodDescriptor<Parsed<Q>, R> descriptor = original.toBuilder(guarded, original.getResponseMarshaller()).build();
    return ServerMethodDefinition.create(descriptor, new Handler<>(method.getServerCallHandler(), original));
  }

  /** Starts the service's own handler on the unwrapped call; a request that did not parse closes the call. */
  private final class Handler<Q, R> implements ServerCallHandler<Parsed<Q>, R> {
    private final ServerCallHandler<Q, R> handler;
    private final MethodDescriptor<Q, R> method;

    Handler(ServerCallHandler<Q, R> handler, MethodDescriptor<Q, R> method) {
      this.handler = handler;
      this.method = method;
    }

    @Override
    public ServerCall.Listener<Parsed<Q>> startCall(ServerCall<Parsed<Q>, R> call, Metadata headers) {
      ServerCall.Listener<Q> next = handler.startCall(new Unwrapped<>(call, method), headers);
      return new ServerCall.Listener<>() {
        private boolean closed;

        @Override
        public void onMessage(Parsed<Q> message) {
          if (closed) {
            return;
          }
          if (message.failure() != null) {
            closed = true;
            refuse(method.getFullMethodName(), message.failure());
            call.close(Status.INVALID_ARGUMENT.withDescription("the request is not a valid "
                + method.getFullMethodName() + " message"), new Metadata());
            return;
          }
          next.onMessage(message.message());
        }

        @Override
        public void onHalfClose() {
          if (!closed) {
            next.onHalfClose();
          }
        }

        @Override
        public void onCancel() {
          next.onCancel();
        }

        @Override
        public void onComplete() {
          next.onComplete();
        }

        @Override
        public void onReady() {
          if (!closed) {
            next.onReady();
          }
        }
      };
    }
  }

  private void refuse(String method, RuntimeException failure) {
    refused.incrementAndGet();
    REFUSALS.log("invalid protobuf", "refused a request that was not valid protobuf (" + method + ")", failure);
  }

  /** The call as the service's own handler sees it: typed by the original method descriptor. */
  private static final class Unwrapped<Q, R> extends ServerCall<Q, R> {
    private final ServerCall<Parsed<Q>, R> call;
    private final MethodDescriptor<Q, R> method;

    Unwrapped(ServerCall<Parsed<Q>, R> call, MethodDescriptor<Q, R> method) {
      this.call = call;
      this.method = method;
    }

    @Override
    public void request(int numMessages) {
      call.request(numMessages);
    }

    @Override
    public void sendHeaders(Metadata headers) {
      call.sendHeaders(headers);
    }

    @Override
    public void sendMessage(R message) {
      call.sendMessage(message);
    }

    @Override
    public boolean isReady() {
      return call.isReady();
    }

    @Override
    public void close(Status status, Metadata trailers) {
      call.close(status, trailers);
    }

    @Override
    public boolean isCancelled() {
      return call.isCancelled();
    }

    @Override
    public void setMessageCompression(boolean enabled) {
      call.setMessageCompression(enabled);
    }

    @Override
    public void setCompression(String compressor) {
      call.setCompression(compressor);
    }

    @Override
    public void setOnReadyThreshold(int numBytes) {
      call.setOnReadyThreshold(numBytes);
    }

    @Override
    public Attributes getAttributes() {
      return call.getAttributes();
    }

    @Override
    public String getAuthority() {
      return call.getAuthority();
    }

    @Override
    public MethodDescriptor<Q, R> getMethodDescriptor() {
      return method;
    }

    @Override
    public io.grpc.SecurityLevel getSecurityLevel() {
      return call.getSecurityLevel();
    }
  }
}
