// Original file: keygate/v1/principals.proto

import type { PrincipalKind as _keygate_v1_PrincipalKind, PrincipalKind__Output as _keygate_v1_PrincipalKind__Output } from '../../keygate/v1/PrincipalKind';

/**
 * Request of ListPrincipals.
 */
export interface ListPrincipalsRequest {
  /**
   * Only this kind; unspecified lists all.
   */
  'kind'?: (_keygate_v1_PrincipalKind);
  /**
   * Only agents managed by this user.
   */
  'parentPrincipalId'?: (string);
  /**
   * Maximum items to return; default 50, at most 1000.
   */
  'pageSize'?: (number);
  /**
   * `next_page_token` of the previous page; empty for the first.
   */
  'pageToken'?: (string);
}

/**
 * Request of ListPrincipals.
 */
export interface ListPrincipalsRequest__Output {
  /**
   * Only this kind; unspecified lists all.
   */
  'kind': (_keygate_v1_PrincipalKind__Output);
  /**
   * Only agents managed by this user.
   */
  'parentPrincipalId': (string);
  /**
   * Maximum items to return; default 50, at most 1000.
   */
  'pageSize': (number);
  /**
   * `next_page_token` of the previous page; empty for the first.
   */
  'pageToken': (string);
}
