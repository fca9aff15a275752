// Original file: keygate/v1/api_keys.proto

import type { Token as _keygate_v1_Token, Token__Output as _keygate_v1_Token__Output } from '../../keygate/v1/Token';

/**
 * Response of ListTokens.
 */
export interface ListTokensResponse {
  /**
   * Tokens in creation order.
   */
  'tokens'?: (_keygate_v1_Token)[];
  /**
   * Token for the next page; empty on the last page.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of ListTokens.
 */
export interface ListTokensResponse__Output {
  /**
   * Tokens in creation order.
   */
  'tokens': (_keygate_v1_Token__Output)[];
  /**
   * Token for the next page; empty on the last page.
   */
  'nextPageToken': (string);
}
