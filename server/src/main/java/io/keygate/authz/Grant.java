package io.keygate.authz;

import java.util.List;

/**
 * What a key holds: SPEC §Domain model — a key with a role holds exactly its role's permissions;
 * without one, the tenant's default permissions; in tenants whose permission source is the
 * principal's role (Harness), its owner's role (or the defaults when the owner has none). The one
 * rule the decision path and the management API's escalation checks both apply.
 *
 * @param roleId the role the permissions come from; {@code null} for the tenant's defaults
 * @param roleName that role's name; {@code null} for the defaults
 */
public record Grant(String roleId, String roleName, List<String> permissions) {
  /** A role as the rule needs it. */
  public record Role(String id, String name, List<String> permissions) {}

  public Grant {
    permissions = List.copyOf(permissions);
  }

  /**
   * The grant of a key whose own role is {@code keyRole} and whose owner's role is {@code ownerRole}
   * (either may be null), in a tenant with {@code defaults} whose permissions come from the owner
   * when {@code fromPrincipal}.
   */
  public static Grant of(boolean fromPrincipal, Role keyRole, Role ownerRole, List<String> defaults) {
    return of(fromPrincipal ? ownerRole : keyRole, defaults);
  }

  /** The grant of a key whose permissions come from {@code role}; {@code null}: the {@code defaults}. */
  public static Grant of(Role role, List<String> defaults) {
    return role == null ? new Grant(null, null, defaults) : new Grant(role.id(), role.name(), role.permissions());
  }
}
