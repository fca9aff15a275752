// Original file: keygate/v1/api_keys.proto

import type { ApiKey as _keygate_v1_ApiKey, ApiKey__Output as _keygate_v1_ApiKey__Output } from '../../keygate/v1/ApiKey';
import type { Token as _keygate_v1_Token, Token__Output as _keygate_v1_Token__Output } from '../../keygate/v1/Token';

/**
 * Response of CreateApiKey.
 */
export interface CreateApiKeyResponse {
  /**
   * The key as stored.
   */
  'apiKey'?: (_keygate_v1_ApiKey | null);
  /**
   * The first token, if one was asked for.
   */
  'token'?: (_keygate_v1_Token | null);
  /**
   * The first token's secret. Shown only here, once; Keygate stores only its hash.
   */
  'secret'?: (string);
}

/**
 * Response of CreateApiKey.
 */
export interface CreateApiKeyResponse__Output {
  /**
   * The key as stored.
   */
  'apiKey': (_keygate_v1_ApiKey__Output | null);
  /**
   * The first token, if one was asked for.
   */
  'token': (_keygate_v1_Token__Output | null);
  /**
   * The first token's secret. Shown only here, once; Keygate stores only its hash.
   */
  'secret': (string);
}
