// Original file: keygate/v1/scopes.proto

import type { Scope as _keygate_v1_Scope, Scope__Output as _keygate_v1_Scope__Output } from '../../keygate/v1/Scope';

/**
 * Response of ListScopes.
 */
export interface ListScopesResponse {
  /**
   * Scopes in creation order.
   */
  'scopes'?: (_keygate_v1_Scope)[];
  /**
   * Token for the next page; empty on the last page.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of ListScopes.
 */
export interface ListScopesResponse__Output {
  /**
   * Scopes in creation order.
   */
  'scopes': (_keygate_v1_Scope__Output)[];
  /**
   * Token for the next page; empty on the last page.
   */
  'nextPageToken': (string);
}
