// Original file: keygate/v1/api_keys.proto

import type { ApiKey as _keygate_v1_ApiKey, ApiKey__Output as _keygate_v1_ApiKey__Output } from '../../keygate/v1/ApiKey';

/**
 * Response of GetApiKey.
 */
export interface GetApiKeyResponse {
  /**
   * The key.
   */
  'apiKey'?: (_keygate_v1_ApiKey | null);
}

/**
 * Response of GetApiKey.
 */
export interface GetApiKeyResponse__Output {
  /**
   * The key.
   */
  'apiKey': (_keygate_v1_ApiKey__Output | null);
}
