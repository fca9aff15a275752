// Original file: keygate/v1/tenants.proto

import type { Tenant as _keygate_v1_Tenant, Tenant__Output as _keygate_v1_Tenant__Output } from '../../keygate/v1/Tenant';

/**
 * Response of UpdateTenant.
 */
export interface UpdateTenantResponse {
  /**
   * The tenant after the change.
   */
  'tenant'?: (_keygate_v1_Tenant | null);
}

/**
 * Response of UpdateTenant.
 */
export interface UpdateTenantResponse__Output {
  /**
   * The tenant after the change.
   */
  'tenant': (_keygate_v1_Tenant__Output | null);
}
