// Original file: keygate/v1/tenants.proto

import type { TenantSettings as _keygate_v1_TenantSettings, TenantSettings__Output as _keygate_v1_TenantSettings__Output } from '../../keygate/v1/TenantSettings';

/**
 * Request of UpdateTenant.
 */
export interface UpdateTenantRequest {
  /**
   * Tenant to change; empty means the caller's own tenant.
   */
  'tenantId'?: (string);
  /**
   * New display name; unset keeps it.
   */
  'name'?: (string);
  /**
   * Settings to change; unset fields keep their value.
   */
  'settings'?: (_keygate_v1_TenantSettings | null);
  '_name'?: "name";
}

/**
 * Request of UpdateTenant.
 */
export interface UpdateTenantRequest__Output {
  /**
   * Tenant to change; empty means the caller's own tenant.
   */
  'tenantId': (string);
  /**
   * New display name; unset keeps it.
   */
  'name'?: (string);
  /**
   * Settings to change; unset fields keep their value.
   */
  'settings': (_keygate_v1_TenantSettings__Output | null);
  '_name'?: "name";
}
