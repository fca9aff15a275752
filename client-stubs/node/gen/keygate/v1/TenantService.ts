// Original file: keygate/v1/tenants.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateTenantRequest as _keygate_v1_CreateTenantRequest, CreateTenantRequest__Output as _keygate_v1_CreateTenantRequest__Output } from '../../keygate/v1/CreateTenantRequest';
import type { CreateTenantResponse as _keygate_v1_CreateTenantResponse, CreateTenantResponse__Output as _keygate_v1_CreateTenantResponse__Output } from '../../keygate/v1/CreateTenantResponse';
import type { GetTenantRequest as _keygate_v1_GetTenantRequest, GetTenantRequest__Output as _keygate_v1_GetTenantRequest__Output } from '../../keygate/v1/GetTenantRequest';
import type { GetTenantResponse as _keygate_v1_GetTenantResponse, GetTenantResponse__Output as _keygate_v1_GetTenantResponse__Output } from '../../keygate/v1/GetTenantResponse';
import type { ListTenantsRequest as _keygate_v1_ListTenantsRequest, ListTenantsRequest__Output as _keygate_v1_ListTenantsRequest__Output } from '../../keygate/v1/ListTenantsRequest';
import type { ListTenantsResponse as _keygate_v1_ListTenantsResponse, ListTenantsResponse__Output as _keygate_v1_ListTenantsResponse__Output } from '../../keygate/v1/ListTenantsResponse';
import type { UpdateTenantRequest as _keygate_v1_UpdateTenantRequest, UpdateTenantRequest__Output as _keygate_v1_UpdateTenantRequest__Output } from '../../keygate/v1/UpdateTenantRequest';
import type { UpdateTenantResponse as _keygate_v1_UpdateTenantResponse, UpdateTenantResponse__Output as _keygate_v1_UpdateTenantResponse__Output } from '../../keygate/v1/UpdateTenantResponse';

/**
 * Tenants: the isolation boundary. Nothing crosses a tenant: every other object belongs to one,
 * and another tenant's object is NOT_FOUND, never visible.
 * 
 * Every call needs a credential (`x-api-key` or `authorization: Bearer` metadata). Creating and
 * listing tenants needs `tenants:create:all` on a key of the system tenant (the one bootstrap made);
 * reading the caller's own tenant needs `tenant:read:all`, changing its settings `tenant:write:all`.
 */
