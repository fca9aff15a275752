// Original file: keygate/v1/tenants.proto


/**
 * Request of ListTenants.
 */
export interface ListTenantsRequest {
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
 * Request of ListTenants.
 */
export interface ListTenantsRequest__Output {
  /**
   * Maximum items to return; default 50, at most 1000.
   */
  'pageSize': (number);
  /**
   * `next_page_token` of the previous page; empty for the first.
   */
  'pageToken': (string);
}
