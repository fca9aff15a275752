// Original file: keygate/v1/roles.proto


/**
 * Request of ListRoles.
 */
export interface ListRolesRequest {
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
 * Request of ListRoles.
 */
export interface ListRolesRequest__Output {
  /**
   * Maximum items to return; default 50, at most 1000.
   */
  'pageSize': (number);
  /**
   * `next_page_token` of the previous page; empty for the first.
   */
  'pageToken': (string);
}
