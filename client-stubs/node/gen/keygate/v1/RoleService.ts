// Original file: keygate/v1/roles.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateRoleRequest as _keygate_v1_CreateRoleRequest, CreateRoleRequest__Output as _keygate_v1_CreateRoleRequest__Output } from '../../keygate/v1/CreateRoleRequest';
import type { CreateRoleResponse as _keygate_v1_CreateRoleResponse, CreateRoleResponse__Output as _keygate_v1_CreateRoleResponse__Output } from '../../keygate/v1/CreateRoleResponse';
import type { DeleteRoleRequest as _keygate_v1_DeleteRoleRequest, DeleteRoleRequest__Output as _keygate_v1_DeleteRoleRequest__Output } from '../../keygate/v1/DeleteRoleRequest';
import type { DeleteRoleResponse as _keygate_v1_DeleteRoleResponse, DeleteRoleResponse__Output as _keygate_v1_DeleteRoleResponse__Output } from '../../keygate/v1/DeleteRoleResponse';
import type { GetRoleRequest as _keygate_v1_GetRoleRequest, GetRoleRequest__Output as _keygate_v1_GetRoleRequest__Output } from '../../keygate/v1/GetRoleRequest';
import type { GetRoleResponse as _keygate_v1_GetRoleResponse, GetRoleResponse__Output as _keygate_v1_GetRoleResponse__Output } from '../../keygate/v1/GetRoleResponse';
import type { ListRolesRequest as _keygate_v1_ListRolesRequest, ListRolesRequest__Output as _keygate_v1_ListRolesRequest__Output } from '../../keygate/v1/ListRolesRequest';
import type { ListRolesResponse as _keygate_v1_ListRolesResponse, ListRolesResponse__Output as _keygate_v1_ListRolesResponse__Output } from '../../keygate/v1/ListRolesResponse';
import type { UpdateRoleRequest as _keygate_v1_UpdateRoleRequest, UpdateRoleRequest__Output as _keygate_v1_UpdateRoleRequest__Output } from '../../keygate/v1/UpdateRoleRequest';
import type { UpdateRoleResponse as _keygate_v1_UpdateRoleResponse, UpdateRoleResponse__Output as _keygate_v1_UpdateRoleResponse__Output } from '../../keygate/v1/UpdateRoleResponse';

/**
 * Roles: named sets of permissions. A key with a role holds exactly the role's permissions.
 * Reading needs `roles:read:all`; changes need `roles:write:all`. A caller can only grant
 * permissions it holds itself, so no key can raise its own privileges through a role.
 */
