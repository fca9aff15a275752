// Original file: keygate/v1/principals.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreatePrincipalRequest as _keygate_v1_CreatePrincipalRequest, CreatePrincipalRequest__Output as _keygate_v1_CreatePrincipalRequest__Output } from '../../keygate/v1/CreatePrincipalRequest';
import type { CreatePrincipalResponse as _keygate_v1_CreatePrincipalResponse, CreatePrincipalResponse__Output as _keygate_v1_CreatePrincipalResponse__Output } from '../../keygate/v1/CreatePrincipalResponse';
import type { DeletePrincipalRequest as _keygate_v1_DeletePrincipalRequest, DeletePrincipalRequest__Output as _keygate_v1_DeletePrincipalRequest__Output } from '../../keygate/v1/DeletePrincipalRequest';
import type { DeletePrincipalResponse as _keygate_v1_DeletePrincipalResponse, DeletePrincipalResponse__Output as _keygate_v1_DeletePrincipalResponse__Output } from '../../keygate/v1/DeletePrincipalResponse';
import type { GetPrincipalRequest as _keygate_v1_GetPrincipalRequest, GetPrincipalRequest__Output as _keygate_v1_GetPrincipalRequest__Output } from '../../keygate/v1/GetPrincipalRequest';
import type { GetPrincipalResponse as _keygate_v1_GetPrincipalResponse, GetPrincipalResponse__Output as _keygate_v1_GetPrincipalResponse__Output } from '../../keygate/v1/GetPrincipalResponse';
import type { ListPrincipalsRequest as _keygate_v1_ListPrincipalsRequest, ListPrincipalsRequest__Output as _keygate_v1_ListPrincipalsRequest__Output } from '../../keygate/v1/ListPrincipalsRequest';
import type { ListPrincipalsResponse as _keygate_v1_ListPrincipalsResponse, ListPrincipalsResponse__Output as _keygate_v1_ListPrincipalsResponse__Output } from '../../keygate/v1/ListPrincipalsResponse';
import type { UpdatePrincipalRequest as _keygate_v1_UpdatePrincipalRequest, UpdatePrincipalRequest__Output as _keygate_v1_UpdatePrincipalRequest__Output } from '../../keygate/v1/UpdatePrincipalRequest';
import type { UpdatePrincipalResponse as _keygate_v1_UpdatePrincipalResponse, UpdatePrincipalResponse__Output as _keygate_v1_UpdatePrincipalResponse__Output } from '../../keygate/v1/UpdatePrincipalResponse';

/**
 * Principals: who owns keys. Users (humans), service accounts, and AI agents managed by a human.
 * Reading needs `principals:read:all`; changes need `principals:write:all`.
 */
