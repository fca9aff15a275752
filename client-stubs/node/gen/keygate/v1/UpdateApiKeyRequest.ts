// Original file: keygate/v1/api_keys.proto

import type { Tags as _keygate_v1_Tags, Tags__Output as _keygate_v1_Tags__Output } from '../../keygate/v1/Tags';
import type { KeyRateLimit as _keygate_v1_KeyRateLimit, KeyRateLimit__Output as _keygate_v1_KeyRateLimit__Output } from '../../keygate/v1/KeyRateLimit';
import type { Expiration as _keygate_v1_Expiration, Expiration__Output as _keygate_v1_Expiration__Output } from '../../keygate/v1/Expiration';

/**
 * Request of UpdateApiKey.
 */
export interface UpdateApiKeyRequest {
  /**
   * The key.
   */
  'apiKeyId'?: (string);
  /**
   * New name; unset keeps it.
   */
  'name'?: (string);
  /**
   * New description; unset keeps it.
   */
  'description'?: (string);
  /**
   * New tags, replacing all old ones; unset keeps them.
   */
  'tags'?: (_keygate_v1_Tags | null);
  /**
   * New role; unset keeps it, empty removes it. Never on the caller's own key.
   */
  'roleId'?: (string);
  /**
   * New per-key limit; unset keeps it.
   */
  'rateLimit'?: (_keygate_v1_KeyRateLimit | null);
  /**
   * New expiration; unset keeps it.
   */
  'expiration'?: (_keygate_v1_Expiration | null);
  '_name'?: "name";
  '_description'?: "description";
  '_roleId'?: "roleId";
}

/**
 * Request of UpdateApiKey.
 */
export interface UpdateApiKeyRequest__Output {
  /**
   * The key.
   */
  'apiKeyId': (string);
  /**
   * New name; unset keeps it.
   */
  'name'?: (string);
  /**
   * New description; unset keeps it.
   */
  'description'?: (string);
  /**
   * New tags, replacing all old ones; unset keeps them.
   */
  'tags': (_keygate_v1_Tags__Output | null);
  /**
   * New role; unset keeps it, empty removes it. Never on the caller's own key.
   */
  'roleId'?: (string);
  /**
   * New per-key limit; unset keeps it.
   */
  'rateLimit': (_keygate_v1_KeyRateLimit__Output | null);
  /**
   * New expiration; unset keeps it.
   */
  'expiration': (_keygate_v1_Expiration__Output | null);
  '_name'?: "name";
  '_description'?: "description";
  '_roleId'?: "roleId";
}