export interface TenantServiceClient extends grpc.Client {
  /**
   * Creates a tenant with an `admin` role (permission `*`), an admin user and an admin key, and
   * returns that key's secret once.
   */
  CreateTenant(argument: _keygate_v1_CreateTenantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateTenantResponse__Output>): grpc.ClientUnaryCall;
  CreateTenant(argument: _keygate_v1_CreateTenantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_CreateTenantResponse__Output>): grpc.ClientUnaryCall;
  CreateTenant(argument: _keygate_v1_CreateTenantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateTenantResponse__Output>): grpc.ClientUnaryCall;
  CreateTenant(argument: _keygate_v1_CreateTenantRequest, callback: grpc.requestCallback<_keygate_v1_CreateTenantResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a tenant with an `admin` role (permission `*`), an admin user and an admin key, and
   * returns that key's secret once.
   */
  createTenant(argument: _keygate_v1_CreateTenantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateTenantResponse__Output>): grpc.ClientUnaryCall;
  createTenant(argument: _keygate_v1_CreateTenantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_CreateTenantResponse__Output>): grpc.ClientUnaryCall;
  createTenant(argument: _keygate_v1_CreateTenantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateTenantResponse__Output>): grpc.ClientUnaryCall;
  createTenant(argument: _keygate_v1_CreateTenantRequest, callback: grpc.requestCallback<_keygate_v1_CreateTenantResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns one tenant: the caller's own, or any for a system-tenant caller.
   */
  GetTenant(argument: _keygate_v1_GetTenantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetTenantResponse__Output>): grpc.ClientUnaryCall;
  GetTenant(argument: _keygate_v1_GetTenantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_GetTenantResponse__Output>): grpc.ClientUnaryCall;
  GetTenant(argument: _keygate_v1_GetTenantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetTenantResponse__Output>): grpc.ClientUnaryCall;
  GetTenant(argument: _keygate_v1_GetTenantRequest, callback: grpc.requestCallback<_keygate_v1_GetTenantResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns one tenant: the caller's own, or any for a system-tenant caller.
   */
  getTenant(argument: _keygate_v1_GetTenantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetTenantResponse__Output>): grpc.ClientUnaryCall;
  getTenant(argument: _keygate_v1_GetTenantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_GetTenantResponse__Output>): grpc.ClientUnaryCall;
  getTenant(argument: _keygate_v1_GetTenantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetTenantResponse__Output>): grpc.ClientUnaryCall;
  getTenant(argument: _keygate_v1_GetTenantRequest, callback: grpc.requestCallback<_keygate_v1_GetTenantResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists tenants (system-tenant callers only).
   */
  ListTenants(argument: _keygate_v1_ListTenantsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  ListTenants(argument: _keygate_v1_ListTenantsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  ListTenants(argument: _keygate_v1_ListTenantsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  ListTenants(argument: _keygate_v1_ListTenantsRequest, callback: grpc.requestCallback<_keygate_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists tenants (system-tenant callers only).
   */
  listTenants(argument: _keygate_v1_ListTenantsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  listTenants(argument: _keygate_v1_ListTenantsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  listTenants(argument: _keygate_v1_ListTenantsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  listTenants(argument: _keygate_v1_ListTenantsRequest, callback: grpc.requestCallback<_keygate_v1_ListTenantsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Changes a tenant's name or settings. Fields left unset keep their value.
   */
  UpdateTenant(argument: _keygate_v1_UpdateTenantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateTenantResponse__Output>): grpc.ClientUnaryCall;
  UpdateTenant(argument: _keygate_v1_UpdateTenantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_UpdateTenantResponse__Output>): grpc.ClientUnaryCall;
  UpdateTenant(argument: _keygate_v1_UpdateTenantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateTenantResponse__Output>): grpc.ClientUnaryCall;
  UpdateTenant(argument: _keygate_v1_UpdateTenantRequest, callback: grpc.requestCallback<_keygate_v1_UpdateTenantResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Changes a tenant's name or settings. Fields left unset keep their value.
   */
  updateTenant(argument: _keygate_v1_UpdateTenantRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateTenantResponse__Output>): grpc.ClientUnaryCall;
  updateTenant(argument: _keygate_v1_UpdateTenantRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_UpdateTenantResponse__Output>): grpc.ClientUnaryCall;
  updateTenant(argument: _keygate_v1_UpdateTenantRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateTenantResponse__Output>): grpc.ClientUnaryCall;
  updateTenant(argument: _keygate_v1_UpdateTenantRequest, callback: grpc.requestCallback<_keygate_v1_UpdateTenantResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Tenants: the isolation boundary. Nothing crosses a tenant: every other object belongs to one,
 * and another tenant's object is NOT_FOUND, never visible.
 * 
 * Every call needs a credential (`x-api-key` or `authorization: Bearer` metadata). Creating and
 * listing tenants needs `tenants:create:all` on a key of the system tenant (the one bootstrap made);
 * reading the caller's own tenant needs `tenant:read:all`, changing its settings `tenant:write:all`.
 */
export interface TenantServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Creates a tenant with an `admin` role (permission `*`), an admin user and an admin key, and
   * returns that key's secret once.
   */
  CreateTenant: grpc.handleUnaryCall<_keygate_v1_CreateTenantRequest__Output, _keygate_v1_CreateTenantResponse>;
  
  /**
   * Returns one tenant: the caller's own, or any for a system-tenant caller.
   */
  GetTenant: grpc.handleUnaryCall<_keygate_v1_GetTenantRequest__Output, _keygate_v1_GetTenantResponse>;
  
  /**
   * Lists tenants (system-tenant callers only).
   */
  ListTenants: grpc.handleUnaryCall<_keygate_v1_ListTenantsRequest__Output, _keygate_v1_ListTenantsResponse>;
  
  /**
   * Changes a tenant's name or settings. Fields left unset keep their value.
   */
  UpdateTenant: grpc.handleUnaryCall<_keygate_v1_UpdateTenantRequest__Output, _keygate_v1_UpdateTenantResponse>;
  
}

export interface TenantServiceDefinition extends grpc.ServiceDefinition {
  CreateTenant: MethodDefinition<_keygate_v1_CreateTenantRequest, _keygate_v1_CreateTenantResponse, _keygate_v1_CreateTenantRequest__Output, _keygate_v1_CreateTenantResponse__Output>
  GetTenant: MethodDefinition<_keygate_v1_GetTenantRequest, _keygate_v1_GetTenantResponse, _keygate_v1_GetTenantRequest__Output, _keygate_v1_GetTenantResponse__Output>
  ListTenants: MethodDefinition<_keygate_v1_ListTenantsRequest, _keygate_v1_ListTenantsResponse, _keygate_v1_ListTenantsRequest__Output, _keygate_v1_ListTenantsResponse__Output>
  UpdateTenant: MethodDefinition<_keygate_v1_UpdateTenantRequest, _keygate_v1_UpdateTenantResponse, _keygate_v1_UpdateTenantRequest__Output, _keygate_v1_UpdateTenantResponse__Output>
}
