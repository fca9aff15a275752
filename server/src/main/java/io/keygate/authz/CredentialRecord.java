package io.keygate.authz;

import io.keygate.v1.PrincipalKind;
import java.time.Instant;
import java.util.List;

/**
 * What the decision needs to know about one presented secret: its token, key, owner, effective
 * permissions and tenant policy, resolved by the store in one lookup.
 *
 * @param expiresAt the earliest of the token's, the key's and (after a rotation) the old secret's
 *     expiry; {@code null} if none
 * @param principalScopeId the scope (team) of the owning principal; {@code null} if none
 * @param scopeId the scope the key is bound to; {@code null} for tenant-wide
 * @param roleId the role the permissions came from; {@code null} when default permissions apply
 * @param permissions effective permissions (role's, or the tenant's defaults)
 * @param keyLimitPerMinute effective per-key limit (key's own, else the tenant's); 0 = none
 * @param version the change-log sequence visible to the read that produced this record: it reflects
 *     every change numbered up to {@code version} and none after (see {@link io.keygate.store.Change}),
 *     but for a record made of {@linkplain CredentialParts parts} whose tenant's settings or role were
 *     read after its own rows, which may reflect later changes of those
 */
public record CredentialRecord(
    String tenantId,
    String apiKeyId,
    String tokenId,
    String principalId,
    PrincipalKind principalKind,
    String parentPrincipalId,
    String principalScopeId,
    String scopeId,
    String roleId,
    String roleName,
    List<String> permissions,
    boolean readOnly,
    Instant expiresAt,
    boolean revoked,
    long keyLimitPerMinute,
    boolean keyLimitEnforced,
    TenantPolicy policy,
    long version) {

  public CredentialRecord {
    permissions = List.copyOf(permissions);
  }
}
