// Original file: keygate/v1/roles.proto


/**
 * Request of GetRole.
 */
export interface GetRoleRequest {
  /**
   * The role.
   */
  'roleId'?: (string);
}

/**
 * Request of GetRole.
 */
export interface GetRoleRequest__Output {
  /**
   * The role.
   */
  'roleId': (string);
}
