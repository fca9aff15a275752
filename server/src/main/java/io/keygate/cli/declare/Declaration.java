package io.keygate.cli.declare;

import io.keygate.v1.PrincipalKind;
import io.keygate.v1.TenantSettings;
import java.util.List;
import java.util.Optional;

/**
 * What a file says one tenant should look like. A section or field left out ({@code Optional.empty()}) is not
 * managed: it is neither compared nor changed. A list that is given is complete: what Keygate has beyond it is
 * "not in file" (kept, or deleted with {@code --prune}).
 *
 * @param tenant which tenant the file configures
 * @param settings the tenant settings the file sets (unset fields of the message are not managed)
 * @param scopes the top of the scope tree
 * @param roles the roles
 * @param users the users, each with the agents it manages
 * @param serviceAccounts the service accounts
 * @param sectionsLine the line of the first key that manages objects ({@code scopes}, {@code roles},
 *     {@code principals}), 0 if none
 */
public record Declaration(
    TenantSelector tenant,
    Optional<TenantSettings> settings,
    Optional<List<ScopeDecl>> scopes,
    Optional<List<RoleDecl>> roles,
    Optional<List<PrincipalDecl>> users,
    Optional<List<PrincipalDecl>> serviceAccounts,
    int sectionsLine) {

  /** Whether the file manages objects inside the tenant (scopes, roles or principals), not only its settings. */
  public boolean managesObjects() {
    return scopes.isPresent() || roles.isPresent() || users.isPresent() || serviceAccounts.isPresent();
  }

  /** Whether the file has principals, which refer to roles and scopes by name. */
  public boolean managesPrincipals() {
    return users.isPresent() || serviceAccounts.isPresent();
  }

  /** {@code tenant: current}, {@code tenant: ten_…} or {@code tenant: {name: acme}}. */
  public record TenantSelector(Kind kind, String value, int line) {
    /** How the tenant is named. */
    public enum Kind { CURRENT, ID, NAME }

    @Override
    public String toString() {
      return switch (kind) {
        case CURRENT -> "current";
        case ID -> value;
        case NAME -> "named '" + value + "'";
      };
    }
  }

  /**
   * A scope; matched by the path of names from the top of the tree.
   *
   * @param children the scopes under it; empty: not managed (Keygate's are left alone and not reported)
   */
  public record ScopeDecl(String name, Optional<String> kind, Optional<Boolean> apiAccessEnabled,
      Optional<List<ScopeDecl>> children, int line) {}

  /** A role; matched by name. {@code permissions} compare as a set (order and repetition do not matter). */
  public record RoleDecl(String name, Optional<String> description, Optional<List<String>> permissions, int line) {}

  /**
   * A user, service account or agent. Users are matched by {@code email} when the file gives a non-empty one,
   * else by {@code name}; service accounts by {@code name}; agents by {@code name} among the agents of their
   * user (the entry they are listed under).
   *
   * @param role a role name; "" for none
   * @param scope a path of scope names; empty list for none
   * @param agents users only: the agents it manages; empty: not managed
   * @param where the entry's path in the file, e.g. {@code principals.users[0]}
   */
  public record PrincipalDecl(PrincipalKind kind, Optional<String> name, Optional<String> email,
      Optional<Boolean> internal, Optional<String> role, Optional<List<String>> scope,
      Optional<List<PrincipalDecl>> agents, int line, String where) {}
}
