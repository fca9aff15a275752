package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.keys.Ids;
import io.keygate.store.postgres.Database;
import io.keygate.store.postgres.RoleRows;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.ListRolesRequest;
import io.keygate.v1.ListRolesResponse;
import io.keygate.v1.Role;
import io.keygate.v1.UpdateRoleRequest;
import java.util.List;

/**
 * Roles: named permission sets, shared by the whole tenant. A caller can only put into a role what
 * it holds itself, and can only change or delete a role that holds nothing more than it does (else a
 * key with only {@code roles:write:all} could rewrite the admin role). Scope-bound keys change none.
 */
public final class RoleManager {
  private final Database database;

  public RoleManager(Database database) {
    this.database = database;
  }

  public Role create(Caller caller, CreateRoleRequest request) {
    String name = Validate.name("name", request.getName(), 100);
    Validate.description("description", request.getDescription(), 1000);
    List<String> permissions = Validate.permissions("permissions", request.getPermissionsList());
    requireWrite(caller);
    Access.requireCovers(caller, permissions, "the role's permissions");
    return database.inTransaction(c -> {
      if (RoleRows.nameTaken(c, caller.tenantId(), name, "")) {
        throw new KeygateException(KeygateException.Kind.ALREADY_EXISTS, "a role named '" + name + "' exists")
            .because("NAME_TAKEN");
      }
      Role role = Role.newBuilder().setId(Ids.role()).setTenantId(caller.tenantId()).setName(name)
          .setDescription(request.getDescription()).addAllPermissions(permissions).build();
      RoleRows.insert(c, role);
      Audit.record(c, caller, "role.create", "role", role.getId(), Audit.details("name", name,
          "permissions", String.join(",", permissions)));
      return RoleRows.find(c, caller.tenantId(), role.getId()).orElseThrow();
    });
  }

  public Role get(Caller caller, String roleId) {
    Validate.id("role_id", roleId, "rol", false);
    Access.require(caller, Access.ROLES_READ);
    return database.read(c -> RoleRows.find(c, caller.tenantId(), roleId))
        .orElseThrow(() -> KeygateException.notFound("role", roleId));
  }

  public ListRolesResponse list(Caller caller, ListRolesRequest request) {
    int size = Pages.size(request.getPageSize());
    String after = Pages.after(request.getPageToken());
    Access.require(caller, Access.ROLES_READ);
    List<Role> roles = database.read(c -> RoleRows.list(c, caller.tenantId(), after, size));
    return ListRolesResponse.newBuilder().addAllRoles(roles)
        .setNextPageToken(Pages.next(roles, size, Role::getId)).build();
  }

  public Role update(Caller caller, UpdateRoleRequest request) {
    String id = Validate.id("role_id", request.getRoleId(), "rol", false);
    String name = request.hasName() ? Validate.name("name", request.getName(), 100) : null;
    if (request.hasDescription()) {
      Validate.description("description", request.getDescription(), 1000);
    }
    List<String> permissions = request.hasPermissions()
        ? Validate.permissions("permissions.values", request.getPermissions().getValuesList()) : null;
    requireWrite(caller);
    return database.inTransaction(c -> {
      Role role = RoleRows.find(c, caller.tenantId(), id).orElseThrow(() -> KeygateException.notFound("role", id));
      Access.requireCovers(caller, role.getPermissionsList(), "this role's permissions");
      if (permissions != null) {
        Access.requireCovers(caller, permissions, "the role's new permissions");
      }
      if (name != null && RoleRows.nameTaken(c, caller.tenantId(), name, id)) {
        throw new KeygateException(KeygateException.Kind.ALREADY_EXISTS, "a role named '" + name + "' exists")
            .because("NAME_TAKEN");
      }
      Role.Builder next = role.toBuilder();
      if (name != null) {
        next.setName(name);
      }
      if (request.hasDescription()) {
        next.setDescription(request.getDescription());
      }
      if (permissions != null) {
        next.clearPermissions().addAllPermissions(permissions);
      }
      RoleRows.update(c, next.build());
      Audit.record(c, caller, "role.update", "role", id, Audit.details("name", name,
          "permissions", permissions == null ? null : String.join(",", permissions)));
      return RoleRows.find(c, caller.tenantId(), id).orElseThrow();
    });
  }

  public void delete(Caller caller, String roleId) {
    String id = Validate.id("role_id", roleId, "rol", false);
    requireWrite(caller);
    database.inTransaction(c -> {
      Role role = RoleRows.find(c, caller.tenantId(), id).orElseThrow(() -> KeygateException.notFound("role", id));
      Access.requireCovers(caller, role.getPermissionsList(), "this role's permissions");
      long uses = RoleRows.uses(c, caller.tenantId(), id);
      if (uses > 0) {
        throw KeygateException.precondition("role " + role.getName() + " is assigned to " + uses
            + " keys or principals; reassign them first").because("STILL_REFERENCED");
      }
      RoleRows.delete(c, caller.tenantId(), id);
      Audit.record(c, caller, "role.delete", "role", id, Audit.details("name", role.getName()));
      return null;
    });
  }

  private static void requireWrite(Caller caller) {
    Access.require(caller, Access.ROLES_WRITE);
    Access.requireWritable(caller);
    Access.requireTenantWide(caller, "roles");
  }
}
