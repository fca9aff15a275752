// Original file: keygate/v1/scopes.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateScopeRequest as _keygate_v1_CreateScopeRequest, CreateScopeRequest__Output as _keygate_v1_CreateScopeRequest__Output } from '../../keygate/v1/CreateScopeRequest';
import type { CreateScopeResponse as _keygate_v1_CreateScopeResponse, CreateScopeResponse__Output as _keygate_v1_CreateScopeResponse__Output } from '../../keygate/v1/CreateScopeResponse';
import type { DeleteScopeRequest as _keygate_v1_DeleteScopeRequest, DeleteScopeRequest__Output as _keygate_v1_DeleteScopeRequest__Output } from '../../keygate/v1/DeleteScopeRequest';
import type { DeleteScopeResponse as _keygate_v1_DeleteScopeResponse, DeleteScopeResponse__Output as _keygate_v1_DeleteScopeResponse__Output } from '../../keygate/v1/DeleteScopeResponse';
import type { GetScopeRequest as _keygate_v1_GetScopeRequest, GetScopeRequest__Output as _keygate_v1_GetScopeRequest__Output } from '../../keygate/v1/GetScopeRequest';
import type { GetScopeResponse as _keygate_v1_GetScopeResponse, GetScopeResponse__Output as _keygate_v1_GetScopeResponse__Output } from '../../keygate/v1/GetScopeResponse';
import type { ListScopesRequest as _keygate_v1_ListScopesRequest, ListScopesRequest__Output as _keygate_v1_ListScopesRequest__Output } from '../../keygate/v1/ListScopesRequest';
import type { ListScopesResponse as _keygate_v1_ListScopesResponse, ListScopesResponse__Output as _keygate_v1_ListScopesResponse__Output } from '../../keygate/v1/ListScopesResponse';
import type { UpdateScopeRequest as _keygate_v1_UpdateScopeRequest, UpdateScopeRequest__Output as _keygate_v1_UpdateScopeRequest__Output } from '../../keygate/v1/UpdateScopeRequest';
import type { UpdateScopeResponse as _keygate_v1_UpdateScopeResponse, UpdateScopeResponse__Output as _keygate_v1_UpdateScopeResponse__Output } from '../../keygate/v1/UpdateScopeResponse';

/**
 * Scopes: the hierarchy inside a tenant (org, project, collective, team). Each scope can switch
 * API access off for itself and everything below it. Reading needs `scopes:read:all`; changes need
 * `scopes:write:all`, or `scopes:write:team` for the caller's principal's own scope (its team,
 * collective) and the scopes below it.
 */
