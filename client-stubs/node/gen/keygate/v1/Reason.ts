// Original file: keygate/v1/authorizer.proto

/**
 * Why a decision was taken. Stable: values are never renumbered or reused; their lower-case names
 * without the prefix (`credential_unknown`) are the `reason` of HTTP error bodies.
 */
export const Reason = {
  /**
   * Never returned.
   */
  REASON_UNSPECIFIED: 'REASON_UNSPECIFIED',
  /**
   * Allowed: valid, permitted, within limits. HTTP 200.
   */
  REASON_OK: 'REASON_OK',
  /**
   * No credential in the request. HTTP 401.
   */
  REASON_CREDENTIAL_MISSING: 'REASON_CREDENTIAL_MISSING',
  /**
   * The credential does not have the shape of a Keygate credential (prefix, length, lower-case
   * hex, checksum). Refused without a lookup. HTTP 401.
   */
  REASON_CREDENTIAL_MALFORMED: 'REASON_CREDENTIAL_MALFORMED',
  /**
   * A credential was sent in the URL query string, which is never accepted. HTTP 401.
   */
  REASON_CREDENTIAL_IN_QUERY: 'REASON_CREDENTIAL_IN_QUERY',
  /**
   * The credential came in a transport the tenant does not accept (e.g. Bearer where only
   * `X-API-Key` is accepted). HTTP 401.
   */
  REASON_TRANSPORT_NOT_ACCEPTED: 'REASON_TRANSPORT_NOT_ACCEPTED',
  /**
   * More than one credential in one request. HTTP 401.
   */
  REASON_MULTIPLE_CREDENTIALS: 'REASON_MULTIPLE_CREDENTIALS',
  /**
   * Well-formed but unknown: never issued, deleted, or replaced by a rotation. HTTP 401.
   */
  REASON_CREDENTIAL_UNKNOWN: 'REASON_CREDENTIAL_UNKNOWN',
  /**
   * The token or its key has expired. HTTP 401.
   */
  REASON_CREDENTIAL_EXPIRED: 'REASON_CREDENTIAL_EXPIRED',
  /**
   * The key has been revoked. HTTP 401.
   */
  REASON_CREDENTIAL_REVOKED: 'REASON_CREDENTIAL_REVOKED',
  /**
   * Valid, but the key's permissions do not include the one required. HTTP 403.
   */
  REASON_PERMISSION_DENIED: 'REASON_PERMISSION_DENIED',
  /**
   * A read-only token was used for a write. HTTP 403.
   */
  REASON_READ_ONLY_TOKEN: 'REASON_READ_ONLY_TOKEN',
  /**
   * API access is disabled for the key's tenant. HTTP 403.
   */
  REASON_TENANT_API_DISABLED: 'REASON_TENANT_API_DISABLED',
  /**
   * API access is disabled for the requested scope or a scope above it. HTTP 403.
   */
  REASON_SCOPE_API_DISABLED: 'REASON_SCOPE_API_DISABLED',
  /**
   * The key is bound to a scope that does not contain the requested scope (or the scope does not
   * exist in the key's tenant). HTTP 403.
   */
  REASON_SCOPE_FORBIDDEN: 'REASON_SCOPE_FORBIDDEN',
  /**
   * An AI agent's credential was used to create, update or delete keys or tokens. HTTP 403.
   */
  REASON_AGENT_CANNOT_MANAGE_TOKENS: 'REASON_AGENT_CANNOT_MANAGE_TOKENS',
  /**
   * The request's method and path match no route, so no permission can be required. HTTP 403.
   */
  REASON_NO_ROUTE: 'REASON_NO_ROUTE',
  /**
   * The per-key rate limit is exhausted. HTTP 429.
   */
  REASON_KEY_RATE_LIMITED: 'REASON_KEY_RATE_LIMITED',
  /**
   * The per-client-IP rate limit is exhausted. HTTP 429.
   */
  REASON_IP_RATE_LIMITED: 'REASON_IP_RATE_LIMITED',
  /**
   * The request cannot be judged: an Envoy CheckRequest without HTTP attributes, or attributes that
   * are not valid (for example a path that is too long). HTTP 403. The Authorize RPC answers bad
   * input with INVALID_ARGUMENT instead.
   */
  REASON_REQUEST_INVALID: 'REASON_REQUEST_INVALID',
  /**
   * The shared rate-limit store (Redis) is unreachable and the deployment runs fail-closed
   * (`KEYGATE_RATE_LIMIT_FAILURE=closed`). HTTP 503. In fail-open mode (the default) requests are
   * counted in the sidecar instead and never get this reason.
   */
  REASON_RATE_LIMITER_UNAVAILABLE: 'REASON_RATE_LIMITER_UNAVAILABLE',
} as const;

