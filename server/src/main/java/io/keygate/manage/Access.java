package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.authz.Permissions;
import io.keygate.authz.ScopePath;
import io.keygate.store.postgres.KeyRows;
import io.keygate.v1.Principal;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenIssuers;
import io.keygate.v1.TokenOwners;
import java.util.List;

/**
 * Who may do what in the management API. The permission names are the seeds' where they have one
 * ({@code api-keys:read:all}, {@code api-keys:read:team}, {@code api-keys:create:all},
 * {@code api-keys:delete:all}); the rest follow the same {@code resource:action:qualifier} form.
 *
 * <p>Besides holding the permission a call needs, a caller can never reach beyond itself — the rule
 * Kubernetes RBAC applies to role bindings ({@code escalation_check.go}):
 *
 * <ul>
 *   <li><b>no escalation</b> ({@link #requireCovers}): every credential a call creates, changes,
 *       rotates, re-enables or revokes, and every role, principal or tenant default that shapes one,
 *       must hold nothing the caller does not hold — before the change and after it;
 *   <li><b>scope containment</b> ({@link #requireWithin}): a key bound to a scope acts only on that
 *       scope and those below it, and changes nothing tenant-wide;
 *   <li><b>agents</b> never create, change or delete keys or tokens, never receive a secret and never
 *       change tenant settings; a read-only token changes nothing.
 * </ul>
 *
 * <p>Each call checks the permission it needs before it looks anything up, so a caller without it
 * learns nothing about which ids exist.
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
  public static final String SCOPES_WRITE_TEAM = "scopes:write:team";
  public static final String TENANT_READ = "tenant:read:all";
  public static final String TENANT_WRITE = "tenant:write:all";
  public static final String TENANTS_MANAGE = "tenants:create:all";
  public static final String AUDIT_READ = "audit:read:all";

  private Access() {}

  /** Refuses unless the caller holds {@code permission}. */
  static void require(Caller caller, String permission) {
    if (!Permissions.allows(caller.permissions(), permission)) {
      throw KeygateException.denied("this API key lacks the permission " + permission).because("MISSING_PERMISSION")
          .with("permission", permission);
    }
  }

  /** Refuses changes made with a read-only token. */
  static void requireWritable(Caller caller) {
    if (caller.readOnly()) {
      throw KeygateException.denied("this token is read-only; changes need a read-write token")
          .because("READ_ONLY_TOKEN");
    }
  }

  /** Refuses an AI agent's credential for {@code what}. */
  static void requireNotAgent(Caller caller, String what) {
    if (caller.isAgent()) {
      throw KeygateException.denied("AI agents cannot " + what).because("AGENT_NOT_ALLOWED");
    }
  }

  /**
   * No escalation: refuses unless the caller holds everything {@code granted} allows. {@code what}
   * names the credential or object, e.g. "the key's permissions".
   */
  static void requireCovers(Caller caller, List<String> granted, String what) {
    if (!Permissions.coversAll(caller.permissions(), granted)) {
      throw KeygateException.denied(what + " include permissions this API key does not hold; only a key that"
          + " holds all of them may grant, change or act on them").because("ESCALATION_DENIED");
    }
  }

  /**
   * Scope containment: refuses unless {@code target} (a scope with its ancestors; {@code null} for
   * tenant-wide) lies in the caller's scope or below it. Tenant-wide callers reach every scope.
   */
  static void requireWithin(Caller caller, ScopePath target, String what) {
    if (caller.scopeBound() && (target == null || !target.contains(caller.scopeId()))) {
      throw KeygateException.denied("this API key is bound to scope " + caller.scopeId() + " and can only act on "
          + what + " in that scope or below it").because("OUTSIDE_KEY_SCOPE").with("scope_id", caller.scopeId());
    }
  }

  /**
   * Refuses unless the caller may change scope {@code target} (with its ancestors; {@code null} for
   * a new top-level scope): {@code scopes:write:all} anywhere, {@code scopes:write:team} on its own
   * principal's scope (its team, collective) and the scopes below it.
   */
  static void requireScopeWrite(Caller caller, ScopePath target) {
    if (Permissions.allows(caller.permissions(), SCOPES_WRITE)) {
      return;
    }
    if (caller.principalScopeId() == null || target == null || !target.contains(caller.principalScopeId())) {
      throw KeygateException.denied("this API key lacks the permission " + SCOPES_WRITE + " (" + SCOPES_WRITE_TEAM
          + " covers only its principal's own scope and those below it)").because("MISSING_PERMISSION")
              .with("permission", SCOPES_WRITE);
    }
  }

  /** True when {@code target} (or tenant-wide, for {@code null}) is visible to the caller's scope binding. */
  static boolean within(Caller caller, ScopePath target) {
    return !caller.scopeBound() || target != null && target.contains(caller.scopeId());
  }

  /** Refuses a scope-bound caller a change of something the whole tenant shares. */
  static void requireTenantWide(Caller caller, String what) {
    if (caller.scopeBound()) {
      throw KeygateException.denied("this API key is bound to scope " + caller.scopeId() + " and cannot change "
          + what + ", which the whole tenant shares").because("OUTSIDE_KEY_SCOPE").with("scope_id", caller.scopeId());
    }
  }

  /** Refuses unless the caller holds {@code api-keys:<verb>} in some form (own or all). */
  static void requireAnyKeyAction(Caller caller, String verb) {
    if (!Permissions.allows(caller.permissions(), "api-keys:" + verb + ":own")) {
      throw KeygateException.denied("this API key lacks the permission api-keys:" + verb + ":all (or :own, for"
          + " its own keys)").because("MISSING_PERMISSION").with("permission", "api-keys:" + verb + ":own");
    }
  }

  /**
   * The keys the caller may see, or PERMISSION_DENIED if none; a scope-bound caller sees only keys
   * bound to its scope or below.
   */
  static KeyRows.Visibility keyVisibility(Caller caller) {
    String within = caller.scopeId();
    if (Permissions.allows(caller.permissions(), KEYS_READ_ALL)) {
      return new KeyRows.Visibility(KeyRows.Visibility.Kind.ALL, caller.principalId(), null, within);
    }
    if (Permissions.allows(caller.permissions(), KEYS_READ_TEAM)) {
      return new KeyRows.Visibility(KeyRows.Visibility.Kind.TEAM, caller.principalId(), caller.principalScopeId(),
          within);
    }
    if (Permissions.allows(caller.permissions(), KEYS_READ_OWN)) {
      return new KeyRows.Visibility(KeyRows.Visibility.Kind.OWN, caller.principalId(), null, within);
    }
    throw KeygateException.denied("viewing API keys needs " + KEYS_READ_ALL + ", " + KEYS_READ_TEAM + " or "
        + KEYS_READ_OWN).because("MISSING_PERMISSION").with("permission", KEYS_READ_ALL);
  }

  /**
   * The keys a caller may look up before changing one. A caller holding {@code api-keys:create:all}
   * or {@code api-keys:delete:all} acts on every key of its tenant (the seeds: "creating keys requires
   * api-keys:create:all, deleting keys requires api-keys:delete:all", with no read permission needed),
   * so it finds every key and the permission check then decides; otherwise what it may see, or at
   * least its own keys (a caller with only {@code api-keys:create:own} can still manage those).
   * A scope-bound caller finds only keys bound to its scope or below.
   */
  static KeyRows.Visibility keyVisibilityOrOwn(Caller caller) {
    if (Permissions.allows(caller.permissions(), KEYS_CREATE_ALL)
        || Permissions.allows(caller.permissions(), KEYS_DELETE_ALL)) {
      return new KeyRows.Visibility(KeyRows.Visibility.Kind.ALL, caller.principalId(), null, caller.scopeId());
    }
    try {
      return keyVisibility(caller);
    } catch (KeygateException e) {
      return new KeyRows.Visibility(KeyRows.Visibility.Kind.OWN, caller.principalId(), null, caller.scopeId());
    }
  }

  /**
   * Refuses unless the caller may issue a secret for {@code owner} — create a key or a token, rotate
   * a secret — under its tenant's token rules ({@code token_issuers}, {@code token_owners}): in a
   * users-only tenant service accounts issue nothing; where tokens go only to their issuer and the
   * agents it manages, nobody issues them for anybody else, whatever it holds. On top of
   * {@link #requireKeyAction}.
   */
  static void requireIssuer(Caller caller, Principal owner, TenantSettings settings) {
    if (caller.principalKind() == PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT
        && settings.getTokenIssuers() == TokenIssuers.TOKEN_ISSUERS_USERS_ONLY) {
      throw KeygateException.denied("in this tenant only human users create API keys and tokens"
          + " (settings.token_issuers USERS_ONLY)").because("TOKEN_ISSUER_NOT_ALLOWED");
    }
    if (settings.getTokenOwners() == TokenOwners.TOKEN_OWNERS_SELF_AND_MANAGED_AGENTS
        && !ownOrManaged(caller, owner)) {
      throw KeygateException.denied("in this tenant keys and tokens are created only for their creator or an AI agent"
          + " it manages (settings.token_owners SELF_AND_MANAGED_AGENTS)").because("TOKEN_OWNER_NOT_ALLOWED");
    }
  }

  /** True when {@code owner} is the caller's own principal or an agent it manages. */
  private static boolean ownOrManaged(Caller caller, Principal owner) {
    return owner.getId().equals(caller.principalId())
        || owner.getKind() == PrincipalKind.PRINCIPAL_KIND_AGENT
        && owner.getParentPrincipalId().equals(caller.principalId());
  }

  /**
   * Refuses unless the caller may change (create, update, rotate: {@code create}) or remove
   * ({@code delete}) keys owned by {@code owner}. Own keys and those of agents the caller manages
   * need the {@code :own} form; service accounts' and everybody else's need {@code :all}.
   */
  static void requireKeyAction(Caller caller, Principal owner, String verb) {
    requireWritable(caller);
    requireNotAgent(caller, "create, update or delete API keys or tokens");
    if (owner.getInternal()) {
      throw KeygateException.denied("tokens of internal agents are managed by Keygate itself; none can be"
          + " created or changed through the API").because("INTERNAL_AGENT_TOKENS");
    }
    boolean needsAll = !ownOrManaged(caller, owner) || owner.getKind() == PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT
        || caller.principalKind() == PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT;
    require(caller, "api-keys:" + verb + (needsAll ? ":all" : ":own"));
  }
}
