// Original file: keygate/v1/authorizer.proto

/**
 * Which limit a RateLimitStatus describes.
 */
export const RateLimitScope = {
  /**
   * Not set.
   */
  RATE_LIMIT_SCOPE_UNSPECIFIED: 'RATE_LIMIT_SCOPE_UNSPECIFIED',
  /**
   * The per-key limit (requests per minute).
   */
  RATE_LIMIT_SCOPE_KEY: 'RATE_LIMIT_SCOPE_KEY',
  /**
   * The per-client-IP limit, shared by every key and endpoint.
   */
  RATE_LIMIT_SCOPE_IP: 'RATE_LIMIT_SCOPE_IP',
} as const;

/**
 * Which limit a RateLimitStatus describes.
 */
export type RateLimitScope =
  /**
   * Not set.
   */
  | 'RATE_LIMIT_SCOPE_UNSPECIFIED'
  | 0
  /**
   * The per-key limit (requests per minute).
   */
  | 'RATE_LIMIT_SCOPE_KEY'
  | 1
  /**
   * The per-client-IP limit, shared by every key and endpoint.
   */
  | 'RATE_LIMIT_SCOPE_IP'
  | 2

/**
 * Which limit a RateLimitStatus describes.
 */
export type RateLimitScope__Output = typeof RateLimitScope[keyof typeof RateLimitScope]
