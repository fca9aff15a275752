// Original file: keygate/v1/roles.proto

import type { StringList as _keygate_v1_StringList, StringList__Output as _keygate_v1_StringList__Output } from '../../keygate/v1/StringList';

/**
 * Request of UpdateRole.
 */
export interface UpdateRoleRequest {
  /**
   * The role.
   */
  'roleId'?: (string);
  /**
   * New name; unset keeps it.
   */
  'name'?: (string);
  /**
   * New description; unset keeps it.
   */
  'description'?: (string);
  /**
   * New permissions, replacing the old; unset keeps them.
   */
  'permissions'?: (_keygate_v1_StringList | null);
  '_name'?: "name";
  '_description'?: "description";
}

/**
 * Request of UpdateRole.
 */
export interface UpdateRoleRequest__Output {
  /**
   * The role.
   */
  'roleId': (string);
  /**
   * New name; unset keeps it.
   */
  'name'?: (string);
  /**
   * New description; unset keeps it.
   */
  'description'?: (string);
  /**
   * New permissions, replacing the old; unset keeps them.
   */
  'permissions': (_keygate_v1_StringList__Output | null);
  '_name'?: "name";
  '_description'?: "description";
}
