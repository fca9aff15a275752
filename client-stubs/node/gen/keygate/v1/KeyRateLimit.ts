// Original file: keygate/v1/api_keys.proto

import type { RateLimitMode as _keygate_v1_RateLimitMode, RateLimitMode__Output as _keygate_v1_RateLimitMode__Output } from '../../keygate/v1/RateLimitMode';
import type { Long } from '@grpc/proto-loader';

/**
 * A per-key rate limit.
 */
export interface KeyRateLimit {
  /**
   * Requests per minute; 0 = no per-key limit. Unset: the tenant's default.
   */
  'requestsPerMinute'?: (number | string | Long);
  /**
   * Enforced or informational. Unspecified: the tenant's default.
   */
  'mode'?: (_keygate_v1_RateLimitMode);
  '_requestsPerMinute'?: "requestsPerMinute";
}

/**
 * A per-key rate limit.
 */
export interface KeyRateLimit__Output {
  /**
   * Requests per minute; 0 = no per-key limit. Unset: the tenant's default.
   */
  'requestsPerMinute'?: (string);
  /**
   * Enforced or informational. Unspecified: the tenant's default.
   */
  'mode': (_keygate_v1_RateLimitMode__Output);
  '_requestsPerMinute'?: "requestsPerMinute";
}
