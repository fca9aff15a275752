package io.keygate.transport.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The deployment's fleet credential ({@code KEYGATE_FLEET_TOKEN}): what the central tier and its
 * sidecars share to recognise each other. Sent in {@code x-keygate-fleet-token}; compared in
 * constant time, by digest, so the token itself is never kept in a comparable form.
 */
public final class FleetToken {
  /** The metadata that carries it. */
  public static final Metadata.Key<String> HEADER = Metadata.Key.of("x-keygate-fleet-token",
      Metadata.ASCII_STRING_MARSHALLER);
  /** The address a forwarded management call came from, trusted only beside a valid token. */
  public static final Metadata.Key<String> CLIENT_IP = Metadata.Key.of("x-keygate-client-ip",
      Metadata.ASCII_STRING_MARSHALLER);

  private final String token;
  private final byte[] digest;

  public FleetToken(String token) {
    this.token = token;
    this.digest = sha256(token);
  }

  /** True when {@code headers} carry this token. */
  public boolean presentIn(Metadata headers) {
    String sent = headers.get(HEADER);
    return sent != null && MessageDigest.isEqual(sha256(sent), digest);
  }

  /** Refuses every call that does not carry the token (UNAUTHENTICATED); for the fleet service. */
  public ServerInterceptor required() {
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        if (!presentIn(headers)) {
          call.close(Status.UNAUTHENTICATED.withDescription("the fleet API needs the deployment's fleet token"),
              new Metadata());
          return new ServerCall.Listener<>() {};
        }
        return next.startCall(call, headers);
      }
    };
  }

  /** Adds the token to every call; for a sidecar's channel to the central tier. */
  public ClientInterceptor attach() {
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            headers.put(HEADER, token);
            super.start(listener, headers);
          }
        };
      }
    };
  }

  @Override
  public String toString() {
    return "FleetToken[redacted]";
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
