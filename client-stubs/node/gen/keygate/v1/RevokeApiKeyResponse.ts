// Original file: keygate/v1/api_keys.proto

import type { ApiKey as _keygate_v1_ApiKey, ApiKey__Output as _keygate_v1_ApiKey__Output } from '../../keygate/v1/ApiKey';

/**
 * Response of RevokeApiKey.
 */
export interface RevokeApiKeyResponse {
  /**
   * The key after the change.
   */
  'apiKey'?: (_keygate_v1_ApiKey | null);
}

/**
 * Response of RevokeApiKey.
 */
export interface RevokeApiKeyResponse__Output {
  /**
   * The key after the change.
   */
  'apiKey': (_keygate_v1_ApiKey__Output | null);
}
