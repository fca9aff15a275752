// Original file: keygate/v1/common.proto

/**
 * Where a key's effective permissions come from.
 */
export const PermissionSource = {
  /**
   * Not set: keep the current value (updates); the default for a new tenant is KEY_ROLE.
   */
  PERMISSION_SOURCE_UNSPECIFIED: 'PERMISSION_SOURCE_UNSPECIFIED',
  /**
   * The role assigned to the key; no role means the tenant's default permissions.
   */
  PERMISSION_SOURCE_KEY_ROLE: 'PERMISSION_SOURCE_KEY_ROLE',
  /**
   * The role of the key's owner principal (keys inherit their account's permissions); an owner
   * without a role means the tenant's default permissions.
   */
  PERMISSION_SOURCE_PRINCIPAL_ROLE: 'PERMISSION_SOURCE_PRINCIPAL_ROLE',
} as const;

/**
 * Where a key's effective permissions come from.
 */
export type PermissionSource =
  /**
   * Not set: keep the current value (updates); the default for a new tenant is KEY_ROLE.
   */
  | 'PERMISSION_SOURCE_UNSPECIFIED'
  | 0
  /**
   * The role assigned to the key; no role means the tenant's default permissions.
   */
  | 'PERMISSION_SOURCE_KEY_ROLE'
  | 1
  /**
   * The role of the key's owner principal (keys inherit their account's permissions); an owner
   * without a role means the tenant's default permissions.
   */
  | 'PERMISSION_SOURCE_PRINCIPAL_ROLE'
  | 2

/**
 * Where a key's effective permissions come from.
 */
export type PermissionSource__Output = typeof PermissionSource[keyof typeof PermissionSource]
