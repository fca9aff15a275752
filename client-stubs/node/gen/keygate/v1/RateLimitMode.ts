// Original file: keygate/v1/common.proto

/**
 * How a per-key rate limit is applied.
 */
export const RateLimitMode = {
  /**
   * Not set: keep the current value (updates) or use the tenant default (creates).
   */
  RATE_LIMIT_MODE_UNSPECIFIED: 'RATE_LIMIT_MODE_UNSPECIFIED',
  /**
   * Requests over the limit are denied with HTTP 429.
   */
  RATE_LIMIT_MODE_ENFORCED: 'RATE_LIMIT_MODE_ENFORCED',
  /**
   * The limit is stored and shown but never denies (the per-IP limit still applies).
   */
  RATE_LIMIT_MODE_INFORMATIONAL: 'RATE_LIMIT_MODE_INFORMATIONAL',
} as const;

/**
 * How a per-key rate limit is applied.
 */
export type RateLimitMode =
  /**
   * Not set: keep the current value (updates) or use the tenant default (creates).
   */
  | 'RATE_LIMIT_MODE_UNSPECIFIED'
  | 0
  /**
   * Requests over the limit are denied with HTTP 429.
   */
  | 'RATE_LIMIT_MODE_ENFORCED'
  | 1
  /**
   * The limit is stored and shown but never denies (the per-IP limit still applies).
   */
  | 'RATE_LIMIT_MODE_INFORMATIONAL'
  | 2

/**
 * How a per-key rate limit is applied.
 */
export type RateLimitMode__Output = typeof RateLimitMode[keyof typeof RateLimitMode]
