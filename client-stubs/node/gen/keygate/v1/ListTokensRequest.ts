// Original file: keygate/v1/api_keys.proto


/**
 * Request of ListTokens.
 */
export interface ListTokensRequest {
  /**
   * The key.
   */
  'apiKeyId'?: (string);
  /**
   * Maximum items to return; default 50, at most 1000.
   */
  'pageSize'?: (number);
  /**
   * `next_page_token` of the previous page; empty for the first.
   */
  'pageToken'?: (string);
}

/**
 * Request of ListTokens.
 */
export interface ListTokensRequest__Output {
  /**
   * The key.
   */
  'apiKeyId': (string);
  /**
   * Maximum items to return; default 50, at most 1000.
   */
  'pageSize': (number);
  /**
   * `next_page_token` of the previous page; empty for the first.
   */
  'pageToken': (string);
}
