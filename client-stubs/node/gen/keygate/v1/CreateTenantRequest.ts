// Original file: keygate/v1/tenants.proto

import type { TenantSettings as _keygate_v1_TenantSettings, TenantSettings__Output as _keygate_v1_TenantSettings__Output } from '../../keygate/v1/TenantSettings';

/**
 * Request of CreateTenant.
 */
export interface CreateTenantRequest {
  /**
   * Display name of the new tenant, 1–200 characters.
   */
  'name'?: (string);
  /**
   * Initial settings; unset fields take their defaults.
   */
  'settings'?: (_keygate_v1_TenantSettings | null);
  /**
   * Display name of the tenant's first admin user. Default "admin".
   */
  'adminDisplayName'?: (string);
  /**
   * E-mail of the first admin user; optional.
   */
  'adminEmail'?: (string);
}

/**
 * Request of CreateTenant.
 */
export interface CreateTenantRequest__Output {
  /**
   * Display name of the new tenant, 1–200 characters.
   */
  'name': (string);
  /**
   * Initial settings; unset fields take their defaults.
   */
  'settings': (_keygate_v1_TenantSettings__Output | null);
  /**
   * Display name of the tenant's first admin user. Default "admin".
   */
  'adminDisplayName': (string);
  /**
   * E-mail of the first admin user; optional.
   */
  'adminEmail': (string);
}
