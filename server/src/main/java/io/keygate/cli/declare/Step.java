package io.keygate.cli.declare;

import io.keygate.v1.PrincipalKind;
import io.keygate.v1.TenantSettings;
import java.util.List;
import java.util.Optional;

/**
 * One step of a plan: one management RPC on one object. Objects created earlier in the same run are referred
 * to by {@link Ref} (their ids exist only once the run has created them); existing ones by id.
 *
 * @param action create, update or delete
 * @param target the object
 * @param changes what changes, as the plan prints it: for a create the fields it sets, for an update each
 *     field from its old to its new value; empty for a delete
 * @param call the request to make
 */
public record Step(Action action, Ref target, List<Change> changes, Call call) {
  public Step {
    changes = List.copyOf(changes);
  }

  /** What a step does. */
  public enum Action { CREATE, UPDATE, DELETE }

  /** A field and its value before (null on create) and after (null on delete). */
  public record Change(String field, String from, String to) {}

  /** The request of a step. */
  public sealed interface Call permits UpdateTenant, CreateScope, UpdateScope, DeleteScope, CreateRole, UpdateRole,
      DeleteRole, CreatePrincipal, UpdatePrincipal, DeletePrincipal {}

  /** UpdateTenant with only the settings that differ. */
  public record UpdateTenant(String tenantId, TenantSettings settings) implements Call {}

  /** CreateScope under {@code parent} (none: at the top). */
  public record CreateScope(Ref parent, String name, Optional<String> kind, Optional<Boolean> apiAccessEnabled)
      implements Call {}

  public record UpdateScope(String scopeId, boolean apiAccessEnabled) implements Call {}

  public record DeleteScope(String scopeId) implements Call {}

  public record CreateRole(String name, Optional<String> description, List<String> permissions) implements Call {}

  public record UpdateRole(String roleId, Optional<String> description, Optional<List<String>> permissions)
      implements Call {}

  public record DeleteRole(String roleId) implements Call {}

  /** CreatePrincipal; {@code parent}, {@code role} and {@code scope} may be none. */
  public record CreatePrincipal(PrincipalKind kind, String displayName, String email, Ref parent, boolean internal,
      Ref role, Ref scope) implements Call {}

  /** UpdatePrincipal; an empty field is left alone, a none ref clears the role or scope. */
  public record UpdatePrincipal(String principalId, Optional<String> displayName, Optional<String> email,
      Optional<Ref> role, Optional<Ref> scope) implements Call {}

  public record DeletePrincipal(String principalId) implements Call {}
}
