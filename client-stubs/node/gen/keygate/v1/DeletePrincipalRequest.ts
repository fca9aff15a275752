// Original file: keygate/v1/principals.proto


/**
 * Request of DeletePrincipal.
 */
export interface DeletePrincipalRequest {
  /**
   * The principal.
   */
  'principalId'?: (string);
}

/**
 * Request of DeletePrincipal.
 */
export interface DeletePrincipalRequest__Output {
  /**
   * The principal.
   */
  'principalId': (string);
}
