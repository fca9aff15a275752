// Original file: keygate/v1/api_keys.proto

import type { Token as _keygate_v1_Token, Token__Output as _keygate_v1_Token__Output } from '../../keygate/v1/Token';

/**
 * Response of RotateToken.
 */
export interface RotateTokenResponse {
  /**
   * The token after the rotation.
   */
  'token'?: (_keygate_v1_Token | null);
  /**
   * The new secret. Shown only here, once; Keygate stores only its hash.
   */
  'secret'?: (string);
}

/**
 * Response of RotateToken.
 */
export interface RotateTokenResponse__Output {
  /**
   * The token after the rotation.
   */
  'token': (_keygate_v1_Token__Output | null);
  /**
   * The new secret. Shown only here, once; Keygate stores only its hash.
   */
  'secret': (string);
}
