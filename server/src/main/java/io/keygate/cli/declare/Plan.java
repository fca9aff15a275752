package io.keygate.cli.declare;

import java.util.List;
import java.util.Map;

/**
 * The steps that make Keygate match a file, in an order that respects references: tenant settings, then scopes
 * (parents before children), roles, users, service accounts, agents (after their users); deletions last, in the
 * reverse order (agents, users and service accounts, roles, scopes from the deepest up).
 *
 * @param tenant the tenant, as the plan prints it: {@code acme (ten_…)}
 * @param steps the calls to make, in order; empty when Keygate already matches the file
 * @param kept objects Keygate has that the file's lists do not name, left alone (no {@code --prune})
 * @param ids the ids of the existing objects the steps refer to by {@link Ref}
 */
public record Plan(String tenant, List<Step> steps, List<Ref> kept, Map<Ref, String> ids) {
  public Plan {
    steps = List.copyOf(steps);
    kept = List.copyOf(kept);
    ids = Map.copyOf(ids);
  }

  public boolean hasChanges() {
    return !steps.isEmpty();
  }

  public long count(Step.Action action) {
    return steps.stream().filter(s -> s.action() == action).count();
  }
}
