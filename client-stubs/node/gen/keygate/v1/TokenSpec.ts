// Original file: keygate/v1/api_keys.proto

import type { TokenAccess as _keygate_v1_TokenAccess, TokenAccess__Output as _keygate_v1_TokenAccess__Output } from '../../keygate/v1/TokenAccess';
import type { Expiration as _keygate_v1_Expiration, Expiration__Output as _keygate_v1_Expiration__Output } from '../../keygate/v1/Expiration';

/**
 * What to set on a new token.
 */
export interface TokenSpec {
  /**
   * Name, 1–200 characters. Default: "default".
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
   * Access. Default READ_WRITE.
   */
  'access'?: (_keygate_v1_TokenAccess);
  /**
   * Expiration. Unset: as `never` (see Expiration.never).
   */
  'expiration'?: (_keygate_v1_Expiration | null);
}

/**
 * What to set on a new token.
 */
export interface TokenSpec__Output {
  /**
   * Name, 1–200 characters. Default: "default".
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
   * Access. Default READ_WRITE.
   */
  'access': (_keygate_v1_TokenAccess__Output);
  /**
   * Expiration. Unset: as `never` (see Expiration.never).
   */
  'expiration': (_keygate_v1_Expiration__Output | null);
}
