// Original file: keygate/v1/api_keys.proto

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';
import type { Expiration as _keygate_v1_Expiration, Expiration__Output as _keygate_v1_Expiration__Output } from '../../keygate/v1/Expiration';

/**
 * Request of RotateToken.
 */
export interface RotateTokenRequest {
  /**
   * The token.
   */
  'tokenId'?: (string);
  /**
   * How long the old secret keeps working, at most 7 days. Unset or zero: it stops at once.
   */
  'gracePeriod'?: (_google_protobuf_Duration | null);
  /**
   * New expiration for the token; unset keeps the current one.
   */
  'expiration'?: (_keygate_v1_Expiration | null);
}

/**
 * Request of RotateToken.
 */
export interface RotateTokenRequest__Output {
  /**
   * The token.
   */
  'tokenId': (string);
  /**
   * How long the old secret keeps working, at most 7 days. Unset or zero: it stops at once.
   */
  'gracePeriod': (_google_protobuf_Duration__Output | null);
  /**
   * New expiration for the token; unset keeps the current one.
   */
  'expiration': (_keygate_v1_Expiration__Output | null);
}
