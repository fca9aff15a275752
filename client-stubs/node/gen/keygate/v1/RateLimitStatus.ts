// Original file: keygate/v1/authorizer.proto

import type { RateLimitScope as _keygate_v1_RateLimitScope, RateLimitScope__Output as _keygate_v1_RateLimitScope__Output } from '../../keygate/v1/RateLimitScope';
import type { Long } from '@grpc/proto-loader';

/**
 * The state of one rate limit after this request was counted.
 */
export interface RateLimitStatus {
  /**
   * Which limit.
   */
  'scope'?: (_keygate_v1_RateLimitScope);
  /**
   * Requests allowed per window (`X-RateLimit-Limit`).
   */
  'limit'?: (number | string | Long);
  /**
   * Requests left in the current window (`X-RateLimit-Remaining`), never negative.
   */
  'remaining'?: (number | string | Long);
  /**
   * Seconds until the window has room again (`X-RateLimit-Reset`).
   */
  'resetSeconds'?: (number | string | Long);
  /**
   * Seconds the client should wait before retrying (`Retry-After`); 0 unless denied.
   */
  'retryAfterSeconds'?: (number | string | Long);
  /**
   * Length of the window, in seconds.
   */
  'windowSeconds'?: (number | string | Long);
  /**
   * True when the limit is informational: counted and reported, never enforced.
   */
  'informational'?: (boolean);
}

/**
 * The state of one rate limit after this request was counted.
 */
export interface RateLimitStatus__Output {
  /**
   * Which limit.
   */
  'scope': (_keygate_v1_RateLimitScope__Output);
  /**
   * Requests allowed per window (`X-RateLimit-Limit`).
   */
  'limit': (string);
  /**
   * Requests left in the current window (`X-RateLimit-Remaining`), never negative.
   */
  'remaining': (string);
  /**
   * Seconds until the window has room again (`X-RateLimit-Reset`).
   */
  'resetSeconds': (string);
  /**
   * Seconds the client should wait before retrying (`Retry-After`); 0 unless denied.
   */
  'retryAfterSeconds': (string);
  /**
   * Length of the window, in seconds.
   */
  'windowSeconds': (string);
  /**
   * True when the limit is informational: counted and reported, never enforced.
   */
  'informational': (boolean);
}
