// Original file: keygate/v1/roles.proto


/**
 * Request of DeleteRole.
 */
export interface DeleteRoleRequest {
  /**
   * The role.
   */
  'roleId'?: (string);
}

/**
 * Request of DeleteRole.
 */
export interface DeleteRoleRequest__Output {
  /**
   * The role.
   */
  'roleId': (string);
}
