package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.authz.CredentialRecord;
import io.keygate.authz.DecisionEngine;
import io.keygate.authz.Reason;
import io.keygate.authz.ScopePath;
import io.keygate.decision.CredentialExtractor;
import io.keygate.keys.SecretFormat;
import io.keygate.ratelimit.ClientAddress;
import io.keygate.ratelimit.RateLimiter;
import io.keygate.store.CredentialStore;
import java.time.Clock;
import java.util.Map;

/**
 * Authenticates management calls with the same API keys, the same store (and so the same cache and
 * negative cache) and the same checks as decisions:
 *
 * <ol>
 *   <li>an address over the failed-authentication guard is refused before anything is looked up
 *       (RESOURCE_EXHAUSTED);
 *   <li>the credential's shape, its lookup, and the engine's 401 checks (transport, revoked,
 *       expired); each refusal counts against the address's guard (UNAUTHENTICATED);
 *   <li>a key bound to a scope is refused while API access is off for that scope or one above it
 *       (PERMISSION_DENIED).
 * </ol>
 *
 * <p>The tenant's API-access switch does not apply here, so that an administrator who switched API
 * access off can switch it on again.
 */
public final class Authenticator {
  private final CredentialStore store;
  private final RateLimiter limiter;
  private final SecretFormat format;
  private final CredentialExtractor extractor;
  private final Clock clock;

  public Authenticator(CredentialStore store, RateLimiter limiter, SecretFormat format, Clock clock) {
    this.store = store;
    this.limiter = limiter;
    this.format = format;
    this.extractor = new CredentialExtractor(format.prefix());
    this.clock = clock;
  }

  /** The caller behind the credential in {@code headers}, calling from {@code remoteAddress}. */
  public Caller authenticate(Map<String, String> headers, String remoteAddress) {
    String clientIp = remoteAddress.isEmpty() ? ClientAddress.UNKNOWN : remoteAddress;
    RateLimiter.Outcome guard = limiter.checkFailures(clientIp);
    if (guard.denies()) {
      throw new KeygateException(KeygateException.Kind.RESOURCE_EXHAUSTED, "too many failed authentications from"
          + " this address; retry in " + Math.max(1, guard.binding().resetSeconds()) + " s");
    }
    CredentialExtractor.Found found = extractor.fromHeaders(headers);
    if (found.refusal() != null) {
      throw refused(found.refusal(), clientIp, " (send the API key in the x-api-key or authorization: Bearer"
          + " metadata)");
    }
    if (format.check(found.credential()) != SecretFormat.Shape.VALID) {
      throw refused(Reason.CREDENTIAL_MALFORMED, clientIp, "");
    }
    CredentialRecord key = store.findByDigest(SecretFormat.digest(found.credential()))
        .orElseThrow(() -> refused(Reason.CREDENTIAL_UNKNOWN, clientIp, ""));
    Reason reason = DecisionEngine.authenticate(key, found.transport(), clock.instant());
    if (reason == Reason.TRANSPORT_NOT_ACCEPTED) {
      throw refused(reason, clientIp, key.policy().acceptsApiKeyHeader() ? ": send the key in x-api-key"
          : ": send the key in authorization: Bearer");
    }
    if (reason != Reason.OK) {
      throw refused(reason, clientIp, "");
    }
    if (key.scopeId() != null) {
      ScopePath path = store.scopePath(key.tenantId(), key.scopeId());
      if (path == null || !path.apiAccessEnabled()) {
        throw KeygateException.denied(Reason.SCOPE_API_DISABLED.message() + ": this key is bound to a scope whose"
            + " API access (or that of a scope above it) is off");
      }
    }
    return new Caller(key.tenantId(), key.policy().system(), key.principalId(), key.principalKind(),
        key.parentPrincipalId(), key.principalScopeId(), key.apiKeyId(), key.tokenId(), key.scopeId(),
        key.permissions(), key.readOnly(), remoteAddress);
  }

  /** UNAUTHENTICATED for {@code reason}; a credential that was sent and refused counts as a failure. */
  private KeygateException refused(Reason reason, String clientIp, String hint) {
    if (reason != Reason.CREDENTIAL_MISSING) {
      limiter.countFailure(clientIp);
    }
    return KeygateException.unauthenticated(reason.message() + hint);
  }
}
