// Original file: keygate/v1/roles.proto

import type { Role as _keygate_v1_Role, Role__Output as _keygate_v1_Role__Output } from '../../keygate/v1/Role';

/**
 * Response of GetRole.
 */
export interface GetRoleResponse {
  /**
   * The role.
   */
  'role'?: (_keygate_v1_Role | null);
}

/**
 * Response of GetRole.
 */
export interface GetRoleResponse__Output {
  /**
   * The role.
   */
  'role': (_keygate_v1_Role__Output | null);
}
