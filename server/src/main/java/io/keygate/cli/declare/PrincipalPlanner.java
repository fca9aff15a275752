package io.keygate.cli.declare;

import io.keygate.cli.declare.Declaration.PrincipalDecl;
import io.keygate.cli.declare.Step.Change;
import io.keygate.v1.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Users, service accounts and agents, matched by the keys {@link Principals} defines. A key that matches more
 * than one principal in Keygate, or one principal matched by two entries, is an error naming both: the plan never
 * guesses. Users and service accounts are planned after roles and scopes, agents after every user.
 */
final class PrincipalPlanner {
  private final PlanBuilder plan;
  private final List<Principal> users = new ArrayList<>();
  private final List<Principal> accounts = new ArrayList<>();
  private final Map<String, List<Principal>> agents = new HashMap<>();
  private final Map<String, PrincipalDecl> claimed = new HashMap<>();

  private PrincipalPlanner(List<Principal> principals, PlanBuilder plan) {
    this.plan = plan;
    for (Principal p : principals) {
      switch (p.getKind()) {
        case PRINCIPAL_KIND_USER -> users.add(p);
        case PRINCIPAL_KIND_SERVICE_ACCOUNT -> accounts.add(p);
        case PRINCIPAL_KIND_AGENT -> agents.computeIfAbsent(p.getParentPrincipalId(), k -> new ArrayList<>()).add(p);
        default -> { }
      }
    }
  }

  static void plan(Declaration declaration, List<Principal> principals, PlanBuilder plan) {
    PrincipalPlanner planner = new PrincipalPlanner(principals, plan);
    Map<PrincipalDecl, Principal> matchedUsers = new LinkedHashMap<>();
    declaration.users().ifPresent(list -> {
      for (PrincipalDecl user : list) {
        Principal current = planner.match(user, Principals.fileRef(user), planner.users,
            Principals.userKey(user));
        matchedUsers.put(user, current);
        planner.converge(user, Principals.fileRef(user), current, Ref.none(Ref.Type.USER));
      }
    });
    declaration.serviceAccounts().ifPresent(list -> {
      for (PrincipalDecl account : list) {
        Ref ref = Principals.fileRef(account);
        Principal current = planner.match(account, ref, planner.accounts,
            p -> p.getDisplayName().equals(account.name().orElseThrow()));
        planner.converge(account, ref, current, Ref.none(Ref.Type.USER));
      }
    });
    matchedUsers.forEach(planner::agentsOf);
    if (declaration.users().isPresent()) {
      for (Principal user : planner.users) {
        if (!planner.claimed.containsKey(user.getId())) {
          Ref ref = Ref.user(user.getEmail(), user.getDisplayName());
          planner.agents.getOrDefault(user.getId(), List.of()).forEach(a -> planner.notInFile(a, ref));
          planner.notInFile(user, ref);
        }
      }
    }
    if (declaration.serviceAccounts().isPresent()) {
      planner.accounts.stream().filter(a -> !planner.claimed.containsKey(a.getId()))
          .forEach(a -> planner.notInFile(a, Ref.serviceAccount(a.getDisplayName())));
    }
  }

  private void agentsOf(PrincipalDecl user, Principal current) {
    if (user.agents().isEmpty()) {
      return;
    }
    Ref userRef = Principals.fileRef(user);
    List<Principal> existing = current == null ? List.of() : agents.getOrDefault(current.getId(), List.of());
    for (PrincipalDecl agent : user.agents().get()) {
      Ref ref = Ref.agent(userRef, agent.name().orElseThrow());
      Principal match = match(agent, ref, existing, p -> p.getDisplayName().equals(agent.name().orElseThrow()));
      converge(agent, ref, match, userRef);
    }
    existing.stream().filter(a -> !claimed.containsKey(a.getId())).forEach(a -> notInFile(a, userRef));
  }

  /** The one principal of {@code candidates} the entry names, or null when there is none. */
  private Principal match(PrincipalDecl entry, Ref ref, List<Principal> candidates, Predicate<Principal> sameKey) {
    List<Principal> found = candidates.stream().filter(sameKey).toList();
    if (found.size() > 1) {
      throw new DeclarationException(entry.line(), entry.where() + ": " + ref + " matches " + found.size()
          + " principals in Keygate: " + found.stream().map(Principals::describe).collect(Collectors.joining(" and "))
          + "; make them distinct (rename or delete one) so that the file names one");
    }
    if (found.isEmpty()) {
      return null;
    }
    Principal match = found.get(0);
    PrincipalDecl other = claimed.putIfAbsent(match.getId(), entry);
    if (other != null) {
      throw new DeclarationException(entry.line(), entry.where() + " and " + other.where() + " (line "
          + other.line() + ") both match " + Principals.describe(match) + "; remove one of them");
    }
    plan.exists(ref, match.getId());
    return match;
  }

