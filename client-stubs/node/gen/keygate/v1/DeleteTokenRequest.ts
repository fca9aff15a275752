// Original file: keygate/v1/api_keys.proto


/**
 * Request of DeleteToken.
 */
export interface DeleteTokenRequest {
  /**
   * The token.
   */
  'tokenId'?: (string);
}

/**
 * Request of DeleteToken.
 */
export interface DeleteTokenRequest__Output {
  /**
   * The token.
   */
  'tokenId': (string);
}
