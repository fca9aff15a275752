package io.keygate.manage;

import io.keygate.authz.Grant;
import io.keygate.store.postgres.PrincipalRows;
import io.keygate.store.postgres.RoleRows;
import io.keygate.v1.ApiKey;
import io.keygate.v1.PermissionSource;
import io.keygate.v1.Principal;
import io.keygate.v1.TenantSettings;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What keys hold, read inside a management transaction by the very rule decisions apply
 * ({@link Grant#of}): what the no-escalation checks compare with the caller's permissions.
 */
final class Grants {
  private Grants() {}

  /** What a key of {@code owner} with role {@code keyRoleId} (empty: none) holds in the tenant. */
  static Grant of(Connection c, TenantSettings settings, String tenantId, String keyRoleId, Principal owner)
      throws SQLException {
    return Grant.of(settings.getPermissionSource() == PermissionSource.PERMISSION_SOURCE_PRINCIPAL_ROLE,
        role(c, tenantId, keyRoleId), role(c, tenantId, owner.getRoleId()),
        settings.getDefaultPermissions().getValuesList());
  }

  /** What {@code key} holds now. */
  static Grant ofKey(Connection c, TenantSettings settings, ApiKey key) throws SQLException {
    Principal owner = PrincipalRows.find(c, key.getTenantId(), key.getOwnerPrincipalId()).orElseThrow();
    return of(c, settings, key.getTenantId(), key.getRoleId(), owner);
  }

  private static Grant.Role role(Connection c, String tenantId, String roleId) throws SQLException {
    if (roleId.isEmpty()) {
      return null;
    }
    return RoleRows.find(c, tenantId, roleId).map(r -> new Grant.Role(r.getId(), r.getName(),
        r.getPermissionsList())).orElse(null);
  }
}
