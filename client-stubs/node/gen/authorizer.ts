import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { AuthorizeRequest as _keygate_v1_AuthorizeRequest, AuthorizeRequest__Output as _keygate_v1_AuthorizeRequest__Output } from './keygate/v1/AuthorizeRequest';
import type { AuthorizeResponse as _keygate_v1_AuthorizeResponse, AuthorizeResponse__Output as _keygate_v1_AuthorizeResponse__Output } from './keygate/v1/AuthorizeResponse';
import type { AuthorizerServiceClient as _keygate_v1_AuthorizerServiceClient, AuthorizerServiceDefinition as _keygate_v1_AuthorizerServiceDefinition } from './keygate/v1/AuthorizerService';
import type { CreatePrincipalRequest as _keygate_v1_CreatePrincipalRequest, CreatePrincipalRequest__Output as _keygate_v1_CreatePrincipalRequest__Output } from './keygate/v1/CreatePrincipalRequest';
import type { CreatePrincipalResponse as _keygate_v1_CreatePrincipalResponse, CreatePrincipalResponse__Output as _keygate_v1_CreatePrincipalResponse__Output } from './keygate/v1/CreatePrincipalResponse';
import type { DeletePrincipalRequest as _keygate_v1_DeletePrincipalRequest, DeletePrincipalRequest__Output as _keygate_v1_DeletePrincipalRequest__Output } from './keygate/v1/DeletePrincipalRequest';
import type { DeletePrincipalResponse as _keygate_v1_DeletePrincipalResponse, DeletePrincipalResponse__Output as _keygate_v1_DeletePrincipalResponse__Output } from './keygate/v1/DeletePrincipalResponse';
import type { Expiration as _keygate_v1_Expiration, Expiration__Output as _keygate_v1_Expiration__Output } from './keygate/v1/Expiration';
import type { GetPrincipalRequest as _keygate_v1_GetPrincipalRequest, GetPrincipalRequest__Output as _keygate_v1_GetPrincipalRequest__Output } from './keygate/v1/GetPrincipalRequest';
import type { GetPrincipalResponse as _keygate_v1_GetPrincipalResponse, GetPrincipalResponse__Output as _keygate_v1_GetPrincipalResponse__Output } from './keygate/v1/GetPrincipalResponse';
import type { Identity as _keygate_v1_Identity, Identity__Output as _keygate_v1_Identity__Output } from './keygate/v1/Identity';
import type { Lifetime as _keygate_v1_Lifetime, Lifetime__Output as _keygate_v1_Lifetime__Output } from './keygate/v1/Lifetime';
import type { ListPrincipalsRequest as _keygate_v1_ListPrincipalsRequest, ListPrincipalsRequest__Output as _keygate_v1_ListPrincipalsRequest__Output } from './keygate/v1/ListPrincipalsRequest';
import type { ListPrincipalsResponse as _keygate_v1_ListPrincipalsResponse, ListPrincipalsResponse__Output as _keygate_v1_ListPrincipalsResponse__Output } from './keygate/v1/ListPrincipalsResponse';
import type { Principal as _keygate_v1_Principal, Principal__Output as _keygate_v1_Principal__Output } from './keygate/v1/Principal';
import type { PrincipalServiceClient as _keygate_v1_PrincipalServiceClient, PrincipalServiceDefinition as _keygate_v1_PrincipalServiceDefinition } from './keygate/v1/PrincipalService';
import type { RateLimitStatus as _keygate_v1_RateLimitStatus, RateLimitStatus__Output as _keygate_v1_RateLimitStatus__Output } from './keygate/v1/RateLimitStatus';
import type { StringList as _keygate_v1_StringList, StringList__Output as _keygate_v1_StringList__Output } from './keygate/v1/StringList';
import type { Tags as _keygate_v1_Tags, Tags__Output as _keygate_v1_Tags__Output } from './keygate/v1/Tags';
import type { UpdatePrincipalRequest as _keygate_v1_UpdatePrincipalRequest, UpdatePrincipalRequest__Output as _keygate_v1_UpdatePrincipalRequest__Output } from './keygate/v1/UpdatePrincipalRequest';
import type { UpdatePrincipalResponse as _keygate_v1_UpdatePrincipalResponse, UpdatePrincipalResponse__Output as _keygate_v1_UpdatePrincipalResponse__Output } from './keygate/v1/UpdatePrincipalResponse';

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
      AcceptedCredentials: EnumTypeDefinition
      AuthorizeRequest: MessageTypeDefinition<_keygate_v1_AuthorizeRequest, _keygate_v1_AuthorizeRequest__Output>
      AuthorizeResponse: MessageTypeDefinition<_keygate_v1_AuthorizeResponse, _keygate_v1_AuthorizeResponse__Output>
      /**
       * The decision call. Applications on the same host ask it, for every request they serve, whether
       * the caller's credential is valid, allowed to do this, and within its rate limits.
       * 
       * Authorize needs no credential of its own: it judges the credential inside the request. Denials
       * are answers, not errors: the RPC fails only on bad input (INVALID_ARGUMENT) or when a backend it
       * needs is unreachable (UNAVAILABLE), so the caller's fail-open/fail-closed policy decides.
       */
      AuthorizerService: SubtypeConstructor<typeof grpc.Client, _keygate_v1_AuthorizerServiceClient> & { service: _keygate_v1_AuthorizerServiceDefinition }
      CreatePrincipalRequest: MessageTypeDefinition<_keygate_v1_CreatePrincipalRequest, _keygate_v1_CreatePrincipalRequest__Output>
      CreatePrincipalResponse: MessageTypeDefinition<_keygate_v1_CreatePrincipalResponse, _keygate_v1_CreatePrincipalResponse__Output>
      CredentialTransport: EnumTypeDefinition
      Decision: EnumTypeDefinition
      DeletePrincipalRequest: MessageTypeDefinition<_keygate_v1_DeletePrincipalRequest, _keygate_v1_DeletePrincipalRequest__Output>
      DeletePrincipalResponse: MessageTypeDefinition<_keygate_v1_DeletePrincipalResponse, _keygate_v1_DeletePrincipalResponse__Output>
      Expiration: MessageTypeDefinition<_keygate_v1_Expiration, _keygate_v1_Expiration__Output>
      GetPrincipalRequest: MessageTypeDefinition<_keygate_v1_GetPrincipalRequest, _keygate_v1_GetPrincipalRequest__Output>
      GetPrincipalResponse: MessageTypeDefinition<_keygate_v1_GetPrincipalResponse, _keygate_v1_GetPrincipalResponse__Output>
      Identity: MessageTypeDefinition<_keygate_v1_Identity, _keygate_v1_Identity__Output>
      Lifetime: MessageTypeDefinition<_keygate_v1_Lifetime, _keygate_v1_Lifetime__Output>
      LifetimeUnit: EnumTypeDefinition
      ListPrincipalsRequest: MessageTypeDefinition<_keygate_v1_ListPrincipalsRequest, _keygate_v1_ListPrincipalsRequest__Output>
      ListPrincipalsResponse: MessageTypeDefinition<_keygate_v1_ListPrincipalsResponse, _keygate_v1_ListPrincipalsResponse__Output>
      PermissionSource: EnumTypeDefinition
      Principal: MessageTypeDefinition<_keygate_v1_Principal, _keygate_v1_Principal__Output>
      PrincipalKind: EnumTypeDefinition
      /**
       * Principals: who owns keys. Users (humans), service accounts, and AI agents managed by a human.
       * Reading needs `principals:read:all`; changes need `principals:write:all`.
       */
      PrincipalService: SubtypeConstructor<typeof grpc.Client, _keygate_v1_PrincipalServiceClient> & { service: _keygate_v1_PrincipalServiceDefinition }
      RateLimitMode: EnumTypeDefinition
      RateLimitScope: EnumTypeDefinition
      RateLimitStatus: MessageTypeDefinition<_keygate_v1_RateLimitStatus, _keygate_v1_RateLimitStatus__Output>
      Reason: EnumTypeDefinition
      StringList: MessageTypeDefinition<_keygate_v1_StringList, _keygate_v1_StringList__Output>
      Tags: MessageTypeDefinition<_keygate_v1_Tags, _keygate_v1_Tags__Output>
      TokenAccess: EnumTypeDefinition
      UpdatePrincipalRequest: MessageTypeDefinition<_keygate_v1_UpdatePrincipalRequest, _keygate_v1_UpdatePrincipalRequest__Output>
      UpdatePrincipalResponse: MessageTypeDefinition<_keygate_v1_UpdatePrincipalResponse, _keygate_v1_UpdatePrincipalResponse__Output>
    }
  }
}

