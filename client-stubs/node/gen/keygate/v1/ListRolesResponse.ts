// Original file: keygate/v1/roles.proto

import type { Role as _keygate_v1_Role, Role__Output as _keygate_v1_Role__Output } from '../../keygate/v1/Role';

/**
 * Response of ListRoles.
 */
export interface ListRolesResponse {
  /**
   * Roles in creation order.
   */
  'roles'?: (_keygate_v1_Role)[];
  /**
   * Token for the next page; empty on the last page.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of ListRoles.
 */
export interface ListRolesResponse__Output {
  /**
   * Roles in creation order.
   */
  'roles': (_keygate_v1_Role__Output)[];
  /**
   * Token for the next page; empty on the last page.
   */
  'nextPageToken': (string);
}
