// Original file: keygate/v1/principals.proto

import type { Principal as _keygate_v1_Principal, Principal__Output as _keygate_v1_Principal__Output } from '../../keygate/v1/Principal';

/**
 * Response of GetPrincipal.
 */
export interface GetPrincipalResponse {
  /**
   * The principal.
   */
  'principal'?: (_keygate_v1_Principal | null);
}

/**
 * Response of GetPrincipal.
 */
export interface GetPrincipalResponse__Output {
  /**
   * The principal.
   */
  'principal': (_keygate_v1_Principal__Output | null);
}
