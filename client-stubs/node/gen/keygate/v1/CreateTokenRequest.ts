// Original file: keygate/v1/api_keys.proto

import type { TokenSpec as _keygate_v1_TokenSpec, TokenSpec__Output as _keygate_v1_TokenSpec__Output } from '../../keygate/v1/TokenSpec';

/**
 * Request of CreateToken.
 */
export interface CreateTokenRequest {
  /**
   * The key to add it to.
   */
  'apiKeyId'?: (string);
  /**
   * The token's settings.
   */
  'token'?: (_keygate_v1_TokenSpec | null);
}

/**
 * Request of CreateToken.
 */
export interface CreateTokenRequest__Output {
  /**
   * The key to add it to.
   */
  'apiKeyId': (string);
  /**
   * The token's settings.
   */
  'token': (_keygate_v1_TokenSpec__Output | null);
}
