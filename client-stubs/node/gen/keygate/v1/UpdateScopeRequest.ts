// Original file: keygate/v1/scopes.proto


/**
 * Request of UpdateScope.
 */
export interface UpdateScopeRequest {
  /**
   * The scope.
   */
  'scopeId'?: (string);
  /**
   * New name; unset keeps it.
   */
  'name'?: (string);
  /**
   * New API-access switch; unset keeps it.
   */
  'apiAccessEnabled'?: (boolean);
  '_name'?: "name";
  '_apiAccessEnabled'?: "apiAccessEnabled";
}

/**
 * Request of UpdateScope.
 */
export interface UpdateScopeRequest__Output {
  /**
   * The scope.
   */
  'scopeId': (string);
  /**
   * New name; unset keeps it.
   */
  'name'?: (string);
  /**
   * New API-access switch; unset keeps it.
   */
  'apiAccessEnabled'?: (boolean);
  '_name'?: "name";
  '_apiAccessEnabled'?: "apiAccessEnabled";
}
