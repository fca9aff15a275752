// Original file: keygate/v1/api_keys.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateApiKeyRequest as _keygate_v1_CreateApiKeyRequest, CreateApiKeyRequest__Output as _keygate_v1_CreateApiKeyRequest__Output } from '../../keygate/v1/CreateApiKeyRequest';
import type { CreateApiKeyResponse as _keygate_v1_CreateApiKeyResponse, CreateApiKeyResponse__Output as _keygate_v1_CreateApiKeyResponse__Output } from '../../keygate/v1/CreateApiKeyResponse';
import type { CreateTokenRequest as _keygate_v1_CreateTokenRequest, CreateTokenRequest__Output as _keygate_v1_CreateTokenRequest__Output } from '../../keygate/v1/CreateTokenRequest';
import type { CreateTokenResponse as _keygate_v1_CreateTokenResponse, CreateTokenResponse__Output as _keygate_v1_CreateTokenResponse__Output } from '../../keygate/v1/CreateTokenResponse';
import type { DeleteApiKeyRequest as _keygate_v1_DeleteApiKeyRequest, DeleteApiKeyRequest__Output as _keygate_v1_DeleteApiKeyRequest__Output } from '../../keygate/v1/DeleteApiKeyRequest';
import type { DeleteApiKeyResponse as _keygate_v1_DeleteApiKeyResponse, DeleteApiKeyResponse__Output as _keygate_v1_DeleteApiKeyResponse__Output } from '../../keygate/v1/DeleteApiKeyResponse';
import type { DeleteTokenRequest as _keygate_v1_DeleteTokenRequest, DeleteTokenRequest__Output as _keygate_v1_DeleteTokenRequest__Output } from '../../keygate/v1/DeleteTokenRequest';
import type { DeleteTokenResponse as _keygate_v1_DeleteTokenResponse, DeleteTokenResponse__Output as _keygate_v1_DeleteTokenResponse__Output } from '../../keygate/v1/DeleteTokenResponse';
import type { GetApiKeyRequest as _keygate_v1_GetApiKeyRequest, GetApiKeyRequest__Output as _keygate_v1_GetApiKeyRequest__Output } from '../../keygate/v1/GetApiKeyRequest';
import type { GetApiKeyResponse as _keygate_v1_GetApiKeyResponse, GetApiKeyResponse__Output as _keygate_v1_GetApiKeyResponse__Output } from '../../keygate/v1/GetApiKeyResponse';
import type { ListApiKeysRequest as _keygate_v1_ListApiKeysRequest, ListApiKeysRequest__Output as _keygate_v1_ListApiKeysRequest__Output } from '../../keygate/v1/ListApiKeysRequest';
import type { ListApiKeysResponse as _keygate_v1_ListApiKeysResponse, ListApiKeysResponse__Output as _keygate_v1_ListApiKeysResponse__Output } from '../../keygate/v1/ListApiKeysResponse';
import type { ListTokensRequest as _keygate_v1_ListTokensRequest, ListTokensRequest__Output as _keygate_v1_ListTokensRequest__Output } from '../../keygate/v1/ListTokensRequest';
import type { ListTokensResponse as _keygate_v1_ListTokensResponse, ListTokensResponse__Output as _keygate_v1_ListTokensResponse__Output } from '../../keygate/v1/ListTokensResponse';
import type { RevokeApiKeyRequest as _keygate_v1_RevokeApiKeyRequest, RevokeApiKeyRequest__Output as _keygate_v1_RevokeApiKeyRequest__Output } from '../../keygate/v1/RevokeApiKeyRequest';
import type { RevokeApiKeyResponse as _keygate_v1_RevokeApiKeyResponse, RevokeApiKeyResponse__Output as _keygate_v1_RevokeApiKeyResponse__Output } from '../../keygate/v1/RevokeApiKeyResponse';
import type { RotateTokenRequest as _keygate_v1_RotateTokenRequest, RotateTokenRequest__Output as _keygate_v1_RotateTokenRequest__Output } from '../../keygate/v1/RotateTokenRequest';
import type { RotateTokenResponse as _keygate_v1_RotateTokenResponse, RotateTokenResponse__Output as _keygate_v1_RotateTokenResponse__Output } from '../../keygate/v1/RotateTokenResponse';
import type { UpdateApiKeyRequest as _keygate_v1_UpdateApiKeyRequest, UpdateApiKeyRequest__Output as _keygate_v1_UpdateApiKeyRequest__Output } from '../../keygate/v1/UpdateApiKeyRequest';
import type { UpdateApiKeyResponse as _keygate_v1_UpdateApiKeyResponse, UpdateApiKeyResponse__Output as _keygate_v1_UpdateApiKeyResponse__Output } from '../../keygate/v1/UpdateApiKeyResponse';
import type { UpdateTokenRequest as _keygate_v1_UpdateTokenRequest, UpdateTokenRequest__Output as _keygate_v1_UpdateTokenRequest__Output } from '../../keygate/v1/UpdateTokenRequest';
import type { UpdateTokenResponse as _keygate_v1_UpdateTokenResponse, UpdateTokenResponse__Output as _keygate_v1_UpdateTokenResponse__Output } from '../../keygate/v1/UpdateTokenResponse';

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
export interface ApiKeyServiceClient extends grpc.Client {
  /**
   * Creates a key, and with `initial_token` set also its first token, in one transaction. The
   * tenant's token_issuers and token_owners apply (as to CreateToken and RotateToken); `role_id` is
   * INVALID_ARGUMENT in a tenant whose keys take their owner's permissions (PRINCIPAL_ROLE).
   */
  CreateApiKey(argument: _keygate_v1_CreateApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateApiKey(argument: _keygate_v1_CreateApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateApiKey(argument: _keygate_v1_CreateApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  CreateApiKey(argument: _keygate_v1_CreateApiKeyRequest, callback: grpc.requestCallback<_keygate_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a key, and with `initial_token` set also its first token, in one transaction. The
   * tenant's token_issuers and token_owners apply (as to CreateToken and RotateToken); `role_id` is
   * INVALID_ARGUMENT in a tenant whose keys take their owner's permissions (PRINCIPAL_ROLE).
   */
  createApiKey(argument: _keygate_v1_CreateApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _keygate_v1_CreateApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _keygate_v1_CreateApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  createApiKey(argument: _keygate_v1_CreateApiKeyRequest, callback: grpc.requestCallback<_keygate_v1_CreateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Issues a new token under a key and returns its secret once.
   */
  CreateToken(argument: _keygate_v1_CreateTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  CreateToken(argument: _keygate_v1_CreateTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  CreateToken(argument: _keygate_v1_CreateTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  CreateToken(argument: _keygate_v1_CreateTokenRequest, callback: grpc.requestCallback<_keygate_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Issues a new token under a key and returns its secret once.
   */
  createToken(argument: _keygate_v1_CreateTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  createToken(argument: _keygate_v1_CreateTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  createToken(argument: _keygate_v1_CreateTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  createToken(argument: _keygate_v1_CreateTokenRequest, callback: grpc.requestCallback<_keygate_v1_CreateTokenResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a key and all its tokens. Requests with its tokens get 401. Irreversible.
   */
  DeleteApiKey(argument: _keygate_v1_DeleteApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteApiKeyResponse__Output>): grpc.ClientUnaryCall;
  DeleteApiKey(argument: _keygate_v1_DeleteApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_DeleteApiKeyResponse__Output>): grpc.ClientUnaryCall;
  DeleteApiKey(argument: _keygate_v1_DeleteApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteApiKeyResponse__Output>): grpc.ClientUnaryCall;
  DeleteApiKey(argument: _keygate_v1_DeleteApiKeyRequest, callback: grpc.requestCallback<_keygate_v1_DeleteApiKeyResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a key and all its tokens. Requests with its tokens get 401. Irreversible.
   */
  deleteApiKey(argument: _keygate_v1_DeleteApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteApiKeyResponse__Output>): grpc.ClientUnaryCall;
  deleteApiKey(argument: _keygate_v1_DeleteApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_DeleteApiKeyResponse__Output>): grpc.ClientUnaryCall;
  deleteApiKey(argument: _keygate_v1_DeleteApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteApiKeyResponse__Output>): grpc.ClientUnaryCall;
  deleteApiKey(argument: _keygate_v1_DeleteApiKeyRequest, callback: grpc.requestCallback<_keygate_v1_DeleteApiKeyResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes one token. Requests with it get 401.
   */
  DeleteToken(argument: _keygate_v1_DeleteTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteTokenResponse__Output>): grpc.ClientUnaryCall;
  DeleteToken(argument: _keygate_v1_DeleteTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_DeleteTokenResponse__Output>): grpc.ClientUnaryCall;
  DeleteToken(argument: _keygate_v1_DeleteTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteTokenResponse__Output>): grpc.ClientUnaryCall;
  DeleteToken(argument: _keygate_v1_DeleteTokenRequest, callback: grpc.requestCallback<_keygate_v1_DeleteTokenResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes one token. Requests with it get 401.
   */
  deleteToken(argument: _keygate_v1_DeleteTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteTokenResponse__Output>): grpc.ClientUnaryCall;
  deleteToken(argument: _keygate_v1_DeleteTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_DeleteTokenResponse__Output>): grpc.ClientUnaryCall;
  deleteToken(argument: _keygate_v1_DeleteTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_DeleteTokenResponse__Output>): grpc.ClientUnaryCall;
  deleteToken(argument: _keygate_v1_DeleteTokenRequest, callback: grpc.requestCallback<_keygate_v1_DeleteTokenResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns one key.
   */
  GetApiKey(argument: _keygate_v1_GetApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetApiKeyResponse__Output>): grpc.ClientUnaryCall;
  GetApiKey(argument: _keygate_v1_GetApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_GetApiKeyResponse__Output>): grpc.ClientUnaryCall;
  GetApiKey(argument: _keygate_v1_GetApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetApiKeyResponse__Output>): grpc.ClientUnaryCall;
  GetApiKey(argument: _keygate_v1_GetApiKeyRequest, callback: grpc.requestCallback<_keygate_v1_GetApiKeyResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns one key.
   */
  getApiKey(argument: _keygate_v1_GetApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetApiKeyResponse__Output>): grpc.ClientUnaryCall;
  getApiKey(argument: _keygate_v1_GetApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_GetApiKeyResponse__Output>): grpc.ClientUnaryCall;
  getApiKey(argument: _keygate_v1_GetApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_GetApiKeyResponse__Output>): grpc.ClientUnaryCall;
  getApiKey(argument: _keygate_v1_GetApiKeyRequest, callback: grpc.requestCallback<_keygate_v1_GetApiKeyResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists the keys the caller may see, filtered, in creation order.
   */
  ListApiKeys(argument: _keygate_v1_ListApiKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  ListApiKeys(argument: _keygate_v1_ListApiKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  ListApiKeys(argument: _keygate_v1_ListApiKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  ListApiKeys(argument: _keygate_v1_ListApiKeysRequest, callback: grpc.requestCallback<_keygate_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists the keys the caller may see, filtered, in creation order.
   */
  listApiKeys(argument: _keygate_v1_ListApiKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _keygate_v1_ListApiKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _keygate_v1_ListApiKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  listApiKeys(argument: _keygate_v1_ListApiKeysRequest, callback: grpc.requestCallback<_keygate_v1_ListApiKeysResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists a key's tokens (never their secrets).
   */
  ListTokens(argument: _keygate_v1_ListTokensRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  ListTokens(argument: _keygate_v1_ListTokensRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  ListTokens(argument: _keygate_v1_ListTokensRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  ListTokens(argument: _keygate_v1_ListTokensRequest, callback: grpc.requestCallback<_keygate_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists a key's tokens (never their secrets).
   */
  listTokens(argument: _keygate_v1_ListTokensRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  listTokens(argument: _keygate_v1_ListTokensRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  listTokens(argument: _keygate_v1_ListTokensRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  listTokens(argument: _keygate_v1_ListTokensRequest, callback: grpc.requestCallback<_keygate_v1_ListTokensResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Revokes a key: every token of it is refused from now on (401 `credential_revoked`). The key
   * stays visible, in state REVOKED. Irreversible.
   */
  RevokeApiKey(argument: _keygate_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  RevokeApiKey(argument: _keygate_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  RevokeApiKey(argument: _keygate_v1_RevokeApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  RevokeApiKey(argument: _keygate_v1_RevokeApiKeyRequest, callback: grpc.requestCallback<_keygate_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Revokes a key: every token of it is refused from now on (401 `credential_revoked`). The key
   * stays visible, in state REVOKED. Irreversible.
   */
  revokeApiKey(argument: _keygate_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _keygate_v1_RevokeApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _keygate_v1_RevokeApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  revokeApiKey(argument: _keygate_v1_RevokeApiKeyRequest, callback: grpc.requestCallback<_keygate_v1_RevokeApiKeyResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Issues a new secret for a token and returns it once. The old secret stops working at once,
   * or at the end of the grace period.
   */
  RotateToken(argument: _keygate_v1_RotateTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_RotateTokenResponse__Output>): grpc.ClientUnaryCall;
  RotateToken(argument: _keygate_v1_RotateTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_RotateTokenResponse__Output>): grpc.ClientUnaryCall;
  RotateToken(argument: _keygate_v1_RotateTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_RotateTokenResponse__Output>): grpc.ClientUnaryCall;
  RotateToken(argument: _keygate_v1_RotateTokenRequest, callback: grpc.requestCallback<_keygate_v1_RotateTokenResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Issues a new secret for a token and returns it once. The old secret stops working at once,
   * or at the end of the grace period.
   */
  rotateToken(argument: _keygate_v1_RotateTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_RotateTokenResponse__Output>): grpc.ClientUnaryCall;
  rotateToken(argument: _keygate_v1_RotateTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_RotateTokenResponse__Output>): grpc.ClientUnaryCall;
  rotateToken(argument: _keygate_v1_RotateTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_RotateTokenResponse__Output>): grpc.ClientUnaryCall;
  rotateToken(argument: _keygate_v1_RotateTokenRequest, callback: grpc.requestCallback<_keygate_v1_RotateTokenResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Changes a key's name, description, tags, role, expiration or rate limit (never its id or
   * owner). Unset fields keep their value.
   */
  UpdateApiKey(argument: _keygate_v1_UpdateApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  UpdateApiKey(argument: _keygate_v1_UpdateApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_UpdateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  UpdateApiKey(argument: _keygate_v1_UpdateApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  UpdateApiKey(argument: _keygate_v1_UpdateApiKeyRequest, callback: grpc.requestCallback<_keygate_v1_UpdateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Changes a key's name, description, tags, role, expiration or rate limit (never its id or
   * owner). Unset fields keep their value.
   */
  updateApiKey(argument: _keygate_v1_UpdateApiKeyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  updateApiKey(argument: _keygate_v1_UpdateApiKeyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_UpdateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  updateApiKey(argument: _keygate_v1_UpdateApiKeyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  updateApiKey(argument: _keygate_v1_UpdateApiKeyRequest, callback: grpc.requestCallback<_keygate_v1_UpdateApiKeyResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Changes a token's name, description, tags, access or expiration (never its id or secret).
   */
  UpdateToken(argument: _keygate_v1_UpdateTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateTokenResponse__Output>): grpc.ClientUnaryCall;
  UpdateToken(argument: _keygate_v1_UpdateTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_UpdateTokenResponse__Output>): grpc.ClientUnaryCall;
  UpdateToken(argument: _keygate_v1_UpdateTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateTokenResponse__Output>): grpc.ClientUnaryCall;
  UpdateToken(argument: _keygate_v1_UpdateTokenRequest, callback: grpc.requestCallback<_keygate_v1_UpdateTokenResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Changes a token's name, description, tags, access or expiration (never its id or secret).
   */
  updateToken(argument: _keygate_v1_UpdateTokenRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateTokenResponse__Output>): grpc.ClientUnaryCall;
  updateToken(argument: _keygate_v1_UpdateTokenRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_UpdateTokenResponse__Output>): grpc.ClientUnaryCall;
  updateToken(argument: _keygate_v1_UpdateTokenRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_UpdateTokenResponse__Output>): grpc.ClientUnaryCall;
  updateToken(argument: _keygate_v1_UpdateTokenRequest, callback: grpc.requestCallback<_keygate_v1_UpdateTokenResponse__Output>): grpc.ClientUnaryCall;
  
}

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
export interface ApiKeyServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Creates a key, and with `initial_token` set also its first token, in one transaction. The
   * tenant's token_issuers and token_owners apply (as to CreateToken and RotateToken); `role_id` is
   * INVALID_ARGUMENT in a tenant whose keys take their owner's permissions (PRINCIPAL_ROLE).
   */
  CreateApiKey: grpc.handleUnaryCall<_keygate_v1_CreateApiKeyRequest__Output, _keygate_v1_CreateApiKeyResponse>;
  
  /**
   * Issues a new token under a key and returns its secret once.
   */
  CreateToken: grpc.handleUnaryCall<_keygate_v1_CreateTokenRequest__Output, _keygate_v1_CreateTokenResponse>;
  
  /**
   * Deletes a key and all its tokens. Requests with its tokens get 401. Irreversible.
   */
  DeleteApiKey: grpc.handleUnaryCall<_keygate_v1_DeleteApiKeyRequest__Output, _keygate_v1_DeleteApiKeyResponse>;
  
  /**
   * Deletes one token. Requests with it get 401.
   */
  DeleteToken: grpc.handleUnaryCall<_keygate_v1_DeleteTokenRequest__Output, _keygate_v1_DeleteTokenResponse>;
  
  /**
   * Returns one key.
   */
  GetApiKey: grpc.handleUnaryCall<_keygate_v1_GetApiKeyRequest__Output, _keygate_v1_GetApiKeyResponse>;
  
  /**
   * Lists the keys the caller may see, filtered, in creation order.
   */
  ListApiKeys: grpc.handleUnaryCall<_keygate_v1_ListApiKeysRequest__Output, _keygate_v1_ListApiKeysResponse>;
  
  /**
   * Lists a key's tokens (never their secrets).
   */
  ListTokens: grpc.handleUnaryCall<_keygate_v1_ListTokensRequest__Output, _keygate_v1_ListTokensResponse>;
  
  /**
   * Revokes a key: every token of it is refused from now on (401 `credential_revoked`). The key
   * stays visible, in state REVOKED. Irreversible.
   */
  RevokeApiKey: grpc.handleUnaryCall<_keygate_v1_RevokeApiKeyRequest__Output, _keygate_v1_RevokeApiKeyResponse>;
  
  /**
   * Issues a new secret for a token and returns it once. The old secret stops working at once,
   * or at the end of the grace period.
   */
  RotateToken: grpc.handleUnaryCall<_keygate_v1_RotateTokenRequest__Output, _keygate_v1_RotateTokenResponse>;
  
  /**
   * Changes a key's name, description, tags, role, expiration or rate limit (never its id or
   * owner). Unset fields keep their value.
   */
  UpdateApiKey: grpc.handleUnaryCall<_keygate_v1_UpdateApiKeyRequest__Output, _keygate_v1_UpdateApiKeyResponse>;
  
  /**
   * Changes a token's name, description, tags, access or expiration (never its id or secret).
   */
  UpdateToken: grpc.handleUnaryCall<_keygate_v1_UpdateTokenRequest__Output, _keygate_v1_UpdateTokenResponse>;
  
}

export interface ApiKeyServiceDefinition extends grpc.ServiceDefinition {
  CreateApiKey: MethodDefinition<_keygate_v1_CreateApiKeyRequest, _keygate_v1_CreateApiKeyResponse, _keygate_v1_CreateApiKeyRequest__Output, _keygate_v1_CreateApiKeyResponse__Output>
  CreateToken: MethodDefinition<_keygate_v1_CreateTokenRequest, _keygate_v1_CreateTokenResponse, _keygate_v1_CreateTokenRequest__Output, _keygate_v1_CreateTokenResponse__Output>
  DeleteApiKey: MethodDefinition<_keygate_v1_DeleteApiKeyRequest, _keygate_v1_DeleteApiKeyResponse, _keygate_v1_DeleteApiKeyRequest__Output, _keygate_v1_DeleteApiKeyResponse__Output>
  DeleteToken: MethodDefinition<_keygate_v1_DeleteTokenRequest, _keygate_v1_DeleteTokenResponse, _keygate_v1_DeleteTokenRequest__Output, _keygate_v1_DeleteTokenResponse__Output>
  GetApiKey: MethodDefinition<_keygate_v1_GetApiKeyRequest, _keygate_v1_GetApiKeyResponse, _keygate_v1_GetApiKeyRequest__Output, _keygate_v1_GetApiKeyResponse__Output>
  ListApiKeys: MethodDefinition<_keygate_v1_ListApiKeysRequest, _keygate_v1_ListApiKeysResponse, _keygate_v1_ListApiKeysRequest__Output, _keygate_v1_ListApiKeysResponse__Output>
  ListTokens: MethodDefinition<_keygate_v1_ListTokensRequest, _keygate_v1_ListTokensResponse, _keygate_v1_ListTokensRequest__Output, _keygate_v1_ListTokensResponse__Output>
  RevokeApiKey: MethodDefinition<_keygate_v1_RevokeApiKeyRequest, _keygate_v1_RevokeApiKeyResponse, _keygate_v1_RevokeApiKeyRequest__Output, _keygate_v1_RevokeApiKeyResponse__Output>
  RotateToken: MethodDefinition<_keygate_v1_RotateTokenRequest, _keygate_v1_RotateTokenResponse, _keygate_v1_RotateTokenRequest__Output, _keygate_v1_RotateTokenResponse__Output>
  UpdateApiKey: MethodDefinition<_keygate_v1_UpdateApiKeyRequest, _keygate_v1_UpdateApiKeyResponse, _keygate_v1_UpdateApiKeyRequest__Output, _keygate_v1_UpdateApiKeyResponse__Output>
  UpdateToken: MethodDefinition<_keygate_v1_UpdateTokenRequest, _keygate_v1_UpdateTokenResponse, _keygate_v1_UpdateTokenRequest__Output, _keygate_v1_UpdateTokenResponse__Output>
}
