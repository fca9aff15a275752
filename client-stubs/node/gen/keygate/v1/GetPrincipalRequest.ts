// Original file: keygate/v1/principals.proto


/**
 * Request of GetPrincipal.
 */
export interface GetPrincipalRequest {
  /**
   * The principal.
   */
  'principalId'?: (string);
}

/**
 * Request of GetPrincipal.
 */
export interface GetPrincipalRequest__Output {
  /**
   * The principal.
   */
  'principalId': (string);
}
