// Original file: keygate/v1/scopes.proto

import type { Scope as _keygate_v1_Scope, Scope__Output as _keygate_v1_Scope__Output } from '../../keygate/v1/Scope';

/**
 * Response of CreateScope.
 */
export interface CreateScopeResponse {
  /**
   * The scope as stored.
   */
  'scope'?: (_keygate_v1_Scope | null);
}

/**
 * Response of CreateScope.
 */
export interface CreateScopeResponse__Output {
  /**
   * The scope as stored.
   */
  'scope': (_keygate_v1_Scope__Output | null);
}
