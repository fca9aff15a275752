// Original file: keygate/v1/api_keys.proto


/**
 * Request of DeleteApiKey.
 */
export interface DeleteApiKeyRequest {
  /**
   * The key.
   */
  'apiKeyId'?: (string);
}

/**
 * Request of DeleteApiKey.
 */
export interface DeleteApiKeyRequest__Output {
  /**
   * The key.
   */
  'apiKeyId': (string);
}
