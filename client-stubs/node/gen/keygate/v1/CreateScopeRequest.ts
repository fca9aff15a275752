// Original file: keygate/v1/scopes.proto


/**
 * Request of CreateScope.
 */
export interface CreateScopeRequest {
  /**
   * Parent scope; empty for a top-level scope.
   */
  'parentId'?: (string);
  /**
   * Display name, 1–200 characters.
   */
  'name'?: (string);
  /**
   * Kind (see Scope.kind). Default `team`.
   */
  'kind'?: (string);
  /**
   * Whether API access is enabled. Default true.
   */
  'apiAccessEnabled'?: (boolean);
  '_apiAccessEnabled'?: "apiAccessEnabled";
}

/**
 * Request of CreateScope.
 */
export interface CreateScopeRequest__Output {
  /**
   * Parent scope; empty for a top-level scope.
   */
  'parentId': (string);
  /**
   * Display name, 1–200 characters.
   */
  'name': (string);
  /**
   * Kind (see Scope.kind). Default `team`.
   */
  'kind': (string);
  /**
   * Whether API access is enabled. Default true.
   */
  'apiAccessEnabled'?: (boolean);
  '_apiAccessEnabled'?: "apiAccessEnabled";
}