/**
 * Why a decision was taken. Stable: values are never renumbered or reused; their lower-case names
 * without the prefix (`credential_unknown`) are the `reason` of HTTP error bodies.
 */
export type Reason =
  /**
   * Never returned.
   */
  | 'REASON_UNSPECIFIED'
  | 0
  /**
   * Allowed: valid, permitted, within limits. HTTP 200.
   */
  | 'REASON_OK'
  | 1
  /**
   * No credential in the request. HTTP 401.
   */
  | 'REASON_CREDENTIAL_MISSING'
  | 2
  /**
   * The credential does not have the shape of a Keygate credential (prefix, length, lower-case
   * hex, checksum). Refused without a lookup. HTTP 401.
   */
  | 'REASON_CREDENTIAL_MALFORMED'
  | 3
  /**
   * A credential was sent in the URL query string, which is never accepted. HTTP 401.
   */
  | 'REASON_CREDENTIAL_IN_QUERY'
  | 4
  /**
   * The credential came in a transport the tenant does not accept (e.g. Bearer where only
   * `X-API-Key` is accepted). HTTP 401.
   */
  | 'REASON_TRANSPORT_NOT_ACCEPTED'
  | 5
  /**
   * More than one credential in one request. HTTP 401.
   */
  | 'REASON_MULTIPLE_CREDENTIALS'
  | 6
  /**
   * Well-formed but unknown: never issued, deleted, or replaced by a rotation. HTTP 401.
   */
  | 'REASON_CREDENTIAL_UNKNOWN'
  | 7
  /**
   * The token or its key has expired. HTTP 401.
   */
  | 'REASON_CREDENTIAL_EXPIRED'
  | 8
  /**
   * The key has been revoked. HTTP 401.
   */
  | 'REASON_CREDENTIAL_REVOKED'
  | 9
  /**
   * Valid, but the key's permissions do not include the one required. HTTP 403.
   */
  | 'REASON_PERMISSION_DENIED'
  | 10
  /**
   * A read-only token was used for a write. HTTP 403.
   */
  | 'REASON_READ_ONLY_TOKEN'
  | 11
  /**
   * API access is disabled for the key's tenant. HTTP 403.
   */
  | 'REASON_TENANT_API_DISABLED'
  | 12
  /**
   * API access is disabled for the requested scope or a scope above it. HTTP 403.
   */
  | 'REASON_SCOPE_API_DISABLED'
  | 13
  /**
   * The key is bound to a scope that does not contain the requested scope (or the scope does not
   * exist in the key's tenant). HTTP 403.
   */
  | 'REASON_SCOPE_FORBIDDEN'
  | 14
  /**
   * An AI agent's credential was used to create, update or delete keys or tokens. HTTP 403.
   */
  | 'REASON_AGENT_CANNOT_MANAGE_TOKENS'
  | 15
  /**
   * The request's method and path match no route, so no permission can be required. HTTP 403.
   */
  | 'REASON_NO_ROUTE'
  | 16
  /**
   * The per-key rate limit is exhausted. HTTP 429.
   */
  | 'REASON_KEY_RATE_LIMITED'
  | 17
  /**
   * The per-client-IP rate limit is exhausted. HTTP 429.
   */
  | 'REASON_IP_RATE_LIMITED'
  | 18
  /**
   * The request cannot be judged: an Envoy CheckRequest without HTTP attributes, or attributes that
   * are not valid (for example a path that is too long). HTTP 403. The Authorize RPC answers bad
   * input with INVALID_ARGUMENT instead.
   */
  | 'REASON_REQUEST_INVALID'
  | 19
  /**
   * The shared rate-limit store (Redis) is unreachable and the deployment runs fail-closed
   * (`KEYGATE_RATE_LIMIT_FAILURE=closed`). HTTP 503. In fail-open mode (the default) requests are
   * counted in the sidecar instead and never get this reason.
   */
  | 'REASON_RATE_LIMITER_UNAVAILABLE'
  | 20

/**
 * Why a decision was taken. Stable: values are never renumbered or reused; their lower-case names
 * without the prefix (`credential_unknown`) are the `reason` of HTTP error bodies.
 */
export type Reason__Output = typeof Reason[keyof typeof Reason]
