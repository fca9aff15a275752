// Original file: keygate/v1/roles.proto

import type { Role as _keygate_v1_Role, Role__Output as _keygate_v1_Role__Output } from '../../keygate/v1/Role';

/**
 * Response of CreateRole.
 */
export interface CreateRoleResponse {
  /**
   * The role as stored.
   */
  'role'?: (_keygate_v1_Role | null);
}

/**
 * Response of CreateRole.
 */
export interface CreateRoleResponse__Output {
  /**
   * The role as stored.
   */
  'role': (_keygate_v1_Role__Output | null);
}
