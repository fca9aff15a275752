// Original file: keygate/v1/api_keys.proto

import type { KeyRateLimit as _keygate_v1_KeyRateLimit, KeyRateLimit__Output as _keygate_v1_KeyRateLimit__Output } from '../../keygate/v1/KeyRateLimit';
import type { Expiration as _keygate_v1_Expiration, Expiration__Output as _keygate_v1_Expiration__Output } from '../../keygate/v1/Expiration';
import type { TokenSpec as _keygate_v1_TokenSpec, TokenSpec__Output as _keygate_v1_TokenSpec__Output } from '../../keygate/v1/TokenSpec';

/**
 * Request of CreateApiKey.
 */
export interface CreateApiKeyRequest {
  /**
   * Name, 1–200 characters.
   */
  'name'?: (string);
  /**
   * Description; optional.
   */
  'description'?: (string);
  /**
   * Tags; optional.
   */
  'tags'?: ({[key: string]: string});
  /**
   * Owner; empty: the caller's own principal.
   */
  'ownerPrincipalId'?: (string);
  /**
   * Scope to bind it to; empty: tenant-wide.
   */
  'scopeId'?: (string);
  /**
   * Role; empty: no role. The caller must hold every permission of the role.
   */
  'roleId'?: (string);
  /**
   * Per-key rate limit; unset fields take the tenant's defaults.
   */
  'rateLimit'?: (_keygate_v1_KeyRateLimit | null);
  /**
   * Expiration of the key itself. Unset: never.
   */
  'expiration'?: (_keygate_v1_Expiration | null);
  /**
   * If set, a first token is created with the key and its secret returned.
   */
  'initialToken'?: (_keygate_v1_TokenSpec | null);
}

/**
 * Request of CreateApiKey.
 */
export interface CreateApiKeyRequest__Output {
  /**
   * Name, 1–200 characters.
   */
  'name': (string);
  /**
   * Description; optional.
   */
  'description': (string);
  /**
   * Tags; optional.
   */
  'tags': ({[key: string]: string});
  /**
   * Owner; empty: the caller's own principal.
   */
  'ownerPrincipalId': (string);
  /**
   * Scope to bind it to; empty: tenant-wide.
   */
  'scopeId': (string);
  /**
   * Role; empty: no role. The caller must hold every permission of the role.
   */
  'roleId': (string);
  /**
   * Per-key rate limit; unset fields take the tenant's defaults.
   */
  'rateLimit': (_keygate_v1_KeyRateLimit__Output | null);
  /**
   * Expiration of the key itself. Unset: never.
   */
  'expiration': (_keygate_v1_Expiration__Output | null);
  /**
   * If set, a first token is created with the key and its secret returned.
   */
  'initialToken': (_keygate_v1_TokenSpec__Output | null);
}
