// Original file: keygate/v1/api_keys.proto


/**
 * Response of DeleteToken.
 */
export interface DeleteTokenResponse {
}

/**
 * Response of DeleteToken.
 */
export interface DeleteTokenResponse__Output {
}
