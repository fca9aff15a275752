// Original file: keygate/v1/scopes.proto


/**
 * Request of ListScopes.
 */
export interface ListScopesRequest {
  /**
   * Only the direct children of this scope; empty lists every scope of the tenant.
   */
  'parentId'?: (string);
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
 * Request of ListScopes.
 */
export interface ListScopesRequest__Output {
  /**
   * Only the direct children of this scope; empty lists every scope of the tenant.
   */
  'parentId': (string);
  /**
   * Maximum items to return; default 50, at most 1000.
   */
  'pageSize': (number);
  /**
   * `next_page_token` of the previous page; empty for the first.
   */
  'pageToken': (string);
}
