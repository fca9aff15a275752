package io.keygate.transport.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.keygate.KeygateException;
import io.keygate.manage.Authenticator;
import io.keygate.manage.Caller;
import io.keygate.ratelimit.ClientAddress;
import io.keygate.v1.TenantServiceGrpc;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Authenticates every management call from its {@code x-api-key} or {@code authorization} metadata
 * and makes the {@link Caller} available to the handler. Fails with UNAUTHENTICATED, or UNAVAILABLE
 * when the database cannot be reached. While the caller's tenant has API access off, every call is
 * PERMISSION_DENIED except those a tenant admin needs to switch it on again: GetTenant, and an
 * UpdateTenant that turns it on ({@link io.keygate.manage.TenantManager} checks the rest).
 */
public final class CallerInterceptor implements ServerInterceptor {
  static final Context.Key<Caller> CALLER = Context.key("keygate-caller");
  private static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  /** What a caller whose tenant has API access off may still call. */
  private static final Set<String> WHILE_API_ACCESS_OFF = Set.of(
      TenantServiceGrpc.getGetTenantMethod().getFullMethodName(),
      TenantServiceGrpc.getUpdateTenantMethod().getFullMethodName());

  private static final AttributeKey<String> SPAN_TENANT = AttributeKey.stringKey("keygate.tenant_id");
  private static final AttributeKey<String> SPAN_API_KEY = AttributeKey.stringKey("keygate.api_key_id");

  private final Authenticator authenticator;
  private final FleetToken fleet;

  /**
   * {@code fleet}: the deployment's fleet token, beside which a forwarded call's
   * {@code x-keygate-client-ip} is the caller's address (an edge sidecar passing a call on); null
   * when this Keygate takes no forwarded calls.
   */
  public CallerInterceptor(Authenticator authenticator, FleetToken fleet) {
    this.authenticator = authenticator;
    this.fleet = fleet;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata metadata,
      ServerCallHandler<Q, R> next) {
    Map<String, String> headers = new HashMap<>();
    if (count(metadata, API_KEY) + count(metadata, AUTHORIZATION) > 1) {
      Statuses.close(call, Statuses.status(Status.Code.UNAUTHENTICATED, "MULTIPLE_CREDENTIALS",
          "more than one credential was sent"));
      return new ServerCall.Listener<>() {};
    }
    putIfPresent(headers, "x-api-key", metadata.get(API_KEY));
    putIfPresent(headers, "authorization", metadata.get(AUTHORIZATION));
    Caller caller;
    try {
      caller = authenticator.authenticate(headers, clientIp(call, metadata));
    } catch (KeygateException e) {
      Statuses.close(call, Statuses.toStatus(e));
      return new ServerCall.Listener<>() {};
    }
    Span.current().setAttribute(SPAN_TENANT, caller.tenantId()).setAttribute(SPAN_API_KEY, caller.apiKeyId());
    if (!caller.policy().apiAccessEnabled() && !WHILE_API_ACCESS_OFF.contains(call.getMethodDescriptor()
        .getFullMethodName())) {
      Statuses.close(call, Statuses.status(Status.Code.PERMISSION_DENIED, "API_ACCESS_DISABLED", "API access is"
          + " disabled for this tenant: only GetTenant and an UpdateTenant that sets settings.api_access_enabled=true"
          + " are allowed"));
      return new ServerCall.Listener<>() {};
    }
    return Contexts.interceptCall(Context.current().withValue(CALLER, caller), call, metadata, next);
  }

  /** Where the call came from: the peer, or, passed on by an edge sidecar with the fleet token, its caller. */
  private String clientIp(ServerCall<?, ?> call, Metadata metadata) {
    if (fleet != null && metadata.containsKey(FleetToken.CLIENT_IP) && fleet.presentIn(metadata)) {
      String forwarded = ClientAddress.canonical(metadata.get(FleetToken.CLIENT_IP));
      return forwarded == null ? "" : forwarded;
    }
    return clientIp(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
  }

  /** The caller's address in canonical form ({@link ClientAddress}); empty when it is not an IP. */
  static String clientIp(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      String canonical = ClientAddress.canonical(inet.getAddress().getHostAddress());
      return canonical == null ? "" : canonical;
    }
    return "";
  }

  private static int count(Metadata metadata, Metadata.Key<String> key) {
    Iterable<String> values = metadata.getAll(key);
    int n = 0;
    if (values != null) {
      for (String ignored : values) {
        n++;
      }
    }
    return n;
  }

  private static void putIfPresent(Map<String, String> headers, String name, String value) {
    if (value != null) {
      headers.put(name, value);
    }
  }
}
