package io.keygate.cli.declare;

import io.keygate.cli.declare.Step.Call;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.DeletePrincipalRequest;
import io.keygate.v1.DeleteRoleRequest;
import io.keygate.v1.DeleteScopeRequest;
import io.keygate.v1.StringList;
import io.keygate.v1.UpdatePrincipalRequest;
import io.keygate.v1.UpdateRoleRequest;
import io.keygate.v1.UpdateScopeRequest;
import io.keygate.v1.UpdateTenantRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes a plan's calls, in order, through the management API. Ids of objects created earlier in the run are
 * filled in as the run goes. The first call Keygate refuses stops the run: its {@link
 * io.grpc.StatusRuntimeException} propagates, and {@link Progress} has been told of every step made before it.
 */
public final class Applier {
  /** Told of each step as soon as Keygate has made it. */
  public interface Progress {
    /** {@code id}: the new object's id for a create, else the object's id. */
    void applied(Step step, String id);
  }

  private final Stubs stubs;
  private final Map<Ref, String> ids = new HashMap<>();

  public Applier(Stubs stubs) {
    this.stubs = stubs;
  }

  public void apply(Plan plan, Progress progress) {
    ids.putAll(plan.ids());
    for (Step step : plan.steps()) {
      String id = call(step.call());
      if (step.action() == Step.Action.CREATE) {
        ids.put(step.target(), id);
      }
      progress.applied(step, id);
    }
  }

  private String call(Call call) {
    if (call instanceof Step.UpdateTenant c) {
      return stubs.tenants().updateTenant(UpdateTenantRequest.newBuilder().setTenantId(c.tenantId())
          .setSettings(c.settings()).build()).getTenant().getId();
    }
    if (call instanceof Step.CreateScope c) {
      CreateScopeRequest.Builder request = CreateScopeRequest.newBuilder().setParentId(id(c.parent()))
          .setName(c.name());
      c.kind().ifPresent(request::setKind);
      c.apiAccessEnabled().ifPresent(request::setApiAccessEnabled);
      return stubs.scopes().createScope(request.build()).getScope().getId();
    }
    if (call instanceof Step.UpdateScope c) {
      return stubs.scopes().updateScope(UpdateScopeRequest.newBuilder().setScopeId(c.scopeId())
          .setApiAccessEnabled(c.apiAccessEnabled()).build()).getScope().getId();
    }
    if (call instanceof Step.DeleteScope c) {
      stubs.scopes().deleteScope(DeleteScopeRequest.newBuilder().setScopeId(c.scopeId()).build());
      return c.scopeId();
    }
    if (call instanceof Step.CreateRole c) {
      CreateRoleRequest.Builder request = CreateRoleRequest.newBuilder().setName(c.name())
          .addAllPermissions(c.permissions());
      c.description().ifPresent(request::setDescription);
      return stubs.roles().createRole(request.build()).getRole().getId();
    }
    if (call instanceof Step.UpdateRole c) {
      UpdateRoleRequest.Builder request = UpdateRoleRequest.newBuilder().setRoleId(c.roleId());
      c.description().ifPresent(request::setDescription);
      c.permissions().ifPresent(p -> request.setPermissions(StringList.newBuilder().addAllValues(p)));
      return stubs.roles().updateRole(request.build()).getRole().getId();
    }
    if (call instanceof Step.DeleteRole c) {
      stubs.roles().deleteRole(DeleteRoleRequest.newBuilder().setRoleId(c.roleId()).build());
      return c.roleId();
    }
    if (call instanceof Step.CreatePrincipal c) {
      return stubs.principals().createPrincipal(CreatePrincipalRequest.newBuilder().setKind(c.kind())
          .setDisplayName(c.displayName()).setEmail(c.email()).setParentPrincipalId(id(c.parent()))
          .setInternal(c.internal()).setRoleId(id(c.role())).setScopeId(id(c.scope())).build())
          .getPrincipal().getId();
    }
    if (call instanceof Step.UpdatePrincipal c) {
      UpdatePrincipalRequest.Builder request = UpdatePrincipalRequest.newBuilder().setPrincipalId(c.principalId());
      c.displayName().ifPresent(request::setDisplayName);
      c.email().ifPresent(request::setEmail);
      c.role().ifPresent(r -> request.setRoleId(id(r)));
      c.scope().ifPresent(s -> request.setScopeId(id(s)));
      return stubs.principals().updatePrincipal(request.build()).getPrincipal().getId();
    }
    Step.DeletePrincipal c = (Step.DeletePrincipal) call;
    stubs.principals().deletePrincipal(DeletePrincipalRequest.newBuilder().setPrincipalId(c.principalId()).build());
    return c.principalId();
  }

  /** The id of the object {@code ref} names: existing, or created earlier in this run; "" for none. */
  private String id(Ref ref) {
    if (ref.isNone()) {
      return "";
    }
    String id = ids.get(ref);
    if (id == null) {
      throw new IllegalStateException("the plan refers to " + ref + " before creating it");
    }
    return id;
  }
}
