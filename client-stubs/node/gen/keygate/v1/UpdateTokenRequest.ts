// Original file: keygate/v1/api_keys.proto

import type { Tags as _keygate_v1_Tags, Tags__Output as _keygate_v1_Tags__Output } from '../../keygate/v1/Tags';
import type { TokenAccess as _keygate_v1_TokenAccess, TokenAccess__Output as _keygate_v1_TokenAccess__Output } from '../../keygate/v1/TokenAccess';
import type { Expiration as _keygate_v1_Expiration, Expiration__Output as _keygate_v1_Expiration__Output } from '../../keygate/v1/Expiration';

/**
 * Request of UpdateToken.
 */
export interface UpdateTokenRequest {
  /**
   * The token.
   */
  'tokenId'?: (string);
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
   * New access; unspecified keeps it.
   */
  'access'?: (_keygate_v1_TokenAccess);
  /**
   * New expiration; unset keeps it.
   */
  'expiration'?: (_keygate_v1_Expiration | null);
  '_name'?: "name";
  '_description'?: "description";
}

/**
 * Request of UpdateToken.
 */
export interface UpdateTokenRequest__Output {
  /**
   * The token.
   */
  'tokenId': (string);
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
   * New access; unspecified keeps it.
   */
  'access': (_keygate_v1_TokenAccess__Output);
  /**
   * New expiration; unset keeps it.
   */
  'expiration': (_keygate_v1_Expiration__Output | null);
  '_name'?: "name";
  '_description'?: "description";
}
