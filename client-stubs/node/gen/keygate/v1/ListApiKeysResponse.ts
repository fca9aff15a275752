// Original file: keygate/v1/api_keys.proto

import type { ApiKey as _keygate_v1_ApiKey, ApiKey__Output as _keygate_v1_ApiKey__Output } from '../../keygate/v1/ApiKey';

/**
 * Response of ListApiKeys.
 */
export interface ListApiKeysResponse {
  /**
   * Keys in creation order.
   */
  'apiKeys'?: (_keygate_v1_ApiKey)[];
  /**
   * Token for the next page; empty on the last page.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of ListApiKeys.
 */
export interface ListApiKeysResponse__Output {
  /**
   * Keys in creation order.
   */
  'apiKeys': (_keygate_v1_ApiKey__Output)[];
  /**
   * Token for the next page; empty on the last page.
   */
  'nextPageToken': (string);
}
