package io.keygate.authz;

/**
 * Why a decision was taken, with the HTTP status it maps to. Names are stable; their lower-case
 * form ({@code credential_unknown}) is the {@code reason} field of HTTP error bodies and the
 * {@code keygate.v1.Reason} value {@code REASON_<NAME>}.
 */
public enum Reason {
  OK(200, "allowed"),
  CREDENTIAL_MISSING(401, "no credential was sent"),
  CREDENTIAL_MALFORMED(401, "the credential is not a well-formed API key"),
  CREDENTIAL_IN_QUERY(401, "credentials in the URL query string are never accepted; send a header"),
  TRANSPORT_NOT_ACCEPTED(401, "this tenant does not accept credentials in that header"),
  MULTIPLE_CREDENTIALS(401, "more than one credential was sent"),
  CREDENTIAL_UNKNOWN(401, "the API key is not valid"),
  CREDENTIAL_EXPIRED(401, "the API key has expired"),
  CREDENTIAL_REVOKED(401, "the API key has been revoked"),
  PERMISSION_DENIED(403, "the API key's role does not allow this"),
  READ_ONLY_TOKEN(403, "the token is read-only"),
  TENANT_API_DISABLED(403, "API access is disabled for this tenant"),
  SCOPE_API_DISABLED(403, "API access is disabled for this scope"),
  SCOPE_FORBIDDEN(403, "the API key may not access this scope"),
  AGENT_CANNOT_MANAGE_TOKENS(403, "AI agents cannot create, update or delete API keys or tokens"),
  NO_ROUTE(403, "no route matches this request"),
  KEY_RATE_LIMITED(429, "the API key's rate limit is exceeded"),
  IP_RATE_LIMITED(429, "too many requests from this IP address"),
  RATE_LIMITER_UNAVAILABLE(503, "rate limits cannot be checked right now; retry shortly"),
  REQUEST_INVALID(403, "the request cannot be judged: it lacks HTTP attributes or they are not valid");

  private final int httpStatus;
  private final String message;

  Reason(int httpStatus, String message) {
    this.httpStatus = httpStatus;
    this.message = message;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** A sentence for people, safe to return to the client. */
  public String message() {
    return message;
  }

  /** The stable lower-case code, e.g. {@code credential_unknown}. */
  public String code() {
    return name().toLowerCase();
  }
}