export interface PrincipalServiceClient extends grpc.Client {
  /**
   * Creates a principal.
   */
  CreatePrincipal(argument: _keygate_v1_CreatePrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  CreatePrincipal(argument: _keygate_v1_CreatePrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_CreatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  CreatePrincipal(argument: _keygate_v1_CreatePrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  CreatePrincipal(argument: _keygate_v1_CreatePrincipalRequest, callback: grpc.requestCallback<_keygate_v1_CreatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a principal.
   */
  createPrincipal(argument: _keygate_v1_CreatePrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  createPrincipal(argument: _keygate_v1_CreatePrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_CreatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  createPrincipal(argument: _keygate_v1_CreatePrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  createPrincipal(argument: _keygate_v1_CreatePrincipalRequest, callback: grpc.requestCallback<_keygate_v1_CreatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a principal that owns no keys and manages no agents (else FAILED_PRECONDITION).
   */
  DeletePrincipal(argument: _keygate_v1_DeletePrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeletePrincipalResponse__Output>): grpc.ClientUnaryCall;
  DeletePrincipal(argument: _keygate_v1_DeletePrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_DeletePrincipalResponse__Output>): grpc.ClientUnaryCall;
  DeletePrincipal(argument: _keygate_v1_DeletePrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeletePrincipalResponse__Output>): grpc.ClientUnaryCall;
  DeletePrincipal(argument: _keygate_v1_DeletePrincipalRequest, callback: grpc.requestCallback<_keygate_v1_DeletePrincipalResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a principal that owns no keys and manages no agents (else FAILED_PRECONDITION).
   */
  deletePrincipal(argument: _keygate_v1_DeletePrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeletePrincipalResponse__Output>): grpc.ClientUnaryCall;
  deletePrincipal(argument: _keygate_v1_DeletePrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_DeletePrincipalResponse__Output>): grpc.ClientUnaryCall;
  deletePrincipal(argument: _keygate_v1_DeletePrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeletePrincipalResponse__Output>): grpc.ClientUnaryCall;
  deletePrincipal(argument: _keygate_v1_DeletePrincipalRequest, callback: grpc.requestCallback<_keygate_v1_DeletePrincipalResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns one principal.
   */
  GetPrincipal(argument: _keygate_v1_GetPrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetPrincipalResponse__Output>): grpc.ClientUnaryCall;
  GetPrincipal(argument: _keygate_v1_GetPrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_GetPrincipalResponse__Output>): grpc.ClientUnaryCall;
  GetPrincipal(argument: _keygate_v1_GetPrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetPrincipalResponse__Output>): grpc.ClientUnaryCall;
  GetPrincipal(argument: _keygate_v1_GetPrincipalRequest, callback: grpc.requestCallback<_keygate_v1_GetPrincipalResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns one principal.
   */
  getPrincipal(argument: _keygate_v1_GetPrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetPrincipalResponse__Output>): grpc.ClientUnaryCall;
  getPrincipal(argument: _keygate_v1_GetPrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_GetPrincipalResponse__Output>): grpc.ClientUnaryCall;
  getPrincipal(argument: _keygate_v1_GetPrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetPrincipalResponse__Output>): grpc.ClientUnaryCall;
  getPrincipal(argument: _keygate_v1_GetPrincipalRequest, callback: grpc.requestCallback<_keygate_v1_GetPrincipalResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists principals, optionally filtered.
   */
  ListPrincipals(argument: _keygate_v1_ListPrincipalsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  ListPrincipals(argument: _keygate_v1_ListPrincipalsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  ListPrincipals(argument: _keygate_v1_ListPrincipalsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  ListPrincipals(argument: _keygate_v1_ListPrincipalsRequest, callback: grpc.requestCallback<_keygate_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists principals, optionally filtered.
   */
  listPrincipals(argument: _keygate_v1_ListPrincipalsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  listPrincipals(argument: _keygate_v1_ListPrincipalsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  listPrincipals(argument: _keygate_v1_ListPrincipalsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  listPrincipals(argument: _keygate_v1_ListPrincipalsRequest, callback: grpc.requestCallback<_keygate_v1_ListPrincipalsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Changes a principal's display name, e-mail, role or scope. Unset fields keep their value.
   */
  UpdatePrincipal(argument: _keygate_v1_UpdatePrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  UpdatePrincipal(argument: _keygate_v1_UpdatePrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_UpdatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  UpdatePrincipal(argument: _keygate_v1_UpdatePrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  UpdatePrincipal(argument: _keygate_v1_UpdatePrincipalRequest, callback: grpc.requestCallback<_keygate_v1_UpdatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Changes a principal's display name, e-mail, role or scope. Unset fields keep their value.
   */
  updatePrincipal(argument: _keygate_v1_UpdatePrincipalRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  updatePrincipal(argument: _keygate_v1_UpdatePrincipalRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_UpdatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  updatePrincipal(argument: _keygate_v1_UpdatePrincipalRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  updatePrincipal(argument: _keygate_v1_UpdatePrincipalRequest, callback: grpc.requestCallback<_keygate_v1_UpdatePrincipalResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Principals: who owns keys. Users (humans), service accounts, and AI agents managed by a human.
 * Reading needs `principals:read:all`; changes need `principals:write:all`.
 */
export interface PrincipalServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Creates a principal.
   */
  CreatePrincipal: grpc.handleUnaryCall<_keygate_v1_CreatePrincipalRequest__Output, _keygate_v1_CreatePrincipalResponse>;
  
  /**
   * Deletes a principal that owns no keys and manages no agents (else FAILED_PRECONDITION).
   */
  DeletePrincipal: grpc.handleUnaryCall<_keygate_v1_DeletePrincipalRequest__Output, _keygate_v1_DeletePrincipalResponse>;
  
  /**
   * Returns one principal.
   */
  GetPrincipal: grpc.handleUnaryCall<_keygate_v1_GetPrincipalRequest__Output, _keygate_v1_GetPrincipalResponse>;
  
  /**
   * Lists principals, optionally filtered.
   */
  ListPrincipals: grpc.handleUnaryCall<_keygate_v1_ListPrincipalsRequest__Output, _keygate_v1_ListPrincipalsResponse>;
  
  /**
   * Changes a principal's display name, e-mail, role or scope. Unset fields keep their value.
   */
  UpdatePrincipal: grpc.handleUnaryCall<_keygate_v1_UpdatePrincipalRequest__Output, _keygate_v1_UpdatePrincipalResponse>;
  
}

export interface PrincipalServiceDefinition extends grpc.ServiceDefinition {
  CreatePrincipal: MethodDefinition<_keygate_v1_CreatePrincipalRequest, _keygate_v1_CreatePrincipalResponse, _keygate_v1_CreatePrincipalRequest__Output, _keygate_v1_CreatePrincipalResponse__Output>
  DeletePrincipal: MethodDefinition<_keygate_v1_DeletePrincipalRequest, _keygate_v1_DeletePrincipalResponse, _keygate_v1_DeletePrincipalRequest__Output, _keygate_v1_DeletePrincipalResponse__Output>
  GetPrincipal: MethodDefinition<_keygate_v1_GetPrincipalRequest, _keygate_v1_GetPrincipalResponse, _keygate_v1_GetPrincipalRequest__Output, _keygate_v1_GetPrincipalResponse__Output>
  ListPrincipals: MethodDefinition<_keygate_v1_ListPrincipalsRequest, _keygate_v1_ListPrincipalsResponse, _keygate_v1_ListPrincipalsRequest__Output, _keygate_v1_ListPrincipalsResponse__Output>
  UpdatePrincipal: MethodDefinition<_keygate_v1_UpdatePrincipalRequest, _keygate_v1_UpdatePrincipalResponse, _keygate_v1_UpdatePrincipalRequest__Output, _keygate_v1_UpdatePrincipalResponse__Output>
}
