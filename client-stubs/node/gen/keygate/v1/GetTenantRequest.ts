// Original file: keygate/v1/tenants.proto


/**
 * Request of GetTenant.
 */
export interface GetTenantRequest {
  /**
   * Tenant to read; empty means the caller's own tenant.
   */
  'tenantId'?: (string);
}

/**
 * Request of GetTenant.
 */
export interface GetTenantRequest__Output {
  /**
   * Tenant to read; empty means the caller's own tenant.
   */
  'tenantId': (string);
}
