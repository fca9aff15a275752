package io.keygate.manage;

import io.keygate.authz.TenantPolicy;
import io.keygate.v1.PrincipalKind;
import java.util.List;

/**
 * The authenticated caller of a management RPC: its key's effective permissions, scope binding and
 * token access — everything the no-escalation rules compare a target with.
 *
 * @param policy the settings of the caller's tenant (its token rules; {@link TenantPolicy#system()}:
 *     whether it may manage other tenants)
 * @param principalScopeId the scope (team) of the caller's principal; {@code null} if none
 * @param scopeId the scope the caller's key is bound to; {@code null} for a tenant-wide key. A
 *     scope-bound caller acts only inside that scope and the scopes below it.
 * @param permissions the caller key's effective permissions
 * @param readOnly whether the presented token is read-only (refused for every change)
 * @param clientIp the address the call came from, for the audit log
 */
public record Caller(
    String tenantId,
    TenantPolicy policy,
    String principalId,
    PrincipalKind principalKind,
    String parentPrincipalId,
    String principalScopeId,
    String apiKeyId,
    String tokenId,
    String scopeId,
    List<String> permissions,
    boolean readOnly,
    String clientIp) {

  public Caller {
    permissions = List.copyOf(permissions);
  }

  /** The actor Keygate itself uses for bootstrap. */
  public static Caller system(String tenantId) {
    return new Caller(tenantId, TenantPolicy.defaults(tenantId, true), "system",
        PrincipalKind.PRINCIPAL_KIND_UNSPECIFIED, null, null, "", "", null, List.of("*"), false, "");
  }

  /** Whether the caller's tenant is the system tenant, whose keys may manage other tenants. */
  public boolean systemTenant() {
    return policy.system();
  }

  public boolean isAgent() {
    return principalKind == PrincipalKind.PRINCIPAL_KIND_AGENT;
  }

  /** True when the caller's key is bound to a scope. */
  public boolean scopeBound() {
    return scopeId != null;
  }
}
