// Original file: keygate/v1/principals.proto

import type { Principal as _keygate_v1_Principal, Principal__Output as _keygate_v1_Principal__Output } from '../../keygate/v1/Principal';

/**
 * Response of CreatePrincipal.
 */
export interface CreatePrincipalResponse {
  /**
   * The principal as stored.
   */
  'principal'?: (_keygate_v1_Principal | null);
}

/**
 * Response of CreatePrincipal.
 */
export interface CreatePrincipalResponse__Output {
  /**
   * The principal as stored.
   */
  'principal': (_keygate_v1_Principal__Output | null);
}
