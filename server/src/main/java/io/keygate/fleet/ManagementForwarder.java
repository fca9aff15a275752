package io.keygate.fleet;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import io.keygate.transport.grpc.FleetToken;
import io.keygate.ratelimit.ClientAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

/**
 * Management RPCs sent to a sidecar in edge mode, passed on to the central tier as they came: the
 * caller's credential and trace headers, and the address the call came from (which the central tier
 * trusts only beside the fleet token, for its audit log and its failed-authentication guard). The
 * central tier authenticates and authorises as it does for any call; its answer, or its error with
 * every detail, comes back unchanged. So clients keep talking to {@code localhost}.
 */
public final class ManagementForwarder {
  /** What is passed on of the caller's metadata. */
  private static final List<Metadata.Key<String>> PASSED = List.of(
      Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER),
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
      Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER),
      Metadata.Key.of("tracestate", Metadata.ASCII_STRING_MARSHALLER));
  private static final Context.Key<Metadata> OUTGOING = Context.key("keygate-forwarded-metadata");

  private final Channel central;

  ManagementForwarder(Channel central) {
    this.central = central;
  }

  /** A service that answers every method of {@code service} (all unary) by asking the central tier. */
  public ServerServiceDefinition forward(ServiceDescriptor service) {
    ServerServiceDefinition.Builder out = ServerServiceDefinition.builder(service);
    for (MethodDescriptor<?, ?> method : service.getMethods()) {
      out.addMethod(forward(method));
    }
    return io.grpc.ServerInterceptors.intercept(out.build(), new Capture());
  }

  private <Q, R> ServerMethodDefinition<Q, R> forward(MethodDescriptor<Q, R> method) {
    if (method.getType() != MethodDescriptor.MethodType.UNARY) {
      throw new IllegalArgumentException(method.getFullMethodName() + " is not unary: it cannot be forwarded");
    }
    return ServerMethodDefinition.create(method, ServerCalls.asyncUnaryCall((request, observer) -> {
      Channel withHeaders = ClientInterceptors.intercept(central,
          MetadataUtils.newAttachHeadersInterceptor(OUTGOING.get()));
      // Inside the call's context: its deadline and cancellation carry over to the central call.
      // Fails fast (UNAVAILABLE, retryable) when no replica is reachable, rather than waiting out the
      // caller's deadline; a management call is never retried by Keygate, it may have been applied.
      ClientCalls.asyncUnaryCall(withHeaders.newCall(method, CallOptions.DEFAULT), request, observer);
    }));
  }

  /** Picks what is passed on from the incoming call, into the call's context. */
  private static final class Capture implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      Metadata outgoing = new Metadata();
      for (Metadata.Key<String> key : PASSED) {
        Iterable<String> values = headers.getAll(key);
        if (values != null) {
          values.forEach(v -> outgoing.put(key, v));
        }
      }
      String ip = clientIp(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
      if (ip != null) {
        outgoing.put(FleetToken.CLIENT_IP, ip);
      }
      return Contexts.interceptCall(Context.current().withValue(OUTGOING, outgoing), call, headers, next);
    }
  }

  private static String clientIp(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return ClientAddress.canonical(inet.getAddress().getHostAddress());
    }
    return null;
  }
}
