// Original file: keygate/v1/api_keys.proto

import type { Token as _keygate_v1_Token, Token__Output as _keygate_v1_Token__Output } from '../../keygate/v1/Token';

/**
 * Response of CreateToken.
 */
export interface CreateTokenResponse {
  /**
   * The token as stored.
   */
  'token'?: (_keygate_v1_Token | null);
  /**
   * Its secret. Shown only here, once; Keygate stores only its hash.
   */
  'secret'?: (string);
}

/**
 * Response of CreateToken.
 */
export interface CreateTokenResponse__Output {
  /**
   * The token as stored.
   */
  'token': (_keygate_v1_Token__Output | null);
  /**
   * Its secret. Shown only here, once; Keygate stores only its hash.
   */
  'secret': (string);
}
