// Original file: keygate/v1/roles.proto


/**
 * Response of DeleteRole.
 */
export interface DeleteRoleResponse {
}

/**
 * Response of DeleteRole.
 */
export interface DeleteRoleResponse__Output {
}
