// Original file: keygate/v1/roles.proto

import type { Role as _keygate_v1_Role, Role__Output as _keygate_v1_Role__Output } from '../../keygate/v1/Role';

/**
 * Response of UpdateRole.
 */
export interface UpdateRoleResponse {
  /**
   * The role after the change.
   */
  'role'?: (_keygate_v1_Role | null);
}

/**
 * Response of UpdateRole.
 */
export interface UpdateRoleResponse__Output {
  /**
   * The role after the change.
   */
  'role': (_keygate_v1_Role__Output | null);
}
