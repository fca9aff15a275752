// Original file: keygate/v1/scopes.proto


/**
 * Request of GetScope.
 */
export interface GetScopeRequest {
  /**
   * The scope.
   */
  'scopeId'?: (string);
}

/**
 * Request of GetScope.
 */
export interface GetScopeRequest__Output {
  /**
   * The scope.
   */
  'scopeId': (string);
}