export interface ScopeServiceClient extends grpc.Client {
  /**
   * Creates a scope, at the top of the tenant or under a parent.
   */
  CreateScope(argument: _keygate_v1_CreateScopeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateScopeResponse__Output>): grpc.ClientUnaryCall;
  CreateScope(argument: _keygate_v1_CreateScopeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_CreateScopeResponse__Output>): grpc.ClientUnaryCall;
  CreateScope(argument: _keygate_v1_CreateScopeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateScopeResponse__Output>): grpc.ClientUnaryCall;
  CreateScope(argument: _keygate_v1_CreateScopeRequest, callback: grpc.requestCallback<_keygate_v1_CreateScopeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a scope, at the top of the tenant or under a parent.
   */
  createScope(argument: _keygate_v1_CreateScopeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateScopeResponse__Output>): grpc.ClientUnaryCall;
  createScope(argument: _keygate_v1_CreateScopeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_CreateScopeResponse__Output>): grpc.ClientUnaryCall;
  createScope(argument: _keygate_v1_CreateScopeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateScopeResponse__Output>): grpc.ClientUnaryCall;
  createScope(argument: _keygate_v1_CreateScopeRequest, callback: grpc.requestCallback<_keygate_v1_CreateScopeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a scope that has no child scopes, keys or principals (else FAILED_PRECONDITION).
   */
  DeleteScope(argument: _keygate_v1_DeleteScopeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteScopeResponse__Output>): grpc.ClientUnaryCall;
  DeleteScope(argument: _keygate_v1_DeleteScopeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_DeleteScopeResponse__Output>): grpc.ClientUnaryCall;
  DeleteScope(argument: _keygate_v1_DeleteScopeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteScopeResponse__Output>): grpc.ClientUnaryCall;
  DeleteScope(argument: _keygate_v1_DeleteScopeRequest, callback: grpc.requestCallback<_keygate_v1_DeleteScopeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a scope that has no child scopes, keys or principals (else FAILED_PRECONDITION).
   */
  deleteScope(argument: _keygate_v1_DeleteScopeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteScopeResponse__Output>): grpc.ClientUnaryCall;
  deleteScope(argument: _keygate_v1_DeleteScopeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_DeleteScopeResponse__Output>): grpc.ClientUnaryCall;
  deleteScope(argument: _keygate_v1_DeleteScopeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteScopeResponse__Output>): grpc.ClientUnaryCall;
  deleteScope(argument: _keygate_v1_DeleteScopeRequest, callback: grpc.requestCallback<_keygate_v1_DeleteScopeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns one scope.
   */
  GetScope(argument: _keygate_v1_GetScopeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetScopeResponse__Output>): grpc.ClientUnaryCall;
  GetScope(argument: _keygate_v1_GetScopeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_GetScopeResponse__Output>): grpc.ClientUnaryCall;
  GetScope(argument: _keygate_v1_GetScopeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetScopeResponse__Output>): grpc.ClientUnaryCall;
  GetScope(argument: _keygate_v1_GetScopeRequest, callback: grpc.requestCallback<_keygate_v1_GetScopeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns one scope.
   */
  getScope(argument: _keygate_v1_GetScopeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetScopeResponse__Output>): grpc.ClientUnaryCall;
  getScope(argument: _keygate_v1_GetScopeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_GetScopeResponse__Output>): grpc.ClientUnaryCall;
  getScope(argument: _keygate_v1_GetScopeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetScopeResponse__Output>): grpc.ClientUnaryCall;
  getScope(argument: _keygate_v1_GetScopeRequest, callback: grpc.requestCallback<_keygate_v1_GetScopeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists scopes, optionally the children of one parent.
   */
  ListScopes(argument: _keygate_v1_ListScopesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListScopesResponse__Output>): grpc.ClientUnaryCall;
  ListScopes(argument: _keygate_v1_ListScopesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_ListScopesResponse__Output>): grpc.ClientUnaryCall;
  ListScopes(argument: _keygate_v1_ListScopesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListScopesResponse__Output>): grpc.ClientUnaryCall;
  ListScopes(argument: _keygate_v1_ListScopesRequest, callback: grpc.requestCallback<_keygate_v1_ListScopesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists scopes, optionally the children of one parent.
   */
  listScopes(argument: _keygate_v1_ListScopesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListScopesResponse__Output>): grpc.ClientUnaryCall;
  listScopes(argument: _keygate_v1_ListScopesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_ListScopesResponse__Output>): grpc.ClientUnaryCall;
  listScopes(argument: _keygate_v1_ListScopesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListScopesResponse__Output>): grpc.ClientUnaryCall;
  listScopes(argument: _keygate_v1_ListScopesRequest, callback: grpc.requestCallback<_keygate_v1_ListScopesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Renames a scope or switches its API access. Unset fields keep their value.
   */
  UpdateScope(argument: _keygate_v1_UpdateScopeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateScopeResponse__Output>): grpc.ClientUnaryCall;
  UpdateScope(argument: _keygate_v1_UpdateScopeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_UpdateScopeResponse__Output>): grpc.ClientUnaryCall;
  UpdateScope(argument: _keygate_v1_UpdateScopeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateScopeResponse__Output>): grpc.ClientUnaryCall;
  UpdateScope(argument: _keygate_v1_UpdateScopeRequest, callback: grpc.requestCallback<_keygate_v1_UpdateScopeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Renames a scope or switches its API access. Unset fields keep their value.
   */
  updateScope(argument: _keygate_v1_UpdateScopeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateScopeResponse__Output>): grpc.ClientUnaryCall;
  updateScope(argument: _keygate_v1_UpdateScopeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_UpdateScopeResponse__Output>): grpc.ClientUnaryCall;
  updateScope(argument: _keygate_v1_UpdateScopeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateScopeResponse__Output>): grpc.ClientUnaryCall;
  updateScope(argument: _keygate_v1_UpdateScopeRequest, callback: grpc.requestCallback<_keygate_v1_UpdateScopeResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Scopes: the hierarchy inside a tenant (org, project, collective, team). Each scope can switch
 * API access off for itself and everything below it. Reading needs `scopes:read:all`; changes need
 * `scopes:write:all`, or `scopes:write:team` for the caller's principal's own scope (its team,
 * collective) and the scopes below it.
 */
export interface ScopeServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Creates a scope, at the top of the tenant or under a parent.
   */
  CreateScope: grpc.handleUnaryCall<_keygate_v1_CreateScopeRequest__Output, _keygate_v1_CreateScopeResponse>;
  
  /**
   * Deletes a scope that has no child scopes, keys or principals (else FAILED_PRECONDITION).
   */
  DeleteScope: grpc.handleUnaryCall<_keygate_v1_DeleteScopeRequest__Output, _keygate_v1_DeleteScopeResponse>;
  
  /**
   * Returns one scope.
   */
  GetScope: grpc.handleUnaryCall<_keygate_v1_GetScopeRequest__Output, _keygate_v1_GetScopeResponse>;
  
  /**
   * Lists scopes, optionally the children of one parent.
   */
  ListScopes: grpc.handleUnaryCall<_keygate_v1_ListScopesRequest__Output, _keygate_v1_ListScopesResponse>;
  
  /**
   * Renames a scope or switches its API access. Unset fields keep their value.
   */
  UpdateScope: grpc.handleUnaryCall<_keygate_v1_UpdateScopeRequest__Output, _keygate_v1_UpdateScopeResponse>;
  
}

export interface ScopeServiceDefinition extends grpc.ServiceDefinition {
  CreateScope: MethodDefinition<_keygate_v1_CreateScopeRequest, _keygate_v1_CreateScopeResponse, _keygate_v1_CreateScopeRequest__Output, _keygate_v1_CreateScopeResponse__Output>
  DeleteScope: MethodDefinition<_keygate_v1_DeleteScopeRequest, _keygate_v1_DeleteScopeResponse, _keygate_v1_DeleteScopeRequest__Output, _keygate_v1_DeleteScopeResponse__Output>
  GetScope: MethodDefinition<_keygate_v1_GetScopeRequest, _keygate_v1_GetScopeResponse, _keygate_v1_GetScopeRequest__Output, _keygate_v1_GetScopeResponse__Output>
  ListScopes: MethodDefinition<_keygate_v1_ListScopesRequest, _keygate_v1_ListScopesResponse, _keygate_v1_ListScopesRequest__Output, _keygate_v1_ListScopesResponse__Output>
  UpdateScope: MethodDefinition<_keygate_v1_UpdateScopeRequest, _keygate_v1_UpdateScopeResponse, _keygate_v1_UpdateScopeRequest__Output, _keygate_v1_UpdateScopeResponse__Output>
}
