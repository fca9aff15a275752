// Original file: keygate/v1/authorizer.proto

import type { PrincipalKind as _keygate_v1_PrincipalKind, PrincipalKind__Output as _keygate_v1_PrincipalKind__Output } from '../../keygate/v1/PrincipalKind';
import type { TokenAccess as _keygate_v1_TokenAccess, TokenAccess__Output as _keygate_v1_TokenAccess__Output } from '../../keygate/v1/TokenAccess';

/**
 * The identity behind a valid credential.
 */
export interface Identity {
  /**
   * Tenant the key belongs to.
   */
  'tenantId'?: (string);
  /**
   * The API key.
   */
  'apiKeyId'?: (string);
  /**
   * The token (secret) of that key that was presented.
   */
  'tokenId'?: (string);
  /**
   * The principal that owns the key.
   */
  'principalId'?: (string);
  /**
   * Kind of the owning principal.
   */
  'principalKind'?: (_keygate_v1_PrincipalKind);
  /**
   * For an AI agent: the human that manages it. Empty otherwise.
   */
  'parentPrincipalId'?: (string);
  /**
   * The role the permissions came from; empty when the tenant's default permissions apply.
   */
  'roleId'?: (string);
  /**
   * Name of that role; empty when no role applies.
   */
  'roleName'?: (string);
  /**
   * The effective permissions (`resource:action[:qualifier]`, `*` wildcards allowed).
   */
  'permissions'?: (string)[];
  /**
   * Whether the token may write.
   */
  'tokenAccess'?: (_keygate_v1_TokenAccess);
  /**
   * Scope the key is bound to; empty for tenant-wide keys.
   */
  'scopeId'?: (string);
}

/**
 * The identity behind a valid credential.
 */
export interface Identity__Output {
  /**
   * Tenant the key belongs to.
   */
  'tenantId': (string);
  /**
   * The API key.
   */
  'apiKeyId': (string);
  /**
   * The token (secret) of that key that was presented.
   */
  'tokenId': (string);
  /**
   * The principal that owns the key.
   */
  'principalId': (string);
  /**
   * Kind of the owning principal.
   */
  'principalKind': (_keygate_v1_PrincipalKind__Output);
  /**
   * For an AI agent: the human that manages it. Empty otherwise.
   */
  'parentPrincipalId': (string);
  /**
   * The role the permissions came from; empty when the tenant's default permissions apply.
   */
  'roleId': (string);
  /**
   * Name of that role; empty when no role applies.
   */
  'roleName': (string);
  /**
   * The effective permissions (`resource:action[:qualifier]`, `*` wildcards allowed).
   */
  'permissions': (string)[];
  /**
   * Whether the token may write.
   */
  'tokenAccess': (_keygate_v1_TokenAccess__Output);
  /**
   * Scope the key is bound to; empty for tenant-wide keys.
   */
  'scopeId': (string);
}