export interface RoleServiceClient extends grpc.Client {
  /**
   * Creates a role.
   */
  CreateRole(argument: _keygate_v1_CreateRoleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateRoleResponse__Output>): grpc.ClientUnaryCall;
  CreateRole(argument: _keygate_v1_CreateRoleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_CreateRoleResponse__Output>): grpc.ClientUnaryCall;
  CreateRole(argument: _keygate_v1_CreateRoleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateRoleResponse__Output>): grpc.ClientUnaryCall;
  CreateRole(argument: _keygate_v1_CreateRoleRequest, callback: grpc.requestCallback<_keygate_v1_CreateRoleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a role.
   */
  createRole(argument: _keygate_v1_CreateRoleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateRoleResponse__Output>): grpc.ClientUnaryCall;
  createRole(argument: _keygate_v1_CreateRoleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_CreateRoleResponse__Output>): grpc.ClientUnaryCall;
  createRole(argument: _keygate_v1_CreateRoleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateRoleResponse__Output>): grpc.ClientUnaryCall;
  createRole(argument: _keygate_v1_CreateRoleRequest, callback: grpc.requestCallback<_keygate_v1_CreateRoleResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a role that no key or principal uses (else FAILED_PRECONDITION).
   */
  DeleteRole(argument: _keygate_v1_DeleteRoleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteRoleResponse__Output>): grpc.ClientUnaryCall;
  DeleteRole(argument: _keygate_v1_DeleteRoleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_DeleteRoleResponse__Output>): grpc.ClientUnaryCall;
  DeleteRole(argument: _keygate_v1_DeleteRoleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteRoleResponse__Output>): grpc.ClientUnaryCall;
  DeleteRole(argument: _keygate_v1_DeleteRoleRequest, callback: grpc.requestCallback<_keygate_v1_DeleteRoleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a role that no key or principal uses (else FAILED_PRECONDITION).
   */
  deleteRole(argument: _keygate_v1_DeleteRoleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteRoleResponse__Output>): grpc.ClientUnaryCall;
  deleteRole(argument: _keygate_v1_DeleteRoleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_DeleteRoleResponse__Output>): grpc.ClientUnaryCall;
  deleteRole(argument: _keygate_v1_DeleteRoleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteRoleResponse__Output>): grpc.ClientUnaryCall;
  deleteRole(argument: _keygate_v1_DeleteRoleRequest, callback: grpc.requestCallback<_keygate_v1_DeleteRoleResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns one role.
   */
  GetRole(argument: _keygate_v1_GetRoleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetRoleResponse__Output>): grpc.ClientUnaryCall;
  GetRole(argument: _keygate_v1_GetRoleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_GetRoleResponse__Output>): grpc.ClientUnaryCall;
  GetRole(argument: _keygate_v1_GetRoleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetRoleResponse__Output>): grpc.ClientUnaryCall;
  GetRole(argument: _keygate_v1_GetRoleRequest, callback: grpc.requestCallback<_keygate_v1_GetRoleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns one role.
   */
  getRole(argument: _keygate_v1_GetRoleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetRoleResponse__Output>): grpc.ClientUnaryCall;
  getRole(argument: _keygate_v1_GetRoleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_GetRoleResponse__Output>): grpc.ClientUnaryCall;
  getRole(argument: _keygate_v1_GetRoleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetRoleResponse__Output>): grpc.ClientUnaryCall;
  getRole(argument: _keygate_v1_GetRoleRequest, callback: grpc.requestCallback<_keygate_v1_GetRoleResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists the tenant's roles.
   */
  ListRoles(argument: _keygate_v1_ListRolesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListRolesResponse__Output>): grpc.ClientUnaryCall;
  ListRoles(argument: _keygate_v1_ListRolesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_ListRolesResponse__Output>): grpc.ClientUnaryCall;
  ListRoles(argument: _keygate_v1_ListRolesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListRolesResponse__Output>): grpc.ClientUnaryCall;
  ListRoles(argument: _keygate_v1_ListRolesRequest, callback: grpc.requestCallback<_keygate_v1_ListRolesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists the tenant's roles.
   */
  listRoles(argument: _keygate_v1_ListRolesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListRolesResponse__Output>): grpc.ClientUnaryCall;
  listRoles(argument: _keygate_v1_ListRolesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_ListRolesResponse__Output>): grpc.ClientUnaryCall;
  listRoles(argument: _keygate_v1_ListRolesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListRolesResponse__Output>): grpc.ClientUnaryCall;
  listRoles(argument: _keygate_v1_ListRolesRequest, callback: grpc.requestCallback<_keygate_v1_ListRolesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Changes a role. Takes effect on every key that has it. Unset fields keep their value.
   */
  UpdateRole(argument: _keygate_v1_UpdateRoleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateRoleResponse__Output>): grpc.ClientUnaryCall;
  UpdateRole(argument: _keygate_v1_UpdateRoleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_UpdateRoleResponse__Output>): grpc.ClientUnaryCall;
  UpdateRole(argument: _keygate_v1_UpdateRoleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateRoleResponse__Output>): grpc.ClientUnaryCall;
  UpdateRole(argument: _keygate_v1_UpdateRoleRequest, callback: grpc.requestCallback<_keygate_v1_UpdateRoleResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Changes a role. Takes effect on every key that has it. Unset fields keep their value.
   */
  updateRole(argument: _keygate_v1_UpdateRoleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateRoleResponse__Output>): grpc.ClientUnaryCall;
  updateRole(argument: _keygate_v1_UpdateRoleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_UpdateRoleResponse__Output>): grpc.ClientUnaryCall;
  updateRole(argument: _keygate_v1_UpdateRoleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateRoleResponse__Output>): grpc.ClientUnaryCall;
  updateRole(argument: _keygate_v1_UpdateRoleRequest, callback: grpc.requestCallback<_keygate_v1_UpdateRoleResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Roles: named sets of permissions. A key with a role holds exactly the role's permissions.
 * Reading needs `roles:read:all`; changes need `roles:write:all`. A caller can only grant
 * permissions it holds itself, so no key can raise its own privileges through a role.
 */
export interface RoleServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Creates a role.
   */
  CreateRole: grpc.handleUnaryCall<_keygate_v1_CreateRoleRequest__Output, _keygate_v1_CreateRoleResponse>;
  
  /**
   * Deletes a role that no key or principal uses (else FAILED_PRECONDITION).
   */
  DeleteRole: grpc.handleUnaryCall<_keygate_v1_DeleteRoleRequest__Output, _keygate_v1_DeleteRoleResponse>;
  
  /**
   * Returns one role.
   */
  GetRole: grpc.handleUnaryCall<_keygate_v1_GetRoleRequest__Output, _keygate_v1_GetRoleResponse>;
  
  /**
   * Lists the tenant's roles.
   */
  ListRoles: grpc.handleUnaryCall<_keygate_v1_ListRolesRequest__Output, _keygate_v1_ListRolesResponse>;
  
  /**
   * Changes a role. Takes effect on every key that has it. Unset fields keep their value.
   */
  UpdateRole: grpc.handleUnaryCall<_keygate_v1_UpdateRoleRequest__Output, _keygate_v1_UpdateRoleResponse>;
  
}

export interface RoleServiceDefinition extends grpc.ServiceDefinition {
  CreateRole: MethodDefinition<_keygate_v1_CreateRoleRequest, _keygate_v1_CreateRoleResponse, _keygate_v1_CreateRoleRequest__Output, _keygate_v1_CreateRoleResponse__Output>
  DeleteRole: MethodDefinition<_keygate_v1_DeleteRoleRequest, _keygate_v1_DeleteRoleResponse, _keygate_v1_DeleteRoleRequest__Output, _keygate_v1_DeleteRoleResponse__Output>
  GetRole: MethodDefinition<_keygate_v1_GetRoleRequest, _keygate_v1_GetRoleResponse, _keygate_v1_GetRoleRequest__Output, _keygate_v1_GetRoleResponse__Output>
  ListRoles: MethodDefinition<_keygate_v1_ListRolesRequest, _keygate_v1_ListRolesResponse, _keygate_v1_ListRolesRequest__Output, _keygate_v1_ListRolesResponse__Output>
  UpdateRole: MethodDefinition<_keygate_v1_UpdateRoleRequest, _keygate_v1_UpdateRoleResponse, _keygate_v1_UpdateRoleRequest__Output, _keygate_v1_UpdateRoleResponse__Output>
}
