package io.keygate.decision;

import io.keygate.authz.CredentialRecord;
import io.keygate.authz.Reason;
import io.keygate.ratelimit.LimitStatus;

/**
 * The answer to one request: a reason (which fixes allow/deny and the HTTP status), the identity
 * when the credential was valid, and the rate limit that binds.
 *
 * @param identity the credential's record; {@code null} when the credential was not valid
 * @param rateLimit the binding limit; {@code null} when none applies
 */
public record Decision(Reason reason, CredentialRecord identity, LimitStatus rateLimit) {
  public boolean allowed() {
    return reason == Reason.OK;
  }

  public int httpStatus() {
    return reason.httpStatus();
  }

  /** A denial taken before the credential was looked up. */
  public static Decision refuse(Reason reason, LimitStatus rateLimit) {
    return new Decision(reason, null, rateLimit);
  }

  public Decision withRateLimit(LimitStatus status) {
    return new Decision(reason, identity, status);
  }
}
