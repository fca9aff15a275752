// Original file: keygate/v1/api_keys.proto

import type { CredentialState as _keygate_v1_CredentialState, CredentialState__Output as _keygate_v1_CredentialState__Output } from '../../keygate/v1/CredentialState';

/**
 * Request of ListApiKeys. Filters combine with AND.
 */
export interface ListApiKeysRequest {
  /**
   * Only keys of this owner.
   */
  'ownerPrincipalId'?: (string);
  /**
   * Only keys bound to this scope.
   */
  'scopeId'?: (string);
  /**
   * Only keys with this role.
   */
  'roleId'?: (string);
  /**
   * Only keys in this state.
   */
  'state'?: (_keygate_v1_CredentialState);
  /**
   * Only keys with this tag: `name` (any value) or `name=value`.
   */
  'tag'?: (string);
  /**
   * Maximum items to return; default 50, at most 1000.
   */
  'pageSize'?: (number);
  /**
   * `next_page_token` of the previous page with the same filters; empty for the first.
   */
  'pageToken'?: (string);
}

/**
 * Request of ListApiKeys. Filters combine with AND.
 */
export interface ListApiKeysRequest__Output {
  /**
   * Only keys of this owner.
   */
  'ownerPrincipalId': (string);
  /**
   * Only keys bound to this scope.
   */
  'scopeId': (string);
  /**
   * Only keys with this role.
   */
  'roleId': (string);
  /**
   * Only keys in this state.
   */
  'state': (_keygate_v1_CredentialState__Output);
  /**
   * Only keys with this tag: `name` (any value) or `name=value`.
   */
  'tag': (string);
  /**
   * Maximum items to return; default 50, at most 1000.
   */
  'pageSize': (number);
  /**
   * `next_page_token` of the previous page with the same filters; empty for the first.
   */
  'pageToken': (string);
}
