package io.keygate.client;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.CredentialTransport;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Protects a grpc-java service with Keygate. For each call it takes the credential from
 * {@code x-api-key} or {@code authorization: Bearer}, the client IP from the transport, and the
 * permission from a function of the method, asks Keygate, and either runs the call with the caller
 * in {@link #IDENTITY} or closes it:
 *
 * <table>
 *   <caption>Denials</caption>
 *   <tr><th>Keygate says</th><th>call closed with</th></tr>
 *   <tr><td>401</td><td>UNAUTHENTICATED</td></tr>
 *   <tr><td>403, or no permission mapped for the method</td><td>PERMISSION_DENIED</td></tr>
 *   <tr><td>429</td><td>RESOURCE_EXHAUSTED, {@code retry-after} in the trailers</td></tr>
 *   <tr><td>503, or Keygate could not be asked</td><td>UNAVAILABLE (fail closed)</td></tr>
 * </table>
 *
 * <p>The status description is {@code REASON: message}; the trailers carry {@code keygate-reason}
 * and Keygate's response headers ({@code x-ratelimit-*}, {@code retry-after}). The Authorize call
 * blocks the thread that starts the call for at most the client's deadline (250 ms by default).
 */
public final class KeygateServerInterceptor implements ServerInterceptor {
  /** The caller of an allowed call, for handlers: {@code KeygateServerInterceptor.IDENTITY.get()}. */
  public static final Context.Key<CallerIdentity> IDENTITY = Context.key("keygate-identity");
  /** Trailer naming the reason of a denial ({@code PERMISSION_DENIED}, {@code CREDENTIAL_UNKNOWN}…). */
  public static final Metadata.Key<String> REASON = Metadata.Key.of("keygate-reason", Metadata.ASCII_STRING_MARSHALLER);

  private static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "bearer ";

  /** The permission a method needs: {@code resource:action}. */
  public record Permission(String resource, String action) {
    public Permission {
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(action, "action");
    }
  }

  private final KeygateClient keygate;
  private final Function<MethodDescriptor<?, ?>, Optional<Permission>> permissions;

  /**
   * @param keygate the client to ask (not closed by the interceptor)
   * @param permissions the permission each method needs; empty: the method is refused (PERMISSION_DENIED)
   */
  public KeygateServerInterceptor(KeygateClient keygate,
      Function<MethodDescriptor<?, ?>, Optional<Permission>> permissions) {
    this.keygate = Objects.requireNonNull(keygate, "keygate");
    this.permissions = Objects.requireNonNull(permissions, "permissions");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    Optional<Permission> permission = permissions.apply(call.getMethodDescriptor());
    if (permission.isEmpty()) {
      return refuse(call, Status.PERMISSION_DENIED.withDescription("NO_ROUTE: no permission is mapped for this method"),
          new Metadata());
    }
    Decision decision;
    try {
      decision = keygate.authorize(request(call, headers, permission.get()));
    } catch (KeygateException e) {
      return refuse(call, Status.UNAVAILABLE.withDescription("authorization service unavailable").withCause(e),
          new Metadata());
    }
    if (!decision.allowed() || decision.identity().isEmpty()) {
      return refuse(call, statusFor(decision), trailersFor(decision));
    }
    Context context = Context.current().withValue(IDENTITY, decision.identity().get());
    return Contexts.interceptCall(context, call, headers, next);
  }

  /** The gRPC status for a denial: 401 → UNAUTHENTICATED, 429 → RESOURCE_EXHAUSTED, 503 → UNAVAILABLE, else 403. */
  static Status statusFor(Decision decision) {
    Status status = switch (decision.httpStatus()) {
      case 401 -> Status.UNAUTHENTICATED;
      case 429 -> Status.RESOURCE_EXHAUSTED;
      case 503 -> Status.UNAVAILABLE;
      default -> Status.PERMISSION_DENIED;
    };
    return status.withDescription(decision.reason() + ": " + decision.message());
  }

  static Metadata trailersFor(Decision decision) {
    Metadata trailers = new Metadata();
    trailers.put(REASON, decision.reason());
    for (Map.Entry<String, String> header : decision.responseHeaders().entrySet()) {
      trailers.put(Metadata.Key.of(header.getKey(), Metadata.ASCII_STRING_MARSHALLER), header.getValue());
    }
    return trailers;
  }

  private static AuthorizeRequest request(ServerCall<?, ?> call, Metadata headers, Permission permission) {
    AuthorizeRequest.Builder request = AuthorizeRequest.newBuilder()
        .setResource(permission.resource())
        .setAction(permission.action())
        .setClientIp(clientIp(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)));
    String apiKey = headers.get(API_KEY);
    String authorization = headers.get(AUTHORIZATION);
    boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    if (apiKey != null && bearer) {
      // Both: let Keygate judge the raw headers (it answers MULTIPLE_CREDENTIALS).
      request.putHeaders("x-api-key", apiKey).putHeaders("authorization", authorization);
    } else if (apiKey != null) {
      request.setCredential(apiKey.strip())
          .setCredentialTransport(CredentialTransport.CREDENTIAL_TRANSPORT_API_KEY_HEADER);
    } else if (bearer) {
      request.setCredential(authorization.substring(BEARER.length()).strip())
          .setCredentialTransport(CredentialTransport.CREDENTIAL_TRANSPORT_BEARER);
    }
    return request.build();
  }

  static String clientIp(SocketAddress remote) {
    if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return "";
  }

  private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Status status, Metadata trailers) {
    call.close(status, trailers);
    return new ServerCall.Listener<>() {};
  }
}
