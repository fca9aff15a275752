package io.keygate.manage;

import io.keygate.keys.Ids;
import io.keygate.store.postgres.KeyRows;
import io.keygate.store.postgres.PrincipalRows;
import io.keygate.store.postgres.RoleRows;
import io.keygate.store.postgres.TenantRows;
import io.keygate.v1.ApiKey;
import io.keygate.v1.Principal;
import io.keygate.v1.PermissionSource;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.Role;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Gives a new tenant its first administrator: an {@code admin} role, an admin user, a key and a token. */
public final class TenantSetup {
  private final TokenIssuer issuer;

  public TenantSetup(TokenIssuer issuer) {
    this.issuer = issuer;
  }

  /** What was created; {@code secret} is shown once. */
  public record Admin(Principal principal, String apiKeyId, String secret) {
    @Override
    public String toString() {
      return "Admin[principal=" + principal.getId() + ", apiKeyId=" + apiKeyId + ", secret=<redacted>]";
    }
  }

  /**
   * An admin principal with a key and a token holding every permission. The {@code admin} role is
   * used when it still holds {@code *}; when it has been changed (or another role took the name) a
   * new role is created beside it, so this — the break-glass path — always works and never undoes what
   * an administrator did to the existing role.
   */
  Admin createAdmin(Connection c, Caller actor, String tenantId, String displayName, String email)
      throws SQLException {
    Role existing = RoleRows.findByName(c, tenantId, "admin").orElse(null);
    Role role;
    if (existing != null && existing.getPermissionsList().equals(List.of("*"))) {
      role = existing;
    } else {
      String id = Ids.role();
      role = Role.newBuilder()
          .setId(id)
          .setTenantId(tenantId)
          .setName(existing == null ? "admin" : "admin " + id)
          .setDescription(existing == null ? "Every permission in the tenant. Created with the tenant."
              : "Every permission in the tenant. Created by the break-glass path because 'admin' no longer holds *.")
          .addAllPermissions(List.of("*"))
          .build();
      RoleRows.insert(c, role);
      Audit.record(c, actor, tenantId, "role.create", "role", role.getId(), Audit.details("name", role.getName()));
    }
    Principal principal = Principal.newBuilder()
        .setId(Ids.principal())
        .setTenantId(tenantId)
        .setKind(PrincipalKind.PRINCIPAL_KIND_USER)
        .setDisplayName(displayName)
        .setEmail(email)
        .setRoleId(role.getId())
        .build();
    PrincipalRows.insert(c, principal);
    TenantSettings settings = TenantRows.find(c, tenantId).orElseThrow().getSettings();
    // Where keys take their owner's permissions, a role on the key would only be shown, never used.
    boolean keyRole = settings.getPermissionSource() != PermissionSource.PERMISSION_SOURCE_PRINCIPAL_ROLE;
    ApiKey key = ApiKey.newBuilder()
        .setId(Ids.apiKey())
        .setTenantId(tenantId)
        .setName(displayName + " key")
        .setDescription("The tenant's first admin key, created with the tenant.")
        .setOwnerPrincipalId(principal.getId())
        .setRoleId(keyRole ? role.getId() : "")
        .build();
    KeyRows.insert(c, key, null, null, null);
    TokenIssuer.Issued issued = issuer.issue(c, key, settings, TokenSpec.newBuilder().setName("admin").build());
    Audit.record(c, actor, tenantId, "principal.create", "principal", principal.getId(),
        Audit.details("kind", "user", "role_id", role.getId()));
    Audit.record(c, actor, tenantId, "api_key.create", "api_key", key.getId(),
        Audit.details("owner_principal_id", principal.getId(), "role_id", role.getId()));
    Audit.record(c, actor, tenantId, "token.create", "token", issued.token().getId(),
        Audit.details("api_key_id", key.getId(), "hint", issued.token().getHint()));
    return new Admin(PrincipalRows.find(c, tenantId, principal.getId()).orElseThrow(), key.getId(),
        issued.secret());
  }
}
