// Original file: keygate/v1/scopes.proto


/**
 * Request of DeleteScope.
 */
export interface DeleteScopeRequest {
  /**
   * The scope.
   */
  'scopeId'?: (string);
}

/**
 * Request of DeleteScope.
 */
export interface DeleteScopeRequest__Output {
  /**
   * The scope.
   */
  'scopeId': (string);
}
