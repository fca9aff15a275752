// Original file: keygate/v1/authorizer.proto

import type { Decision as _keygate_v1_Decision, Decision__Output as _keygate_v1_Decision__Output } from '../../keygate/v1/Decision';
import type { Reason as _keygate_v1_Reason, Reason__Output as _keygate_v1_Reason__Output } from '../../keygate/v1/Reason';
import type { Identity as _keygate_v1_Identity, Identity__Output as _keygate_v1_Identity__Output } from '../../keygate/v1/Identity';
import type { RateLimitStatus as _keygate_v1_RateLimitStatus, RateLimitStatus__Output as _keygate_v1_RateLimitStatus__Output } from '../../keygate/v1/RateLimitStatus';

/**
 * The answer to one AuthorizeRequest.
 */
export interface AuthorizeResponse {
  /**
   * Allow or deny.
   */
  'decision'?: (_keygate_v1_Decision);
  /**
   * The HTTP status the application should answer with: 200, 401, 403 or 429.
   */
  'httpStatus'?: (number);
  /**
   * Why; stable, for programs.
   */
  'reason'?: (_keygate_v1_Reason);
  /**
   * Why, for people; safe to return to the client (never contains the credential).
   */
  'message'?: (string);
  /**
   * Who is calling. Set whenever the credential was valid (allow, 403 and key-limit 429);
   * empty for 401 and for IP-limit 429 before authentication.
   */
  'identity'?: (_keygate_v1_Identity | null);
  /**
   * The rate limit that binds this request (the one nearest exhaustion, or the one that denied).
   * Absent when no limit applies.
   */
  'rateLimit'?: (_keygate_v1_RateLimitStatus | null);
  /**
   * Headers for the application to add to its HTTP response as they are, names in lower case
   * (HTTP/2 style; HTTP/1 header names are case-insensitive): `x-ratelimit-limit`,
   * `x-ratelimit-remaining`, `x-ratelimit-reset` of the binding limit (when a limit applies),
   * `retry-after` (on 429) and `www-authenticate` (on 401).
   */
  'responseHeaders'?: ({[key: string]: string});
}

/**
 * The answer to one AuthorizeRequest.
 */
export interface AuthorizeResponse__Output {
  /**
   * Allow or deny.
   */
  'decision': (_keygate_v1_Decision__Output);
  /**
   * The HTTP status the application should answer with: 200, 401, 403 or 429.
   */
  'httpStatus': (number);
  /**
   * Why; stable, for programs.
   */
  'reason': (_keygate_v1_Reason__Output);
  /**
   * Why, for people; safe to return to the client (never contains the credential).
   */
  'message': (string);
  /**
   * Who is calling. Set whenever the credential was valid (allow, 403 and key-limit 429);
   * empty for 401 and for IP-limit 429 before authentication.
   */
  'identity': (_keygate_v1_Identity__Output | null);
  /**
   * The rate limit that binds this request (the one nearest exhaustion, or the one that denied).
   * Absent when no limit applies.
   */
  'rateLimit': (_keygate_v1_RateLimitStatus__Output | null);
  /**
   * Headers for the application to add to its HTTP response as they are, names in lower case
   * (HTTP/2 style; HTTP/1 header names are case-insensitive): `x-ratelimit-limit`,
   * `x-ratelimit-remaining`, `x-ratelimit-reset` of the binding limit (when a limit applies),
   * `retry-after` (on 429) and `www-authenticate` (on 401).
   */
  'responseHeaders': ({[key: string]: string});
}
