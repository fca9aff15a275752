package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.authz.Permissions;
import io.keygate.store.postgres.KeyRows;
import io.keygate.v1.Principal;
import io.keygate.v1.PrincipalKind;
import java.util.List;

/**
 * Who may do what in the management API. The permission names are the seeds' where they have one
 * ({@code api-keys:read:all}, {@code api-keys:read:team}, {@code api-keys:create:all},
 * {@code api-keys:delete:all}); the rest follow the same {@code resource:action:qualifier} form.
 */
public final class Access {
  public static final String KEYS_READ_ALL = "api-keys:read:all";
  public static final String KEYS_READ_TEAM = "api-keys:read:team";
  public static final String KEYS_READ_OWN = "api-keys:read:own";
  public static final String KEYS_CREATE_ALL = "api-keys:create:all";
  public static final String KEYS_CREATE_OWN = "api-keys:create:own";
  public static final String KEYS_DELETE_ALL = "api-keys:delete:all";
  public static final String KEYS_DELETE_OWN = "api-keys:delete:own";
  public static final String ROLES_READ = "roles:read:all";
  public static final String ROLES_WRITE = "roles:write:all";
  public static final String PRINCIPALS_READ = "principals:read:all";
  public static final String PRINCIPALS_WRITE = "principals:write:all";
  public static final String SCOPES_READ = "scopes:read:all";
  public static final String SCOPES_WRITE = "scopes:write:all";
  public static final String TENANT_READ = "tenant:read:all";
  public static final String TENANT_WRITE = "tenant:write:all";
  public static final String TENANTS_MANAGE = "tenants:create:all";
  public static final String AUDIT_READ = "audit:read:all";

  private Access() {}

  /** Refuses unless the caller holds {@code permission}. */
  static void require(Caller caller, String permission) {
    if (!Permissions.allows(caller.permissions(), permission)) {
      throw KeygateException.denied("this API key lacks the permission " + permission);
    }
  }

  /** Refuses changes made with a read-only token. */
  static void requireWritable(Caller caller) {
    if (caller.readOnly()) {
      throw KeygateException.denied("this token is read-only; changes need a read-write token");
    }
  }

  /** Refuses an AI agent's credential for any change to keys or tokens. */
  static void requireNotAgent(Caller caller) {
    if (caller.isAgent()) {
      throw KeygateException.denied("AI agents cannot create, update or delete API keys or tokens");
    }
  }

  /** The keys the caller may see, or PERMISSION_DENIED if none. */
  static KeyRows.Visibility keyVisibility(Caller caller) {
    if (Permissions.allows(caller.permissions(), KEYS_READ_ALL)) {
      return KeyRows.Visibility.ALL;
    }
    if (Permissions.allows(caller.permissions(), KEYS_READ_TEAM)) {
      return new KeyRows.Visibility(KeyRows.Visibility.Kind.TEAM, caller.principalId(), caller.principalScopeId());
    }
    if (Permissions.allows(caller.permissions(), KEYS_READ_OWN)) {
      return new KeyRows.Visibility(KeyRows.Visibility.Kind.OWN, caller.principalId(), null);
    }
    throw KeygateException.denied("viewing API keys needs " + KEYS_READ_ALL + ", " + KEYS_READ_TEAM + " or "
        + KEYS_READ_OWN);
  }

  /**
   * The keys a caller may look up before changing one. A caller holding {@code api-keys:create:all}
   * or {@code api-keys:delete:all} acts on every key of its tenant (the seeds: "creating keys requires
   * api-keys:create:all, deleting keys requires api-keys:delete:all", with no read permission needed),
   * so it finds every key and the permission check then decides; otherwise what it may see, or at
   * least its own keys (a caller with only {@code api-keys:create:own} can still manage those).
   */
  static KeyRows.Visibility keyVisibilityOrOwn(Caller caller) {
    if (Permissions.allows(caller.permissions(), KEYS_CREATE_ALL)
        || Permissions.allows(caller.permissions(), KEYS_DELETE_ALL)) {
      return KeyRows.Visibility.ALL;
    }
    try {
      return keyVisibility(caller);
    } catch (KeygateException e) {
      return new KeyRows.Visibility(KeyRows.Visibility.Kind.OWN, caller.principalId(), null);
    }
  }

  /**
   * Refuses unless the caller may change (create, update, rotate: {@code create}) or remove
   * ({@code delete}) keys owned by {@code owner}. Own keys and those of agents the caller manages
   * need the {@code :own} form; service accounts' and everybody else's need {@code :all}.
   */
  static void requireKeyAction(Caller caller, Principal owner, String verb) {
    requireWritable(caller);
    requireNotAgent(caller);
    if (owner.getInternal()) {
      throw KeygateException.denied("tokens of internal agents are managed by Keygate itself; none can be"
          + " created or changed through the API");
    }
    boolean own = owner.getId().equals(caller.principalId())
        || owner.getKind() == PrincipalKind.PRINCIPAL_KIND_AGENT
        && owner.getParentPrincipalId().equals(caller.principalId());
    boolean needsAll = !own || owner.getKind() == PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT
        || caller.principalKind() == PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT;
    require(caller, "api-keys:" + verb + (needsAll ? ":all" : ":own"));
  }

  /** Refuses to grant permissions the caller does not hold itself. */
  static void requireHolds(Caller caller, List<String> granted, String what) {
    if (!Permissions.coversAll(caller.permissions(), granted)) {
      throw KeygateException.denied("cannot grant " + what + ": it holds permissions this API key does not have");
    }
  }
}
