// Original file: keygate/v1/principals.proto

import type { Principal as _keygate_v1_Principal, Principal__Output as _keygate_v1_Principal__Output } from '../../keygate/v1/Principal';

/**
 * Response of ListPrincipals.
 */
export interface ListPrincipalsResponse {
  /**
   * Principals in creation order.
   */
  'principals'?: (_keygate_v1_Principal)[];
  /**
   * Token for the next page; empty on the last page.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of ListPrincipals.
 */
export interface ListPrincipalsResponse__Output {
  /**
   * Principals in creation order.
   */
  'principals': (_keygate_v1_Principal__Output)[];
  /**
   * Token for the next page; empty on the last page.
   */
  'nextPageToken': (string);
}
