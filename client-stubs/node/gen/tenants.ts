import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from './google/protobuf/Duration';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { CreatePrincipalRequest as _keygate_v1_CreatePrincipalRequest, CreatePrincipalRequest__Output as _keygate_v1_CreatePrincipalRequest__Output } from './keygate/v1/CreatePrincipalRequest';
import type { CreatePrincipalResponse as _keygate_v1_CreatePrincipalResponse, CreatePrincipalResponse__Output as _keygate_v1_CreatePrincipalResponse__Output } from './keygate/v1/CreatePrincipalResponse';
import type { CreateTenantRequest as _keygate_v1_CreateTenantRequest, CreateTenantRequest__Output as _keygate_v1_CreateTenantRequest__Output } from './keygate/v1/CreateTenantRequest';
import type { CreateTenantResponse as _keygate_v1_CreateTenantResponse, CreateTenantResponse__Output as _keygate_v1_CreateTenantResponse__Output } from './keygate/v1/CreateTenantResponse';
import type { DeletePrincipalRequest as _keygate_v1_DeletePrincipalRequest, DeletePrincipalRequest__Output as _keygate_v1_DeletePrincipalRequest__Output } from './keygate/v1/DeletePrincipalRequest';
import type { DeletePrincipalResponse as _keygate_v1_DeletePrincipalResponse, DeletePrincipalResponse__Output as _keygate_v1_DeletePrincipalResponse__Output } from './keygate/v1/DeletePrincipalResponse';
import type { Expiration as _keygate_v1_Expiration, Expiration__Output as _keygate_v1_Expiration__Output } from './keygate/v1/Expiration';
import type { GetPrincipalRequest as _keygate_v1_GetPrincipalRequest, GetPrincipalRequest__Output as _keygate_v1_GetPrincipalRequest__Output } from './keygate/v1/GetPrincipalRequest';
import type { GetPrincipalResponse as _keygate_v1_GetPrincipalResponse, GetPrincipalResponse__Output as _keygate_v1_GetPrincipalResponse__Output } from './keygate/v1/GetPrincipalResponse';
import type { GetTenantRequest as _keygate_v1_GetTenantRequest, GetTenantRequest__Output as _keygate_v1_GetTenantRequest__Output } from './keygate/v1/GetTenantRequest';
import type { GetTenantResponse as _keygate_v1_GetTenantResponse, GetTenantResponse__Output as _keygate_v1_GetTenantResponse__Output } from './keygate/v1/GetTenantResponse';
import type { Lifetime as _keygate_v1_Lifetime, Lifetime__Output as _keygate_v1_Lifetime__Output } from './keygate/v1/Lifetime';
import type { ListPrincipalsRequest as _keygate_v1_ListPrincipalsRequest, ListPrincipalsRequest__Output as _keygate_v1_ListPrincipalsRequest__Output } from './keygate/v1/ListPrincipalsRequest';
import type { ListPrincipalsResponse as _keygate_v1_ListPrincipalsResponse, ListPrincipalsResponse__Output as _keygate_v1_ListPrincipalsResponse__Output } from './keygate/v1/ListPrincipalsResponse';
import type { ListTenantsRequest as _keygate_v1_ListTenantsRequest, ListTenantsRequest__Output as _keygate_v1_ListTenantsRequest__Output } from './keygate/v1/ListTenantsRequest';
import type { ListTenantsResponse as _keygate_v1_ListTenantsResponse, ListTenantsResponse__Output as _keygate_v1_ListTenantsResponse__Output } from './keygate/v1/ListTenantsResponse';
import type { Principal as _keygate_v1_Principal, Principal__Output as _keygate_v1_Principal__Output } from './keygate/v1/Principal';
import type { PrincipalServiceClient as _keygate_v1_PrincipalServiceClient, PrincipalServiceDefinition as _keygate_v1_PrincipalServiceDefinition } from './keygate/v1/PrincipalService';
import type { StringList as _keygate_v1_StringList, StringList__Output as _keygate_v1_StringList__Output } from './keygate/v1/StringList';
import type { Tags as _keygate_v1_Tags, Tags__Output as _keygate_v1_Tags__Output } from './keygate/v1/Tags';
import type { Tenant as _keygate_v1_Tenant, Tenant__Output as _keygate_v1_Tenant__Output } from './keygate/v1/Tenant';
import type { TenantServiceClient as _keygate_v1_TenantServiceClient, TenantServiceDefinition as _keygate_v1_TenantServiceDefinition } from './keygate/v1/TenantService';
import type { TenantSettings as _keygate_v1_TenantSettings, TenantSettings__Output as _keygate_v1_TenantSettings__Output } from './keygate/v1/TenantSettings';
import type { UpdatePrincipalRequest as _keygate_v1_UpdatePrincipalRequest, UpdatePrincipalRequest__Output as _keygate_v1_UpdatePrincipalRequest__Output } from './keygate/v1/UpdatePrincipalRequest';
import type { UpdatePrincipalResponse as _keygate_v1_UpdatePrincipalResponse, UpdatePrincipalResponse__Output as _keygate_v1_UpdatePrincipalResponse__Output } from './keygate/v1/UpdatePrincipalResponse';
import type { UpdateTenantRequest as _keygate_v1_UpdateTenantRequest, UpdateTenantRequest__Output as _keygate_v1_UpdateTenantRequest__Output } from './keygate/v1/UpdateTenantRequest';
import type { UpdateTenantResponse as _keygate_v1_UpdateTenantResponse, UpdateTenantResponse__Output as _keygate_v1_UpdateTenantResponse__Output } from './keygate/v1/UpdateTenantResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Duration: MessageTypeDefinition<_google_protobuf_Duration, _google_protobuf_Duration__Output>
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  keygate: {
    v1: {
      AcceptedCredentials: EnumTypeDefinition
      CreatePrincipalRequest: MessageTypeDefinition<_keygate_v1_CreatePrincipalRequest, _keygate_v1_CreatePrincipalRequest__Output>
      CreatePrincipalResponse: MessageTypeDefinition<_keygate_v1_CreatePrincipalResponse, _keygate_v1_CreatePrincipalResponse__Output>
      CreateTenantRequest: MessageTypeDefinition<_keygate_v1_CreateTenantRequest, _keygate_v1_CreateTenantRequest__Output>
      CreateTenantResponse: MessageTypeDefinition<_keygate_v1_CreateTenantResponse, _keygate_v1_CreateTenantResponse__Output>
      CredentialTransport: EnumTypeDefinition
      DeletePrincipalRequest: MessageTypeDefinition<_keygate_v1_DeletePrincipalRequest, _keygate_v1_DeletePrincipalRequest__Output>
      DeletePrincipalResponse: MessageTypeDefinition<_keygate_v1_DeletePrincipalResponse, _keygate_v1_DeletePrincipalResponse__Output>
      Expiration: MessageTypeDefinition<_keygate_v1_Expiration, _keygate_v1_Expiration__Output>
      GetPrincipalRequest: MessageTypeDefinition<_keygate_v1_GetPrincipalRequest, _keygate_v1_GetPrincipalRequest__Output>
      GetPrincipalResponse: MessageTypeDefinition<_keygate_v1_GetPrincipalResponse, _keygate_v1_GetPrincipalResponse__Output>
      GetTenantRequest: MessageTypeDefinition<_keygate_v1_GetTenantRequest, _keygate_v1_GetTenantRequest__Output>
      GetTenantResponse: MessageTypeDefinition<_keygate_v1_GetTenantResponse, _keygate_v1_GetTenantResponse__Output>
      Lifetime: MessageTypeDefinition<_keygate_v1_Lifetime, _keygate_v1_Lifetime__Output>
      LifetimeUnit: EnumTypeDefinition
      ListPrincipalsRequest: MessageTypeDefinition<_keygate_v1_ListPrincipalsRequest, _keygate_v1_ListPrincipalsRequest__Output>
      ListPrincipalsResponse: MessageTypeDefinition<_keygate_v1_ListPrincipalsResponse, _keygate_v1_ListPrincipalsResponse__Output>
      ListTenantsRequest: MessageTypeDefinition<_keygate_v1_ListTenantsRequest, _keygate_v1_ListTenantsRequest__Output>
      ListTenantsResponse: MessageTypeDefinition<_keygate_v1_ListTenantsResponse, _keygate_v1_ListTenantsResponse__Output>
      PermissionSource: EnumTypeDefinition
      Principal: MessageTypeDefinition<_keygate_v1_Principal, _keygate_v1_Principal__Output>
      PrincipalKind: EnumTypeDefinition
      /**
       * Principals: who owns keys. Users (humans), service accounts, and AI agents managed by a human.
       * Reading needs `principals:read:all`; changes need `principals:write:all`.
       */
      PrincipalService: SubtypeConstructor<typeof grpc.Client, _keygate_v1_PrincipalServiceClient> & { service: _keygate_v1_PrincipalServiceDefinition }
      RateLimitMode: EnumTypeDefinition
      StringList: MessageTypeDefinition<_keygate_v1_StringList, _keygate_v1_StringList__Output>
      Tags: MessageTypeDefinition<_keygate_v1_Tags, _keygate_v1_Tags__Output>
      Tenant: MessageTypeDefinition<_keygate_v1_Tenant, _keygate_v1_Tenant__Output>
      /**
       * Tenants: the isolation boundary. Nothing crosses a tenant: every other object belongs to one,
       * and another tenant's object is NOT_FOUND, never visible.
       * 
       * Every call needs a credential (`x-api-key` or `authorization: Bearer` metadata). Creating and
       * listing tenants needs `tenants:create:all` on a key of the system tenant (the one bootstrap made);
       * reading the caller's own tenant needs `tenant:read:all`, changing its settings `tenant:write:all`.
       */
      TenantService: SubtypeConstructor<typeof grpc.Client, _keygate_v1_TenantServiceClient> & { service: _keygate_v1_TenantServiceDefinition }
      TenantSettings: MessageTypeDefinition<_keygate_v1_TenantSettings, _keygate_v1_TenantSettings__Output>
      TokenIssuers: EnumTypeDefinition
      TokenOwners: EnumTypeDefinition
      UpdatePrincipalRequest: MessageTypeDefinition<_keygate_v1_UpdatePrincipalRequest, _keygate_v1_UpdatePrincipalRequest__Output>
      UpdatePrincipalResponse: MessageTypeDefinition<_keygate_v1_UpdatePrincipalResponse, _keygate_v1_UpdatePrincipalResponse__Output>
      UpdateTenantRequest: MessageTypeDefinition<_keygate_v1_UpdateTenantRequest, _keygate_v1_UpdateTenantRequest__Output>
      UpdateTenantResponse: MessageTypeDefinition<_keygate_v1_UpdateTenantResponse, _keygate_v1_UpdateTenantResponse__Output>
    }
  }
}

