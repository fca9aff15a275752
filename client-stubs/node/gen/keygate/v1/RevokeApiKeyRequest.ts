// Original file: keygate/v1/api_keys.proto


/**
 * Request of RevokeApiKey.
 */
export interface RevokeApiKeyRequest {
  /**
   * The key.
   */
  'apiKeyId'?: (string);
}

/**
 * Request of RevokeApiKey.
 */
export interface RevokeApiKeyRequest__Output {
  /**
   * The key.
   */
  'apiKeyId': (string);
}
