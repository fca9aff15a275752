package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.keys.Ids;
import io.keygate.store.postgres.Database;
import io.keygate.store.postgres.KeyRows;
import io.keygate.store.postgres.RoleRows;
import io.keygate.store.postgres.TenantRows;
import io.keygate.v1.CreateTenantRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.GetTenantRequest;
import io.keygate.v1.ListTenantsRequest;
import io.keygate.v1.ListTenantsResponse;
import io.keygate.v1.PermissionSource;
import io.keygate.v1.Role;
import io.keygate.v1.Tenant;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.UpdateTenantRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Tenants and their settings. Settings are the tenant's policy, so changing them is for humans and
 * tenant-wide keys only: agents change no tenant setting (token caps and lifetimes least of all), and a
 * scope-bound key none. Settings that decide what keys hold follow the no-escalation rule: the default
 * permissions, before and after, must be covered by the caller's, and switching where permissions come
 * from (the key's role or its owner's) needs a caller that covers every role of the tenant and the
 * defaults, since it reshapes every key at once.
 */
public final class TenantManager {
  private final Database database;
  private final TenantSetup setup;

  public TenantManager(Database database, TenantSetup setup) {
    this.database = database;
    this.setup = setup;
  }

  public CreateTenantResponse create(Caller caller, CreateTenantRequest request) {
    String name = Validate.name("name", request.getName(), 200);
    TenantSettings settings = TenantSettingsRules.merge(TenantSettingsRules.defaults(), request.getSettings());
    String adminName = request.getAdminDisplayName().isEmpty() ? "admin"
        : Validate.name("admin_display_name", request.getAdminDisplayName(), 200);
    String adminEmail = Validate.email("admin_email", request.getAdminEmail());
    requireTenantAdmin(caller);
    Access.requireWritable(caller);
    Access.requireNotAgent(caller, "create tenants: that returns the new tenant's admin secret");
    return database.inTransaction(c -> {
      String tenantId = Ids.tenant();
      TenantRows.insert(c, tenantId, name, false, settings);
      TenantSetup.Admin admin = setup.createAdmin(c, caller, tenantId, adminName, adminEmail);
      Audit.record(c, caller, "tenant.create", "tenant", tenantId, Audit.details("name", name));
      Audit.record(c, caller, tenantId, "tenant.create", "tenant", tenantId, Audit.details("name", name));
      return CreateTenantResponse.newBuilder()
          .setTenant(TenantRows.find(c, tenantId).orElseThrow())
          .setAdminPrincipal(admin.principal())
          .setAdminApiKeyId(admin.apiKeyId())
          .setAdminSecret(admin.secret())
          .build();
    });
  }

  public Tenant get(Caller caller, GetTenantRequest request) {
    String id = request.getTenantId().isEmpty() ? caller.tenantId()
        : Validate.id("tenant_id", request.getTenantId(), "ten", false);
    if (id.equals(caller.tenantId())) {
      Access.require(caller, Access.TENANT_READ);
    } else if (caller.systemTenant()) {
      requireTenantAdmin(caller);
      requireApiAccess(caller);
    }
    return database.read(c -> TenantRows.find(c, id))
        .filter(t -> t.getId().equals(caller.tenantId()) || caller.systemTenant())
        .orElseThrow(() -> KeygateException.notFound("tenant", id));
  }

  public ListTenantsResponse list(Caller caller, ListTenantsRequest request) {
    int size = Pages.size(request.getPageSize());
    String after = Pages.after(request.getPageToken());
    requireTenantAdmin(caller);
    List<Tenant> tenants = database.read(c -> TenantRows.list(c, after, size));
    return ListTenantsResponse.newBuilder()
        .addAllTenants(tenants)
        .setNextPageToken(Pages.next(tenants, size, Tenant::getId))
        .build();
  }

