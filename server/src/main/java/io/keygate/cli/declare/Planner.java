package io.keygate.cli.declare;

import io.keygate.cli.declare.Declaration.RoleDecl;
import io.keygate.cli.declare.Step.Change;
import io.keygate.v1.Role;
import io.keygate.v1.Tenant;
import io.keygate.v1.TenantSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan: a pure function of what the file declares and what Keygate holds to the ordered steps that make
 * them agree. Only what the file sets is compared; what it leaves out is not managed. Problems that no call
 * could fix — an ambiguous match, a reference to nothing, a field the API cannot change — are a {@link
 * DeclarationException} before any step runs.
 */
public final class Planner {
  private Planner() {}

  /**
   * The steps that make {@code actual} match {@code declaration}.
   *
   * @param prune delete what the file's lists do not name (else it is only reported as kept)
   */
  public static Plan plan(Declaration declaration, Actual actual, boolean prune) {
    Tenant tenant = actual.tenant();
    if (!actual.callersOwn() && declaration.managesObjects()) {
      throw new DeclarationException(declaration.sectionsLine(), "tenant " + tenant.getName() + " ("
          + tenant.getId() + ") is not the tenant of $KEYGATE_API_KEY: the management API changes scopes, roles"
          + " and principals only in the caller's own tenant, so a file naming another tenant may hold only"
          + " 'settings'; apply the rest with a key of that tenant");
    }
    PlanBuilder plan = new PlanBuilder(prune);
    declaration.settings().ifPresent(settings -> settings(tenant, settings, plan));
    ScopePlanner.plan(declaration.scopes(), actual.scopes(), plan);
    roles(declaration.roles(), actual.roles(), plan);
    if (declaration.managesPrincipals()) {
      PrincipalPlanner.plan(declaration, actual.principals(), plan);
    }
    return plan.build(tenant.getName() + " (" + tenant.getId() + ")");
  }

  private static void settings(Tenant tenant, TenantSettings wanted, PlanBuilder plan) {
    TenantSettings current = tenant.getSettings();
    TenantSettings.Builder patch = TenantSettings.newBuilder();
    List<Change> changes = new ArrayList<>();
    for (SettingField field : SettingField.values()) {
      if (field.isSet(wanted) && !field.same(current, wanted)) {
        changes.add(new Change("settings." + field.key, field.show(current), field.show(wanted)));
        field.copy(wanted, patch);
      }
    }
    plan.update(Ref.tenant(tenant.getName()), changes, new Step.UpdateTenant(tenant.getId(), patch.build()));
  }

  private static void roles(Optional<List<RoleDecl>> declared, List<Role> roles, PlanBuilder plan) {
    Map<String, Role> byName = new LinkedHashMap<>();
    roles.forEach(r -> {
      byName.put(r.getName(), r);
      plan.exists(Ref.role(r.getName()), r.getId());
    });
    if (declared.isEmpty()) {
      return;
    }
    for (RoleDecl role : declared.get()) {
      Role current = byName.remove(role.name());
      Ref ref = Ref.role(role.name());
      List<Change> changes = new ArrayList<>();
      if (current == null) {
        role.description().ifPresent(d -> changes.add(new Change("description", null, Values.quoted(d))));
        changes.add(new Change("permissions", null, Values.list(role.permissions().orElse(List.of()))));
        plan.create(ref, changes, new Step.CreateRole(role.name(), role.description(),
            role.permissions().orElse(List.of())));
        continue;
      }
      Optional<String> description = role.description().filter(d -> !d.equals(current.getDescription()));
      description.ifPresent(d -> changes.add(new Change("description", Values.quoted(current.getDescription()),
          Values.quoted(d))));
      Optional<List<String>> permissions = role.permissions()
          .filter(p -> !Set.copyOf(p).equals(Set.copyOf(current.getPermissionsList())));
      permissions.ifPresent(p -> changes.add(new Change("permissions", Values.list(current.getPermissionsList()),
          Values.list(p))));
      plan.update(ref, changes, new Step.UpdateRole(current.getId(), description, permissions));
    }
    byName.values().forEach(r -> plan.notInFile(Ref.role(r.getName()), r.getId(), new Step.DeleteRole(r.getId())));
  }
}
