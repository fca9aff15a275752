// Original file: keygate/v1/api_keys.proto

import type { Token as _keygate_v1_Token, Token__Output as _keygate_v1_Token__Output } from '../../keygate/v1/Token';

/**
 * Response of UpdateToken.
 */
export interface UpdateTokenResponse {
  /**
   * The token after the change.
   */
  'token'?: (_keygate_v1_Token | null);
}

/**
 * Response of UpdateToken.
 */
export interface UpdateTokenResponse__Output {
  /**
   * The token after the change.
   */
  'token': (_keygate_v1_Token__Output | null);
}
