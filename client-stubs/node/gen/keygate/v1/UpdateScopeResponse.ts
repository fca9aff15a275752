// Original file: keygate/v1/scopes.proto

import type { Scope as _keygate_v1_Scope, Scope__Output as _keygate_v1_Scope__Output } from '../../keygate/v1/Scope';

/**
 * Response of UpdateScope.
 */
export interface UpdateScopeResponse {
  /**
   * The scope after the change.
   */
  'scope'?: (_keygate_v1_Scope | null);
}

/**
 * Response of UpdateScope.
 */
export interface UpdateScopeResponse__Output {
  /**
   * The scope after the change.
   */
  'scope': (_keygate_v1_Scope__Output | null);
}
