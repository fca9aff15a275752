// Original file: keygate/v1/tenants.proto

import type { Tenant as _keygate_v1_Tenant, Tenant__Output as _keygate_v1_Tenant__Output } from '../../keygate/v1/Tenant';
import type { Principal as _keygate_v1_Principal, Principal__Output as _keygate_v1_Principal__Output } from '../../keygate/v1/Principal';

/**
 * Response of CreateTenant.
 */
export interface CreateTenantResponse {
  /**
   * The tenant as stored.
   */
  'tenant'?: (_keygate_v1_Tenant | null);
  /**
   * The admin user created in it.
   */
  'adminPrincipal'?: (_keygate_v1_Principal | null);
  /**
   * Id of the admin key.
   */
  'adminApiKeyId'?: (string);
  /**
   * The admin key's secret. Shown only here, once; Keygate stores only its hash.
   */
  'adminSecret'?: (string);
}

/**
 * Response of CreateTenant.
 */
export interface CreateTenantResponse__Output {
  /**
   * The tenant as stored.
   */
  'tenant': (_keygate_v1_Tenant__Output | null);
  /**
   * The admin user created in it.
   */
  'adminPrincipal': (_keygate_v1_Principal__Output | null);
  /**
   * Id of the admin key.
   */
  'adminApiKeyId': (string);
  /**
   * The admin key's secret. Shown only here, once; Keygate stores only its hash.
   */
  'adminSecret': (string);
}
