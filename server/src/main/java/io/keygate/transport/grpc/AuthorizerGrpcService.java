package io.keygate.transport.grpc;

import io.grpc.stub.StreamObserver;
import io.keygate.authz.AccessRequest.Transport;
import io.keygate.authz.CredentialRecord;
import io.keygate.decision.Decision;
import io.keygate.decision.AuthorizeInput;
import io.keygate.telemetry.ObservedDecisions;
import io.keygate.decision.ResponseHeaders;
import io.keygate.ratelimit.LimitStatus;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.CredentialTransport;
import io.keygate.v1.Identity;
import io.keygate.v1.RateLimitScope;
import io.keygate.v1.RateLimitStatus;
import io.keygate.v1.Reason;
import io.keygate.v1.TokenAccess;
import java.util.Map;

/** {@code keygate.v1.AuthorizerService}: maps the request in, the {@link Decision} out. */
public final class AuthorizerGrpcService extends AuthorizerServiceGrpc.AuthorizerServiceImplBase {
  private static final Reason[] REASONS = new Reason[io.keygate.authz.Reason.values().length];

  static {
    for (io.keygate.authz.Reason reason : io.keygate.authz.Reason.values()) {
      REASONS[reason.ordinal()] = Reason.valueOf("REASON_" + reason.name());
    }
  }

  private static final Map<String, String> NO_HEADERS = Map.of();

  private final ObservedDecisions decisions;
  private final PerRecord<Identity> identities;

  /**
   * Runs on the transport thread: the authorizer moves what may block elsewhere itself. Identities
   * are built once per key record, for up to {@code cachedRecords} records. The caller's trace
   * context is the current one ({@link TracingInterceptor}).
   */
  public AuthorizerGrpcService(ObservedDecisions decisions, int cachedRecords) {
    this.decisions = decisions;
    this.identities = new PerRecord<>(cachedRecords, AuthorizerGrpcService::identity);
  }

  @Override
  public void authorize(AuthorizeRequest request, StreamObserver<AuthorizeResponse> observer) {
    AuthorizeInput in = new AuthorizeInput(
        request.getCredential(), transport(request.getCredentialTransport()),
        request.getHeadersCount() == 0 ? NO_HEADERS : request.getHeadersMap(),
        request.getClientIp(), request.getResource(), request.getAction(), request.getMethod(), request.getPath(),
        request.getScopeId());
    Rpc.decide(observer, () -> decisions.decide(ObservedDecisions.Rpc.AUTHORIZE, in, null).thenApply(this::toResponse));
  }

  AuthorizeResponse toResponse(Decision decision) {
    AuthorizeResponse.Builder out = AuthorizeResponse.newBuilder()
        .setDecision(decision.allowed() ? io.keygate.v1.Decision.DECISION_ALLOW : io.keygate.v1.Decision.DECISION_DENY)
        .setHttpStatus(decision.httpStatus())
        .setReason(REASONS[decision.reason().ordinal()])
        .setMessage(decision.reason().message());
    CredentialRecord key = decision.identity();
    if (key != null) {
      out.setIdentity(identities.of(key));
    }
    LimitStatus limit = decision.rateLimit();
    if (limit != null) {
      out.setRateLimit(RateLimitStatus.newBuilder()
          .setScope(limit.scope() == LimitStatus.Scope.IP ? RateLimitScope.RATE_LIMIT_SCOPE_IP
              : RateLimitScope.RATE_LIMIT_SCOPE_KEY)
          .setLimit(limit.limit())
          .setRemaining(limit.remaining())
          .setResetSeconds(limit.resetSeconds())
          .setRetryAfterSeconds(limit.denies() ? limit.resetSeconds() : 0)
          .setWindowSeconds(limit.windowSeconds())
          .setInformational(limit.informational()));
    }
    ResponseHeaders.forEach(decision, out::putResponseHeaders);
    return out.build();
  }

  static Identity identity(CredentialRecord key) {
    Identity.Builder identity = Identity.newBuilder()
        .setTenantId(key.tenantId())
        .setApiKeyId(key.apiKeyId())
        .setTokenId(key.tokenId())
        .setPrincipalId(key.principalId())
        .setPrincipalKind(key.principalKind())
        .addAllPermissions(key.permissions())
        .setTokenAccess(key.readOnly() ? TokenAccess.TOKEN_ACCESS_READ_ONLY : TokenAccess.TOKEN_ACCESS_READ_WRITE);
    if (key.parentPrincipalId() != null) {
      identity.setParentPrincipalId(key.parentPrincipalId());
    }
    if (key.roleId() != null) {
      identity.setRoleId(key.roleId()).setRoleName(key.roleName());
    }
    if (key.scopeId() != null) {
      identity.setScopeId(key.scopeId());
    }
    return identity.build();
  }

  private static Transport transport(CredentialTransport transport) {
    return switch (transport) {
      case CREDENTIAL_TRANSPORT_API_KEY_HEADER -> Transport.API_KEY_HEADER;
      case CREDENTIAL_TRANSPORT_BEARER -> Transport.BEARER;
      default -> Transport.UNKNOWN;
    };
  }
}
