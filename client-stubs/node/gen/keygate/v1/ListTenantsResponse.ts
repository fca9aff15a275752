// Original file: keygate/v1/tenants.proto

import type { Tenant as _keygate_v1_Tenant, Tenant__Output as _keygate_v1_Tenant__Output } from '../../keygate/v1/Tenant';

/**
 * Response of ListTenants.
 */
export interface ListTenantsResponse {
  /**
   * Tenants in creation order.
   */
  'tenants'?: (_keygate_v1_Tenant)[];
  /**
   * Token for the next page; empty on the last page.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of ListTenants.
 */
export interface ListTenantsResponse__Output {
  /**
   * Tenants in creation order.
   */
  'tenants': (_keygate_v1_Tenant__Output)[];
  /**
   * Token for the next page; empty on the last page.
   */
  'nextPageToken': (string);
}
