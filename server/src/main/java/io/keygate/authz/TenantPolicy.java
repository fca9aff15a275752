package io.keygate.authz;

/**
 * The tenant settings the hot path applies.
 *
 * @param system whether this is the system tenant, whose keys may manage other tenants
 * @param acceptsApiKeyHeader whether {@code X-API-Key} is accepted
 * @param acceptsBearer whether {@code Authorization: Bearer} is accepted
 * @param ipLimitRequests per-client-IP requests per window; 0 = no limit
 * @param ipLimitWindowSeconds the per-IP window
 */
public record TenantPolicy(
    String tenantId,
    boolean system,
    boolean apiAccessEnabled,
    boolean acceptsApiKeyHeader,
    boolean acceptsBearer,
    long ipLimitRequests,
    int ipLimitWindowSeconds) {}
