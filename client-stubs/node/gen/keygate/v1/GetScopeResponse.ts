// Original file: keygate/v1/scopes.proto

import type { Scope as _keygate_v1_Scope, Scope__Output as _keygate_v1_Scope__Output } from '../../keygate/v1/Scope';

/**
 * Response of GetScope.
 */
export interface GetScopeResponse {
  /**
   * The scope.
   */
  'scope'?: (_keygate_v1_Scope | null);
}

/**
 * Response of GetScope.
 */
export interface GetScopeResponse__Output {
  /**
   * The scope.
   */
  'scope': (_keygate_v1_Scope__Output | null);
}
