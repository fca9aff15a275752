// Original file: keygate/v1/principals.proto

import type { Principal as _keygate_v1_Principal, Principal__Output as _keygate_v1_Principal__Output } from '../../keygate/v1/Principal';

/**
 * Response of UpdatePrincipal.
 */
export interface UpdatePrincipalResponse {
  /**
   * The principal after the change.
   */
  'principal'?: (_keygate_v1_Principal | null);
}

/**
 * Response of UpdatePrincipal.
 */
export interface UpdatePrincipalResponse__Output {
  /**
   * The principal after the change.
   */
  'principal': (_keygate_v1_Principal__Output | null);
}
