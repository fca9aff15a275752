// Original file: keygate/v1/principals.proto


/**
 * Request of UpdatePrincipal.
 */
export interface UpdatePrincipalRequest {
  /**
   * The principal.
   */
  'principalId'?: (string);
  /**
   * New display name; unset keeps it.
   */
  'displayName'?: (string);
  /**
   * New e-mail; unset keeps it, empty clears it.
   */
  'email'?: (string);
  /**
   * New role; unset keeps it, empty clears it.
   */
  'roleId'?: (string);
  /**
   * New scope; unset keeps it, empty clears it.
   */
  'scopeId'?: (string);
  '_displayName'?: "displayName";
  '_email'?: "email";
  '_roleId'?: "roleId";
  '_scopeId'?: "scopeId";
}

/**
 * Request of UpdatePrincipal.
 */
export interface UpdatePrincipalRequest__Output {
  /**
   * The principal.
   */
  'principalId': (string);
  /**
   * New display name; unset keeps it.
   */
  'displayName'?: (string);
  /**
   * New e-mail; unset keeps it, empty clears it.
   */
  'email'?: (string);
  /**
   * New role; unset keeps it, empty clears it.
   */
  'roleId'?: (string);
  /**
   * New scope; unset keeps it, empty clears it.
   */
  'scopeId'?: (string);
  '_displayName'?: "displayName";
  '_email'?: "email";
  '_roleId'?: "roleId";
  '_scopeId'?: "scopeId";
}