  /** A create when {@code current} is null, else an update of the fields the entry sets that differ. */
  private void converge(PrincipalDecl entry, Ref ref, Principal current, Ref parent) {
    Optional<Ref> role = entry.role().map(Ref::role);
    Optional<Ref> scope = entry.scope().map(Ref::scope);
    role.ifPresent(r -> check(entry, r, "role"));
    scope.ifPresent(s -> check(entry, s, "scope"));
    List<Change> changes = new ArrayList<>();
    if (current == null) {
      String name = entry.name().orElseThrow(() -> new DeclarationException(entry.line(), entry.where() + ": "
          + ref + " is not in Keygate, and the file gives no 'name' to create it with"));
      changes.add(new Change("name", null, Values.quoted(name)));
      entry.email().ifPresent(e -> changes.add(new Change("email", null, Values.quoted(e))));
      role.ifPresent(r -> changes.add(new Change("role", null, r.name())));
      scope.ifPresent(s -> changes.add(new Change("scope", null, s.name())));
      boolean internal = entry.internal().orElse(false);
      if (internal) {
        changes.add(new Change("internal", null, "true"));
      }
      plan.create(ref, changes, new Step.CreatePrincipal(entry.kind(), name, entry.email().orElse(""), parent,
          internal, role.orElse(Ref.none(Ref.Type.ROLE)), scope.orElse(Ref.none(Ref.Type.SCOPE))));
      return;
    }
    entry.internal().filter(i -> i != current.getInternal()).ifPresent(i -> {
      throw new DeclarationException(entry.line(), entry.where() + ": " + ref + " has internal: "
          + current.getInternal() + " in Keygate, and the management API cannot change it: change the file, or"
          + " delete the agent and apply again");
    });
    Optional<String> name = entry.name().filter(n -> !n.equals(current.getDisplayName()));
    name.ifPresent(n -> changes.add(new Change("name", Values.quoted(current.getDisplayName()), Values.quoted(n))));
    Optional<String> email = entry.email().filter(e -> !e.equals(current.getEmail()));
    email.ifPresent(e -> changes.add(new Change("email", Values.quoted(current.getEmail()), Values.quoted(e))));
    Optional<Ref> newRole = role.filter(r -> differs(r, current.getRoleId()));
    newRole.ifPresent(r -> changes.add(new Change("role", plan.show(Ref.Type.ROLE, current.getRoleId()), r.name())));
    Optional<Ref> newScope = scope.filter(s -> differs(s, current.getScopeId()));
    newScope.ifPresent(s -> changes.add(new Change("scope", plan.show(Ref.Type.SCOPE, current.getScopeId()),
        s.name())));
    plan.update(ref, changes, new Step.UpdatePrincipal(current.getId(), name, email, newRole, newScope));
  }

  /** Whether the object {@code wanted} names is not the one with {@code currentId} ("" for none). */
  private boolean differs(Ref wanted, String currentId) {
    if (wanted.isNone()) {
      return !currentId.isEmpty();
    }
    String id = plan.id(wanted);
    return id.isEmpty() || !id.equals(currentId);
  }

  /** A role or scope the entry refers to must be in the file or in Keygate, and not be deleted by --prune. */
  private void check(PrincipalDecl entry, Ref ref, String field) {
    if (!plan.known(ref)) {
      throw new DeclarationException(entry.line(), entry.where() + "." + field + ": " + ref
          + " is neither in the file nor in Keygate");
    }
    if (plan.deletes(ref)) {
      throw new DeclarationException(entry.line(), entry.where() + "." + field + ": " + ref
          + " is not in the file, so --prune would delete it: add it to the file");
    }
  }

  private void notInFile(Principal principal, Ref user) {
    Ref ref = switch (principal.getKind()) {
      case PRINCIPAL_KIND_AGENT -> Ref.agent(user, principal.getDisplayName());
      case PRINCIPAL_KIND_SERVICE_ACCOUNT -> Ref.serviceAccount(principal.getDisplayName());
      default -> user;
    };
    plan.notInFile(ref, principal.getId(), new Step.DeletePrincipal(principal.getId()));
  }
}
