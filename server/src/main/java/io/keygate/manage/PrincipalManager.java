package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.authz.ScopePath;
import io.keygate.keys.Ids;
import io.keygate.store.postgres.Database;
import io.keygate.store.postgres.PrincipalRows;
import io.keygate.store.postgres.RoleRows;
import io.keygate.store.postgres.ScopeRows;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.ListPrincipalsRequest;
import io.keygate.v1.ListPrincipalsResponse;
import io.keygate.v1.Principal;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.Role;
import io.keygate.v1.UpdatePrincipalRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Users, service accounts and AI agents (each agent managed by a human user). */
public final class PrincipalManager {
  private final Database database;

  public PrincipalManager(Database database) {
    this.database = database;
  }

  public Principal create(Caller caller, CreatePrincipalRequest request) {
    PrincipalKind kind = request.getKind();
    if (kind == PrincipalKind.PRINCIPAL_KIND_UNSPECIFIED || kind == PrincipalKind.UNRECOGNIZED) {
      throw KeygateException.invalid("kind", "kind is required: USER, SERVICE_ACCOUNT or AGENT");
    }
    String name = Validate.name("display_name", request.getDisplayName(), 200);
    String email = Validate.email("email", request.getEmail());
    String parentId = Validate.id("parent_principal_id", request.getParentPrincipalId(), "prn", true);
    Validate.id("role_id", request.getRoleId(), "rol", true);
    Validate.id("scope_id", request.getScopeId(), "scp", true);
    boolean agent = kind == PrincipalKind.PRINCIPAL_KIND_AGENT;
    if (agent && parentId.isEmpty()) {
      throw KeygateException.invalid("parent_principal_id",
          "parent_principal_id is required for agents: the user who manages it");
    }
    if (!agent && !parentId.isEmpty()) {
      throw KeygateException.invalid("parent_principal_id", "parent_principal_id is only for agents");
    }
    if (!agent && request.getInternal()) {
      throw KeygateException.invalid("internal", "internal is only for agents");
    }
    requireWrite(caller);
    return database.inTransaction(c -> {
      if (agent) {
        Principal parent = PrincipalRows.find(c, caller.tenantId(), parentId)
            .orElseThrow(() -> KeygateException.notFound("principal", parentId));
        if (parent.getKind() != PrincipalKind.PRINCIPAL_KIND_USER) {
          throw KeygateException.invalid("parent_principal_id",
              "parent_principal_id must be a user: only humans manage agents");
        }
      }
      Role role = findRole(c, caller, request.getRoleId());
      Access.requireWithin(caller, findScope(c, caller, request.getScopeId()), "principals");
      if (role != null) {
        Access.requireCovers(caller, role.getPermissionsList(), "role " + role.getName() + "'s permissions");
      }
      Principal principal = Principal.newBuilder().setId(Ids.principal()).setTenantId(caller.tenantId())
          .setKind(kind).setDisplayName(name).setEmail(email).setParentPrincipalId(parentId)
          .setInternal(request.getInternal()).setRoleId(request.getRoleId()).setScopeId(request.getScopeId()).build();
      PrincipalRows.insert(c, principal);
      Audit.record(c, caller, "principal.create", "principal", principal.getId(), Audit.details(
          "kind", PrincipalRows.kindName(kind), "parent_principal_id", parentId.isEmpty() ? null : parentId,
          "internal", request.getInternal() ? "true" : null,
          "role_id", request.getRoleId().isEmpty() ? null : request.getRoleId(),
          "scope_id", request.getScopeId().isEmpty() ? null : request.getScopeId()));
      return PrincipalRows.find(c, caller.tenantId(), principal.getId()).orElseThrow();
    });
  }

  public Principal get(Caller caller, String principalId) {
    Validate.id("principal_id", principalId, "prn", false);
    boolean self = principalId.equals(caller.principalId());
    if (!self) {
      Access.require(caller, Access.PRINCIPALS_READ);
    }
    return database.read(c -> {
      Principal principal = PrincipalRows.find(c, caller.tenantId(), principalId)
          .orElseThrow(() -> KeygateException.notFound("principal", principalId));
      if (!self && !Access.within(caller, findScope(c, caller, principal.getScopeId()))) {
        throw KeygateException.notFound("principal", principalId);
      }
      return principal;
    });
  }

  public ListPrincipalsResponse list(Caller caller, ListPrincipalsRequest request) {
    if (request.getKind() == PrincipalKind.UNRECOGNIZED) {
      throw KeygateException.invalid("kind", "kind has a value this server does not know");
    }
    String parentId = Validate.id("parent_principal_id", request.getParentPrincipalId(), "prn", true);
    int size = Pages.size(request.getPageSize());
    String after = Pages.after(request.getPageToken());
    Access.require(caller, Access.PRINCIPALS_READ);
    List<Principal> principals = database.read(c -> PrincipalRows.list(c, caller.tenantId(), request.getKind(),
        parentId, caller.scopeId(), after, size));
    return ListPrincipalsResponse.newBuilder().addAllPrincipals(principals)
        .setNextPageToken(Pages.next(principals, size, Principal::getId)).build();
  }

