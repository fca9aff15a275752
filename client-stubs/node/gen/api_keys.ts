import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from './google/protobuf/Duration';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { ApiKey as _keygate_v1_ApiKey, ApiKey__Output as _keygate_v1_ApiKey__Output } from './keygate/v1/ApiKey';
import type { ApiKeyServiceClient as _keygate_v1_ApiKeyServiceClient, ApiKeyServiceDefinition as _keygate_v1_ApiKeyServiceDefinition } from './keygate/v1/ApiKeyService';
import type { AuthorizeRequest as _keygate_v1_AuthorizeRequest, AuthorizeRequest__Output as _keygate_v1_AuthorizeRequest__Output } from './keygate/v1/AuthorizeRequest';
import type { AuthorizeResponse as _keygate_v1_AuthorizeResponse, AuthorizeResponse__Output as _keygate_v1_AuthorizeResponse__Output } from './keygate/v1/AuthorizeResponse';
import type { AuthorizerServiceClient as _keygate_v1_AuthorizerServiceClient, AuthorizerServiceDefinition as _keygate_v1_AuthorizerServiceDefinition } from './keygate/v1/AuthorizerService';
import type { CreateApiKeyRequest as _keygate_v1_CreateApiKeyRequest, CreateApiKeyRequest__Output as _keygate_v1_CreateApiKeyRequest__Output } from './keygate/v1/CreateApiKeyRequest';
import type { CreateApiKeyResponse as _keygate_v1_CreateApiKeyResponse, CreateApiKeyResponse__Output as _keygate_v1_CreateApiKeyResponse__Output } from './keygate/v1/CreateApiKeyResponse';
import type { CreatePrincipalRequest as _keygate_v1_CreatePrincipalRequest, CreatePrincipalRequest__Output as _keygate_v1_CreatePrincipalRequest__Output } from './keygate/v1/CreatePrincipalRequest';
import type { CreatePrincipalResponse as _keygate_v1_CreatePrincipalResponse, CreatePrincipalResponse__Output as _keygate_v1_CreatePrincipalResponse__Output } from './keygate/v1/CreatePrincipalResponse';
import type { CreateTokenRequest as _keygate_v1_CreateTokenRequest, CreateTokenRequest__Output as _keygate_v1_CreateTokenRequest__Output } from './keygate/v1/CreateTokenRequest';
import type { CreateTokenResponse as _keygate_v1_CreateTokenResponse, CreateTokenResponse__Output as _keygate_v1_CreateTokenResponse__Output } from './keygate/v1/CreateTokenResponse';
import type { DeleteApiKeyRequest as _keygate_v1_DeleteApiKeyRequest, DeleteApiKeyRequest__Output as _keygate_v1_DeleteApiKeyRequest__Output } from './keygate/v1/DeleteApiKeyRequest';
import type { DeleteApiKeyResponse as _keygate_v1_DeleteApiKeyResponse, DeleteApiKeyResponse__Output as _keygate_v1_DeleteApiKeyResponse__Output } from './keygate/v1/DeleteApiKeyResponse';
import type { DeletePrincipalRequest as _keygate_v1_DeletePrincipalRequest, DeletePrincipalRequest__Output as _keygate_v1_DeletePrincipalRequest__Output } from './keygate/v1/DeletePrincipalRequest';
import type { DeletePrincipalResponse as _keygate_v1_DeletePrincipalResponse, DeletePrincipalResponse__Output as _keygate_v1_DeletePrincipalResponse__Output } from './keygate/v1/DeletePrincipalResponse';
import type { DeleteTokenRequest as _keygate_v1_DeleteTokenRequest, DeleteTokenRequest__Output as _keygate_v1_DeleteTokenRequest__Output } from './keygate/v1/DeleteTokenRequest';
import type { DeleteTokenResponse as _keygate_v1_DeleteTokenResponse, DeleteTokenResponse__Output as _keygate_v1_DeleteTokenResponse__Output } from './keygate/v1/DeleteTokenResponse';
import type { Expiration as _keygate_v1_Expiration, Expiration__Output as _keygate_v1_Expiration__Output } from './keygate/v1/Expiration';
import type { GetApiKeyRequest as _keygate_v1_GetApiKeyRequest, GetApiKeyRequest__Output as _keygate_v1_GetApiKeyRequest__Output } from './keygate/v1/GetApiKeyRequest';
import type { GetApiKeyResponse as _keygate_v1_GetApiKeyResponse, GetApiKeyResponse__Output as _keygate_v1_GetApiKeyResponse__Output } from './keygate/v1/GetApiKeyResponse';
import type { GetPrincipalRequest as _keygate_v1_GetPrincipalRequest, GetPrincipalRequest__Output as _keygate_v1_GetPrincipalRequest__Output } from './keygate/v1/GetPrincipalRequest';
import type { GetPrincipalResponse as _keygate_v1_GetPrincipalResponse, GetPrincipalResponse__Output as _keygate_v1_GetPrincipalResponse__Output } from './keygate/v1/GetPrincipalResponse';
import type { Identity as _keygate_v1_Identity, Identity__Output as _keygate_v1_Identity__Output } from './keygate/v1/Identity';
import type { KeyRateLimit as _keygate_v1_KeyRateLimit, KeyRateLimit__Output as _keygate_v1_KeyRateLimit__Output } from './keygate/v1/KeyRateLimit';
import type { Lifetime as _keygate_v1_Lifetime, Lifetime__Output as _keygate_v1_Lifetime__Output } from './keygate/v1/Lifetime';
import type { ListApiKeysRequest as _keygate_v1_ListApiKeysRequest, ListApiKeysRequest__Output as _keygate_v1_ListApiKeysRequest__Output } from './keygate/v1/ListApiKeysRequest';
import type { ListApiKeysResponse as _keygate_v1_ListApiKeysResponse, ListApiKeysResponse__Output as _keygate_v1_ListApiKeysResponse__Output } from './keygate/v1/ListApiKeysResponse';
import type { ListPrincipalsRequest as _keygate_v1_ListPrincipalsRequest, ListPrincipalsRequest__Output as _keygate_v1_ListPrincipalsRequest__Output } from './keygate/v1/ListPrincipalsRequest';
import type { ListPrincipalsResponse as _keygate_v1_ListPrincipalsResponse, ListPrincipalsResponse__Output as _keygate_v1_ListPrincipalsResponse__Output } from './keygate/v1/ListPrincipalsResponse';
import type { ListTokensRequest as _keygate_v1_ListTokensRequest, ListTokensRequest__Output as _keygate_v1_ListTokensRequest__Output } from './keygate/v1/ListTokensRequest';
import type { ListTokensResponse as _keygate_v1_ListTokensResponse, ListTokensResponse__Output as _keygate_v1_ListTokensResponse__Output } from './keygate/v1/ListTokensResponse';
import type { Principal as _keygate_v1_Principal, Principal__Output as _keygate_v1_Principal__Output } from './keygate/v1/Principal';
import type { PrincipalServiceClient as _keygate_v1_PrincipalServiceClient, PrincipalServiceDefinition as _keygate_v1_PrincipalServiceDefinition } from './keygate/v1/PrincipalService';
import type { RateLimitStatus as _keygate_v1_RateLimitStatus, RateLimitStatus__Output as _keygate_v1_RateLimitStatus__Output } from './keygate/v1/RateLimitStatus';
import type { RevokeApiKeyRequest as _keygate_v1_RevokeApiKeyRequest, RevokeApiKeyRequest__Output as _keygate_v1_RevokeApiKeyRequest__Output } from './keygate/v1/RevokeApiKeyRequest';
import type { RevokeApiKeyResponse as _keygate_v1_RevokeApiKeyResponse, RevokeApiKeyResponse__Output as _keygate_v1_RevokeApiKeyResponse__Output } from './keygate/v1/RevokeApiKeyResponse';
import type { RotateTokenRequest as _keygate_v1_RotateTokenRequest, RotateTokenRequest__Output as _keygate_v1_RotateTokenRequest__Output } from './keygate/v1/RotateTokenRequest';
import type { RotateTokenResponse as _keygate_v1_RotateTokenResponse, RotateTokenResponse__Output as _keygate_v1_RotateTokenResponse__Output } from './keygate/v1/RotateTokenResponse';
import type { StringList as _keygate_v1_StringList, StringList__Output as _keygate_v1_StringList__Output } from './keygate/v1/StringList';
import type { Tags as _keygate_v1_Tags, Tags__Output as _keygate_v1_Tags__Output } from './keygate/v1/Tags';
import type { Token as _keygate_v1_Token, Token__Output as _keygate_v1_Token__Output } from './keygate/v1/Token';
import type { TokenSpec as _keygate_v1_TokenSpec, TokenSpec__Output as _keygate_v1_TokenSpec__Output } from './keygate/v1/TokenSpec';
import type { UpdateApiKeyRequest as _keygate_v1_UpdateApiKeyRequest, UpdateApiKeyRequest__Output as _keygate_v1_UpdateApiKeyRequest__Output } from './keygate/v1/UpdateApiKeyRequest';
import type { UpdateApiKeyResponse as _keygate_v1_UpdateApiKeyResponse, UpdateApiKeyResponse__Output as _keygate_v1_UpdateApiKeyResponse__Output } from './keygate/v1/UpdateApiKeyResponse';
import type { UpdatePrincipalRequest as _keygate_v1_UpdatePrincipalRequest, UpdatePrincipalRequest__Output as _keygate_v1_UpdatePrincipalRequest__Output } from './keygate/v1/UpdatePrincipalRequest';
import type { UpdatePrincipalResponse as _keygate_v1_UpdatePrincipalResponse, UpdatePrincipalResponse__Output as _keygate_v1_UpdatePrincipalResponse__Output } from './keygate/v1/UpdatePrincipalResponse';
import type { UpdateTokenRequest as _keygate_v1_UpdateTokenRequest, UpdateTokenRequest__Output as _keygate_v1_UpdateTokenRequest__Output } from './keygate/v1/UpdateTokenRequest';
import type { UpdateTokenResponse as _keygate_v1_UpdateTokenResponse, UpdateTokenResponse__Output as _keygate_v1_UpdateTokenResponse__Output } from './keygate/v1/UpdateTokenResponse';

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
      ApiKey: MessageTypeDefinition<_keygate_v1_ApiKey, _keygate_v1_ApiKey__Output>
      /**
       * API keys and their tokens. A key is the long-lived, named object (owner, scope, role, rate
       * limit); its tokens are the secrets presented on requests. Deleting a key deletes its tokens.
       * 
       * Permissions: viewing needs `api-keys:read:all`, `api-keys:read:team` (keys of the caller's team:
       * its principal's scope and the scopes below) or `api-keys:read:own` (keys the caller owns or whose
       * owner is an agent it manages). Creating, updating and rotating need `api-keys:create:all` (any
       * key) or `api-keys:create:own`; revoking and deleting need `api-keys:delete:all` or
       * `api-keys:delete:own`. Keys of service accounts need the `:all` forms. An agent's credential can
       * never create, update or delete keys or tokens, and nobody can create tokens for internal agents.
       * 
       * No escalation: every key a call creates, changes, rotates, revokes or deletes — and every key whose
       * secret it returns — must hold no permission the caller does not hold, before and after the change
       * (PERMISSION_DENIED otherwise); a key bound to a scope acts only on keys bound to that scope or one
       * below it. See docs/management-api.md.
       */
      ApiKeyService: SubtypeConstructor<typeof grpc.Client, _keygate_v1_ApiKeyServiceClient> & { service: _keygate_v1_ApiKeyServiceDefinition }
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
      CreateApiKeyRequest: MessageTypeDefinition<_keygate_v1_CreateApiKeyRequest, _keygate_v1_CreateApiKeyRequest__Output>
      CreateApiKeyResponse: MessageTypeDefinition<_keygate_v1_CreateApiKeyResponse, _keygate_v1_CreateApiKeyResponse__Output>
      CreatePrincipalRequest: MessageTypeDefinition<_keygate_v1_CreatePrincipalRequest, _keygate_v1_CreatePrincipalRequest__Output>
      CreatePrincipalResponse: MessageTypeDefinition<_keygate_v1_CreatePrincipalResponse, _keygate_v1_CreatePrincipalResponse__Output>
      CreateTokenRequest: MessageTypeDefinition<_keygate_v1_CreateTokenRequest, _keygate_v1_CreateTokenRequest__Output>
      CreateTokenResponse: MessageTypeDefinition<_keygate_v1_CreateTokenResponse, _keygate_v1_CreateTokenResponse__Output>
      CredentialState: EnumTypeDefinition
      CredentialTransport: EnumTypeDefinition
      Decision: EnumTypeDefinition
      DeleteApiKeyRequest: MessageTypeDefinition<_keygate_v1_DeleteApiKeyRequest, _keygate_v1_DeleteApiKeyRequest__Output>
      DeleteApiKeyResponse: MessageTypeDefinition<_keygate_v1_DeleteApiKeyResponse, _keygate_v1_DeleteApiKeyResponse__Output>
      DeletePrincipalRequest: MessageTypeDefinition<_keygate_v1_DeletePrincipalRequest, _keygate_v1_DeletePrincipalRequest__Output>
      DeletePrincipalResponse: MessageTypeDefinition<_keygate_v1_DeletePrincipalResponse, _keygate_v1_DeletePrincipalResponse__Output>
      DeleteTokenRequest: MessageTypeDefinition<_keygate_v1_DeleteTokenRequest, _keygate_v1_DeleteTokenRequest__Output>
      DeleteTokenResponse: MessageTypeDefinition<_keygate_v1_DeleteTokenResponse, _keygate_v1_DeleteTokenResponse__Output>
      Expiration: MessageTypeDefinition<_keygate_v1_Expiration, _keygate_v1_Expiration__Output>
      GetApiKeyRequest: MessageTypeDefinition<_keygate_v1_GetApiKeyRequest, _keygate_v1_GetApiKeyRequest__Output>
      GetApiKeyResponse: MessageTypeDefinition<_keygate_v1_GetApiKeyResponse, _keygate_v1_GetApiKeyResponse__Output>
      GetPrincipalRequest: MessageTypeDefinition<_keygate_v1_GetPrincipalRequest, _keygate_v1_GetPrincipalRequest__Output>
      GetPrincipalResponse: MessageTypeDefinition<_keygate_v1_GetPrincipalResponse, _keygate_v1_GetPrincipalResponse__Output>
      Identity: MessageTypeDefinition<_keygate_v1_Identity, _keygate_v1_Identity__Output>
      KeyRateLimit: MessageTypeDefinition<_keygate_v1_KeyRateLimit, _keygate_v1_KeyRateLimit__Output>
      Lifetime: MessageTypeDefinition<_keygate_v1_Lifetime, _keygate_v1_Lifetime__Output>
      LifetimeUnit: EnumTypeDefinition
      ListApiKeysRequest: MessageTypeDefinition<_keygate_v1_ListApiKeysRequest, _keygate_v1_ListApiKeysRequest__Output>
      ListApiKeysResponse: MessageTypeDefinition<_keygate_v1_ListApiKeysResponse, _keygate_v1_ListApiKeysResponse__Output>
      ListPrincipalsRequest: MessageTypeDefinition<_keygate_v1_ListPrincipalsRequest, _keygate_v1_ListPrincipalsRequest__Output>
      ListPrincipalsResponse: MessageTypeDefinition<_keygate_v1_ListPrincipalsResponse, _keygate_v1_ListPrincipalsResponse__Output>
      ListTokensRequest: MessageTypeDefinition<_keygate_v1_ListTokensRequest, _keygate_v1_ListTokensRequest__Output>
      ListTokensResponse: MessageTypeDefinition<_keygate_v1_ListTokensResponse, _keygate_v1_ListTokensResponse__Output>
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
      RevokeApiKeyRequest: MessageTypeDefinition<_keygate_v1_RevokeApiKeyRequest, _keygate_v1_RevokeApiKeyRequest__Output>
      RevokeApiKeyResponse: MessageTypeDefinition<_keygate_v1_RevokeApiKeyResponse, _keygate_v1_RevokeApiKeyResponse__Output>
      RotateTokenRequest: MessageTypeDefinition<_keygate_v1_RotateTokenRequest, _keygate_v1_RotateTokenRequest__Output>
      RotateTokenResponse: MessageTypeDefinition<_keygate_v1_RotateTokenResponse, _keygate_v1_RotateTokenResponse__Output>
      StringList: MessageTypeDefinition<_keygate_v1_StringList, _keygate_v1_StringList__Output>
      Tags: MessageTypeDefinition<_keygate_v1_Tags, _keygate_v1_Tags__Output>
      Token: MessageTypeDefinition<_keygate_v1_Token, _keygate_v1_Token__Output>
      TokenAccess: EnumTypeDefinition
      TokenSpec: MessageTypeDefinition<_keygate_v1_TokenSpec, _keygate_v1_TokenSpec__Output>
      UpdateApiKeyRequest: MessageTypeDefinition<_keygate_v1_UpdateApiKeyRequest, _keygate_v1_UpdateApiKeyRequest__Output>
      UpdateApiKeyResponse: MessageTypeDefinition<_keygate_v1_UpdateApiKeyResponse, _keygate_v1_UpdateApiKeyResponse__Output>
      UpdatePrincipalRequest: MessageTypeDefinition<_keygate_v1_UpdatePrincipalRequest, _keygate_v1_UpdatePrincipalRequest__Output>
      UpdatePrincipalResponse: MessageTypeDefinition<_keygate_v1_UpdatePrincipalResponse, _keygate_v1_UpdatePrincipalResponse__Output>
      UpdateTokenRequest: MessageTypeDefinition<_keygate_v1_UpdateTokenRequest, _keygate_v1_UpdateTokenRequest__Output>
      UpdateTokenResponse: MessageTypeDefinition<_keygate_v1_UpdateTokenResponse, _keygate_v1_UpdateTokenResponse__Output>
    }
  }
}

