import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { CreateScopeRequest as _keygate_v1_CreateScopeRequest, CreateScopeRequest__Output as _keygate_v1_CreateScopeRequest__Output } from './keygate/v1/CreateScopeRequest';
import type { CreateScopeResponse as _keygate_v1_CreateScopeResponse, CreateScopeResponse__Output as _keygate_v1_CreateScopeResponse__Output } from './keygate/v1/CreateScopeResponse';
import type { DeleteScopeRequest as _keygate_v1_DeleteScopeRequest, DeleteScopeRequest__Output as _keygate_v1_DeleteScopeRequest__Output } from './keygate/v1/DeleteScopeRequest';
import type { DeleteScopeResponse as _keygate_v1_DeleteScopeResponse, DeleteScopeResponse__Output as _keygate_v1_DeleteScopeResponse__Output } from './keygate/v1/DeleteScopeResponse';
import type { GetScopeRequest as _keygate_v1_GetScopeRequest, GetScopeRequest__Output as _keygate_v1_GetScopeRequest__Output } from './keygate/v1/GetScopeRequest';
import type { GetScopeResponse as _keygate_v1_GetScopeResponse, GetScopeResponse__Output as _keygate_v1_GetScopeResponse__Output } from './keygate/v1/GetScopeResponse';
import type { ListScopesRequest as _keygate_v1_ListScopesRequest, ListScopesRequest__Output as _keygate_v1_ListScopesRequest__Output } from './keygate/v1/ListScopesRequest';
import type { ListScopesResponse as _keygate_v1_ListScopesResponse, ListScopesResponse__Output as _keygate_v1_ListScopesResponse__Output } from './keygate/v1/ListScopesResponse';
import type { Scope as _keygate_v1_Scope, Scope__Output as _keygate_v1_Scope__Output } from './keygate/v1/Scope';
import type { ScopeServiceClient as _keygate_v1_ScopeServiceClient, ScopeServiceDefinition as _keygate_v1_ScopeServiceDefinition } from './keygate/v1/ScopeService';
import type { UpdateScopeRequest as _keygate_v1_UpdateScopeRequest, UpdateScopeRequest__Output as _keygate_v1_UpdateScopeRequest__Output } from './keygate/v1/UpdateScopeRequest';
import type { UpdateScopeResponse as _keygate_v1_UpdateScopeResponse, UpdateScopeResponse__Output as _keygate_v1_UpdateScopeResponse__Output } from './keygate/v1/UpdateScopeResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  keygate: {
    v1: {
      CreateScopeRequest: MessageTypeDefinition<_keygate_v1_CreateScopeRequest, _keygate_v1_CreateScopeRequest__Output>
      CreateScopeResponse: MessageTypeDefinition<_keygate_v1_CreateScopeResponse, _keygate_v1_CreateScopeResponse__Output>
      DeleteScopeRequest: MessageTypeDefinition<_keygate_v1_DeleteScopeRequest, _keygate_v1_DeleteScopeRequest__Output>
      DeleteScopeResponse: MessageTypeDefinition<_keygate_v1_DeleteScopeResponse, _keygate_v1_DeleteScopeResponse__Output>
      GetScopeRequest: MessageTypeDefinition<_keygate_v1_GetScopeRequest, _keygate_v1_GetScopeRequest__Output>
      GetScopeResponse: MessageTypeDefinition<_keygate_v1_GetScopeResponse, _keygate_v1_GetScopeResponse__Output>
      ListScopesRequest: MessageTypeDefinition<_keygate_v1_ListScopesRequest, _keygate_v1_ListScopesRequest__Output>
      ListScopesResponse: MessageTypeDefinition<_keygate_v1_ListScopesResponse, _keygate_v1_ListScopesResponse__Output>
      Scope: MessageTypeDefinition<_keygate_v1_Scope, _keygate_v1_Scope__Output>
      /**
       * Scopes: the hierarchy inside a tenant (org, project, collective, team). Each scope can switch
       * API access off for itself and everything below it. Reading needs `scopes:read:all`; changes need
       * `scopes:write:all`, or `scopes:write:team` for the caller's principal's own scope (its team,
       * collective) and the scopes below it.
       */
      ScopeService: SubtypeConstructor<typeof grpc.Client, _keygate_v1_ScopeServiceClient> & { service: _keygate_v1_ScopeServiceDefinition }
      UpdateScopeRequest: MessageTypeDefinition<_keygate_v1_UpdateScopeRequest, _keygate_v1_UpdateScopeRequest__Output>
      UpdateScopeResponse: MessageTypeDefinition<_keygate_v1_UpdateScopeResponse, _keygate_v1_UpdateScopeResponse__Output>
    }
  }
}

