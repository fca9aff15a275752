package io.keygate.authz;

import io.keygate.v1.PrincipalKind;
import java.time.Instant;
import java.util.List;

/**
 * A {@link CredentialRecord} in the parts it is read in: the credential's own rows (its secret,
 * token, key and owner), its tenant's settings, and the role its permissions come from. Many
 * credentials share one tenant and a few roles, which change rarely, so a cache can hold those once
 * and a lookup read the credential's own rows only. Each part carries the change-log sequence its
 * read saw (see {@link CredentialRecord#version()}). {@link #join} is the one rule that puts the
 * parts together.
 */
public final class CredentialParts {
  private CredentialParts() {}

  /**
   * The credential's own rows.
   *
   * @param expiresAt the earliest of the token's, the key's and (after a rotation) the old secret's
   *     expiry; {@code null} if none
   * @param keyRoleId the key's own role; {@code null} if none
   * @param ownerRoleId the owning principal's role; {@code null} if none
   * @param keyLimitPerMinute the key's own limit; {@code null}: the tenant's
   * @param keyLimitEnforced the key's own limit mode; {@code null}: the tenant's
   * @param version the change-log sequence the read saw (see {@link CredentialRecord#version()})
   */
  public record Key(
      String tenantId,
      String apiKeyId,
      String tokenId,
      String principalId,
      PrincipalKind principalKind,
      String parentPrincipalId,
      String principalScopeId,
      String scopeId,
      String keyRoleId,
      String ownerRoleId,
      boolean readOnly,
      Instant expiresAt,
      boolean revoked,
      Long keyLimitPerMinute,
      Boolean keyLimitEnforced,
      long version) {

    /** The role this key's permissions come from in {@code tenant}; {@code null}: the defaults. */
    public String roleIdUnder(Tenant tenant) {
      return tenant.permissionsFromOwner() ? ownerRoleId : keyRoleId;
    }
  }

  /**
   * What a tenant's settings give its keys.
   *
   * @param permissionsFromOwner whether a key's permissions are its owner's role's (Harness) instead of
   *     its own role's
   * @param defaultPermissions what a key without a role holds
   * @param keyLimitPerMinute the per-key limit of keys without their own; 0 = none
   */
  public record Tenant(
      TenantPolicy policy,
      boolean permissionsFromOwner,
      List<String> defaultPermissions,
      long keyLimitPerMinute,
      boolean keyLimitEnforced,
      long version) {

    public Tenant {
      defaultPermissions = List.copyOf(defaultPermissions);
    }
  }

  /** A role as the decision needs it. */
  public record Role(Grant.Role role, long version) {}

  /**
   * The record of {@code key} in {@code tenant}, holding {@code role}: the one
   * {@link Key#roleIdUnder} names, {@code null} when it names none. Its version is its own rows'.
   */
  public static CredentialRecord join(Key key, Tenant tenant, Grant.Role role) {
    Grant grant = Grant.of(role, tenant.defaultPermissions());
    return new CredentialRecord(
        key.tenantId(),
        key.apiKeyId(),
        key.tokenId(),
        key.principalId(),
        key.principalKind(),
        key.parentPrincipalId(),
        key.principalScopeId(),
        key.scopeId(),
        grant.roleId(),
        grant.roleName(),
        grant.permissions(),
        key.readOnly(),
        key.expiresAt(),
        key.revoked(),
        key.keyLimitPerMinute() != null ? key.keyLimitPerMinute() : tenant.keyLimitPerMinute(),
        key.keyLimitEnforced() != null ? key.keyLimitEnforced() : tenant.keyLimitEnforced(),
        tenant.policy(),
        key.version());
  }
}
