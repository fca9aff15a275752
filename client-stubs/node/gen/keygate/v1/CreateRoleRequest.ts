// Original file: keygate/v1/roles.proto


/**
 * Request of CreateRole.
 */
export interface CreateRoleRequest {
  /**
   * Name, 1–100 characters, unique in the tenant.
   */
  'name'?: (string);
  /**
   * Description; optional.
   */
  'description'?: (string);
  /**
   * Permissions (see Role.permissions).
   */
  'permissions'?: (string)[];
}

/**
 * Request of CreateRole.
 */
export interface CreateRoleRequest__Output {
  /**
   * Name, 1–100 characters, unique in the tenant.
   */
  'name': (string);
  /**
   * Description; optional.
   */
  'description': (string);
  /**
   * Permissions (see Role.permissions).
   */
  'permissions': (string)[];
}
