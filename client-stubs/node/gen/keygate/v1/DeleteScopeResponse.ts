// Original file: keygate/v1/scopes.proto


/**
 * Response of DeleteScope.
 */
export interface DeleteScopeResponse {
}

/**
 * Response of DeleteScope.
 */
export interface DeleteScopeResponse__Output {
}