  public Tenant update(Caller caller, UpdateTenantRequest request) {
    String id = request.getTenantId().isEmpty() ? caller.tenantId()
        : Validate.id("tenant_id", request.getTenantId(), "ten", false);
    String newName = request.hasName() ? Validate.name("name", request.getName(), 200) : null;
    if (id.equals(caller.tenantId())) {
      Access.require(caller, Access.TENANT_WRITE);
    } else if (caller.systemTenant()) {
      requireTenantAdmin(caller);
      requireApiAccess(caller);
    }
    Access.requireWritable(caller);
    Access.requireNotAgent(caller, "change tenant settings");
    Access.requireTenantWide(caller, "tenant settings");
    return database.inTransaction(c -> {
      Tenant current = TenantRows.lock(c, id)
          .filter(t -> t.getId().equals(caller.tenantId()) || caller.systemTenant())
          .orElseThrow(() -> KeygateException.notFound("tenant", id));
      TenantSettings merged = TenantSettingsRules.merge(current.getSettings(), request.getSettings());
      if (id.equals(caller.tenantId())) {
        if (!current.getSettings().getApiAccessEnabled() && !merged.getApiAccessEnabled()) {
          throw KeygateException.denied("API access is disabled for this tenant: an update must switch it on again"
              + " (settings.api_access_enabled=true)").because("API_ACCESS_DISABLED");
        }
        requireNoEscalation(c, caller, current.getSettings(), merged);
      }
      if (merged.getPermissionSource() == PermissionSource.PERMISSION_SOURCE_PRINCIPAL_ROLE
          && current.getSettings().getPermissionSource() != merged.getPermissionSource()) {
        // Keys would take their owner's permissions: one whose role differs would silently change
        // what it holds, so the switch waits for those; a role equal to the owner's says nothing more.
        long differing = KeyRows.countWithOwnRole(c, id);
        if (differing > 0) {
          throw KeygateException.precondition(differing + " API keys of this tenant have a role of their own (not"
              + " their owner's), which PRINCIPAL_ROLE would ignore: clear their role_id (or delete them) first")
                  .because("KEYS_HAVE_OWN_ROLES");
        }
        KeyRows.clearRolesOfOwners(c, id);
      }
      String name = newName != null ? newName : current.getName();
      TenantRows.update(c, id, name, merged);
      Audit.record(c, caller, id, "tenant.update", "tenant", id, Audit.details(
          "name", newName, "settings", request.hasSettings() ? request.getSettings().toString().strip() : null));
      return TenantRows.find(c, id).orElseThrow();
    });
  }

  /**
   * A change of the caller's own tenant reshapes no key beyond the caller: the default permissions,
   * before and after, are covered by its own; a switch of the permission source needs the caller to
   * cover every role of the tenant and the defaults.
   */
  private static void requireNoEscalation(Connection c, Caller caller, TenantSettings before, TenantSettings after)
      throws SQLException {
    if (!before.getDefaultPermissions().equals(after.getDefaultPermissions())) {
      Access.requireCovers(caller, before.getDefaultPermissions().getValuesList(), "the default permissions");
      Access.requireCovers(caller, after.getDefaultPermissions().getValuesList(), "the new default permissions");
    }
    if (!before.getRoutes().equals(after.getRoutes())) {
      // A route table decides what every permission lets a key do: remapping a path to a permission
      // a key holds gives it that path, the caller's own keys included. So only a key that already
      // may do everything (*) changes it.
      Access.requireCovers(caller, List.of("*"), "changing the routes reshapes what every permission allows, so it"
          + " needs *; the caller's permissions");
    }
    if (!before.getTokenManagementResources().equals(after.getTokenManagementResources())) {
      // Which writes count as managing tokens is what keeps every agent of the tenant from them.
      Access.requireCovers(caller, List.of("*"), "changing token_management_resources frees or binds every agent,"
          + " so it needs *; the caller's permissions");
    }
    if (before.getPermissionSource() != after.getPermissionSource()) {
      Access.requireCovers(caller, after.getDefaultPermissions().getValuesList(), "the default permissions");
      for (Role role : RoleRows.all(c, caller.tenantId())) {
        Access.requireCovers(caller, role.getPermissionsList(), "switching the permission source reshapes every"
            + " key; role " + role.getName() + "'s permissions");
      }
    }
  }

  /** Refuses a caller whose own tenant has API access off anything beyond switching it on again. */
  private static void requireApiAccess(Caller caller) {
    if (!caller.policy().apiAccessEnabled()) {
      throw KeygateException.denied("API access is disabled for this API key's tenant: switch it on again first")
          .because("API_ACCESS_DISABLED");
    }
  }

  private static void requireTenantAdmin(Caller caller) {
    if (!caller.systemTenant()) {
      throw KeygateException.denied("only keys of the system tenant may manage other tenants")
          .because("SYSTEM_TENANT_REQUIRED");
    }
    Access.require(caller, Access.TENANTS_MANAGE);
  }
}
