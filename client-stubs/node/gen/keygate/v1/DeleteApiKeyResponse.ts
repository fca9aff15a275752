// Original file: keygate/v1/api_keys.proto


/**
 * Response of DeleteApiKey.
 */
export interface DeleteApiKeyResponse {
  /**
   * How many tokens were deleted with it.
   */
  'deletedTokens'?: (number);
}

/**
 * Response of DeleteApiKey.
 */
export interface DeleteApiKeyResponse__Output {
  /**
   * How many tokens were deleted with it.
   */
  'deletedTokens': (number);
}
