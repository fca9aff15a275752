package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.authz.CredentialRecord;
import io.keygate.decision.Decision;
import io.keygate.authz.Reason;
import io.keygate.decision.Authorizer;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Authenticates management calls with the same API keys and the same steps as decisions
 * ({@link Authorizer#authenticate}: shape, failed-authentication guard, lookup through the cache and
 * its negative cache, the engine's transport, revocation and expiry checks), so a cached admin key
 * costs no database round trip. Refusals become statuses: UNAUTHENTICATED (counted by the guard),
 * RESOURCE_EXHAUSTED for a client over the guard, PERMISSION_DENIED for a scope-bound key whose
 * scope's API access is off, UNAVAILABLE when the store or the limiter cannot answer.
 *
 * <p>The tenant's own API-access switch is applied per call by the transport, which knows the
 * method: while it is off, only what switches it on again is allowed.
 */
public final class Authenticator {
  private final Authorizer authorizer;

  public Authenticator(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  /** The caller behind the credential in {@code headers}, calling from {@code remoteAddress}. Blocks. */
  public Caller authenticate(Map<String, String> headers, String remoteAddress) {
    Decision decision;
    try {
      decision = authorizer.authenticate(headers, remoteAddress).toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    CredentialRecord key = decision.identity();
    return switch (decision.reason()) {
      case OK -> new Caller(key.tenantId(), key.policy(), key.principalId(), key.principalKind(),
          key.parentPrincipalId(), key.principalScopeId(), key.apiKeyId(), key.tokenId(), key.scopeId(),
          key.permissions(), key.readOnly(), remoteAddress);
      case IP_RATE_LIMITED -> throw new KeygateException(KeygateException.Kind.RESOURCE_EXHAUSTED, "too many failed"
          + " authentications from this address; retry in " + Math.max(1, decision.rateLimit().resetSeconds()) + " s")
              .because("AUTH_FAILURE_LIMITED")
              .with("retry_after_seconds", Math.max(1, decision.rateLimit().resetSeconds()));
      case RATE_LIMITER_UNAVAILABLE -> throw new KeygateException(KeygateException.Kind.UNAVAILABLE,
          Reason.RATE_LIMITER_UNAVAILABLE.message()).because("RATE_LIMITER_UNAVAILABLE");
      case SCOPE_API_DISABLED -> throw KeygateException.denied(Reason.SCOPE_API_DISABLED.message() + ": this key is"
          + " bound to a scope whose API access (or that of a scope above it) is off").because("SCOPE_API_DISABLED");
      default -> throw KeygateException.unauthenticated(decision.reason().message() + hint(decision.reason()))
          .because(decision.reason().name());
    };
  }

  private static String hint(Reason reason) {
    return switch (reason) {
      case CREDENTIAL_MISSING, MULTIPLE_CREDENTIALS -> " (send the API key in the x-api-key or authorization: Bearer"
          + " metadata)";
      case TRANSPORT_NOT_ACCEPTED -> ": send the key the way its tenant accepts (x-api-key or authorization: Bearer)";
      default -> "";
    };
  }
}
