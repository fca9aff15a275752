// Original file: keygate/v1/principals.proto


/**
 * Response of DeletePrincipal.
 */
export interface DeletePrincipalResponse {
}

/**
 * Response of DeletePrincipal.
 */
export interface DeletePrincipalResponse__Output {
}