  public Principal update(Caller caller, UpdatePrincipalRequest request) {
    String id = Validate.id("principal_id", request.getPrincipalId(), "prn", false);
    String name = request.hasDisplayName() ? Validate.name("display_name", request.getDisplayName(), 200) : null;
    String email = request.hasEmail() ? Validate.email("email", request.getEmail()) : null;
    if (request.hasRoleId()) {
      Validate.id("role_id", request.getRoleId(), "rol", true);
    }
    if (request.hasScopeId()) {
      Validate.id("scope_id", request.getScopeId(), "scp", true);
    }
    requireWrite(caller);
    return database.inTransaction(c -> {
      Principal principal = lockReachable(c, caller, id);
      Role role = request.hasRoleId() ? findRole(c, caller, request.getRoleId()) : null;
      if (request.hasScopeId()) {
        Access.requireWithin(caller, findScope(c, caller, request.getScopeId()), "principals");
      }
      if ((request.hasRoleId() || request.hasScopeId()) && id.equals(caller.principalId())) {
        throw KeygateException.denied("a principal cannot change its own role or scope; ask another administrator")
            .because("SELF_CHANGE_DENIED");
      }
      if (role != null) {
        Access.requireCovers(caller, role.getPermissionsList(), "role " + role.getName() + "'s permissions");
      }
      Principal.Builder next = principal.toBuilder();
      if (name != null) {
        next.setDisplayName(name);
      }
      if (email != null) {
        next.setEmail(email);
      }
      if (request.hasRoleId()) {
        next.setRoleId(request.getRoleId());
      }
      if (request.hasScopeId()) {
        next.setScopeId(request.getScopeId());
      }
      PrincipalRows.update(c, next.build());
      Audit.record(c, caller, "principal.update", "principal", id, Audit.details("display_name", name,
          "email", email == null ? null : "(changed)", "role_id", request.hasRoleId() ? request.getRoleId() : null,
          "scope_id", request.hasScopeId() ? request.getScopeId() : null));
      return PrincipalRows.find(c, caller.tenantId(), id).orElseThrow();
    });
  }

  public void delete(Caller caller, String principalId) {
    String id = Validate.id("principal_id", principalId, "prn", false);
    requireWrite(caller);
    database.inTransaction(c -> {
      lockReachable(c, caller, id);
      if (id.equals(caller.principalId())) {
        throw KeygateException.precondition("a principal cannot delete itself").because("SELF_DELETE_DENIED");
      }
      long dependents = PrincipalRows.dependents(c, caller.tenantId(), id);
      if (dependents > 0) {
        throw KeygateException.precondition("principal " + id + " still owns keys or manages agents (" + dependents
            + "); delete or move them first").because("STILL_REFERENCED");
      }
      PrincipalRows.delete(c, caller.tenantId(), id);
      Audit.record(c, caller, "principal.delete", "principal", id, java.util.Map.of());
      return null;
    });
  }

  private static void requireWrite(Caller caller) {
    Access.require(caller, Access.PRINCIPALS_WRITE);
    Access.requireWritable(caller);
  }

  /**
   * The principal, locked, if the caller may change it: it lies in the caller's scope (NOT_FOUND
   * otherwise), and its role holds nothing the caller does not (a principal's role is its keys'
   * permissions where they come from the principal; nobody reshapes one more privileged than itself).
   */
  private static Principal lockReachable(Connection c, Caller caller, String id) throws SQLException {
    Principal principal = PrincipalRows.lock(c, caller.tenantId(), id)
        .orElseThrow(() -> KeygateException.notFound("principal", id));
    if (!Access.within(caller, findScope(c, caller, principal.getScopeId()))) {
      throw KeygateException.notFound("principal", id);
    }
    Role current = findRole(c, caller, principal.getRoleId());
    if (current != null) {
      Access.requireCovers(caller, current.getPermissionsList(), "this principal's role's permissions");
    }
    return principal;
  }

  private static Role findRole(Connection c, Caller caller, String roleId) throws SQLException {
    if (roleId.isEmpty()) {
      return null;
    }
    return RoleRows.find(c, caller.tenantId(), roleId).orElseThrow(() -> KeygateException.notFound("role", roleId));
  }

  /** The scope's path; {@code null} for none (tenant-wide). NOT_FOUND when the tenant has no such scope. */
  private static ScopePath findScope(Connection c, Caller caller, String scopeId) throws SQLException {
    if (scopeId.isEmpty()) {
      return null;
    }
    return Optional.ofNullable(ScopeRows.path(c, caller.tenantId(), scopeId))
        .orElseThrow(() -> KeygateException.notFound("scope", scopeId));
  }
}
