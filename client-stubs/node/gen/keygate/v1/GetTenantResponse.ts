// Original file: keygate/v1/tenants.proto

import type { Tenant as _keygate_v1_Tenant, Tenant__Output as _keygate_v1_Tenant__Output } from '../../keygate/v1/Tenant';

/**
 * Response of GetTenant.
 */
export interface GetTenantResponse {
  /**
   * The tenant.
   */
  'tenant'?: (_keygate_v1_Tenant | null);
}

/**
 * Response of GetTenant.
 */
export interface GetTenantResponse__Output {
  /**
   * The tenant.
   */
  'tenant': (_keygate_v1_Tenant__Output | null);
}
