// Original file: keygate/v1/api_keys.proto


/**
 * Request of GetApiKey.
 */
export interface GetApiKeyRequest {
  /**
   * The key.
   */
  'apiKeyId'?: (string);
}

/**
 * Request of GetApiKey.
 */
export interface GetApiKeyRequest__Output {
  /**
   * The key.
   */
  'apiKeyId': (string);
}
