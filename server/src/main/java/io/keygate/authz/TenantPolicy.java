package io.keygate.authz;

import java.util.Set;

/**
 * The tenant settings that decisions and management rules apply to a tenant's keys
 * ({@code keygate.v1.TenantSettings}; see docs/tenant-profiles.md).
 *
 * @param system whether this is the system tenant, whose keys may manage other tenants
 * @param apiAccessEnabled false: decisions 403, management only to switch it on again
 * @param acceptsApiKeyHeader whether {@code X-API-Key} is accepted
 * @param acceptsBearer whether {@code Authorization: Bearer} is accepted
 * @param ipLimitRequests per-client-IP requests per window, counted for this tenant only; 0 = no limit
 * @param ipLimitWindowSeconds the per-IP window
 * @param failureGuardBlocksValidKeys whether a client over the deployment's failed-authentication
 *     guard is refused with this tenant's valid keys too
 * @param serviceAccountsIssueTokens whether service accounts holding {@code api-keys:create:all} may
 *     create keys and tokens (else only users)
 * @param tokensForAnyone whether issuers may create tokens for principals other than themselves and
 *     the agents they manage
 * @param tokenResources the resources whose writes count as managing keys and tokens (refused to agents)
 * @param routes the tenant's own route table; {@code null}: the deployment's
 * @param exactRateLimits whether the tenant's limits are counted request by request in the shared
 *     store instead of leased ({@code exact_rate_limits})
 */
public record TenantPolicy(
    String tenantId,
    boolean system,
    boolean apiAccessEnabled,
    boolean acceptsApiKeyHeader,
    boolean acceptsBearer,
    long ipLimitRequests,
    int ipLimitWindowSeconds,
    boolean failureGuardBlocksValidKeys,
    boolean serviceAccountsIssueTokens,
    boolean tokensForAnyone,
    Set<String> tokenResources,
    RouteTable routes,
    boolean exactRateLimits) {

  /** The resources that count as managing keys and tokens unless a tenant names others. */
  public static final Set<String> DEFAULT_TOKEN_RESOURCES = Set.of("api-keys", "tokens");

  public TenantPolicy {
    tokenResources = Set.copyOf(tokenResources);
  }

  /** A policy whose limits are leased (the default). */
  public TenantPolicy(String tenantId, boolean system, boolean apiAccessEnabled, boolean acceptsApiKeyHeader,
      boolean acceptsBearer, long ipLimitRequests, int ipLimitWindowSeconds, boolean failureGuardBlocksValidKeys,
      boolean serviceAccountsIssueTokens, boolean tokensForAnyone, Set<String> tokenResources, RouteTable routes) {
    this(tenantId, system, apiAccessEnabled, acceptsApiKeyHeader, acceptsBearer, ipLimitRequests,
        ipLimitWindowSeconds, failureGuardBlocksValidKeys, serviceAccountsIssueTokens, tokensForAnyone,
        tokenResources, routes, false);
  }

  /** The policy of a tenant with the default settings (what bootstrap acts under). */
  public static TenantPolicy defaults(String tenantId, boolean system) {
    return new TenantPolicy(tenantId, system, true, true, true, 1000, 900, true, true, true,
        DEFAULT_TOKEN_RESOURCES, null);
  }

  /** The routes this tenant's requests are mapped with: its own, else {@code deployment}'s. */
  public RouteTable routesOr(RouteTable deployment) {
    return routes != null ? routes : deployment;
  }
}
