package io.keygate.cli.declare;

import io.keygate.cli.declare.Declaration.ScopeDecl;
import io.keygate.cli.declare.Step.Change;
import io.keygate.v1.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scope tree: each scope of the file matched by its path of names from the top. Parents are created before
 * their children; with --prune a scope the file does not name is deleted with everything under it, the deepest
 * first. A scope's kind cannot change through the API, so a different kind is an error, not a step.
 */
final class ScopePlanner {
  private final Map<String, List<Scope>> children = new HashMap<>();
  private final PlanBuilder plan;

  private ScopePlanner(List<Scope> scopes, PlanBuilder plan) {
    this.plan = plan;
    scopes.forEach(s -> children.computeIfAbsent(s.getParentId(), p -> new ArrayList<>()).add(s));
  }

  static void plan(Optional<List<ScopeDecl>> declared, List<Scope> scopes, PlanBuilder plan) {
    ScopePlanner planner = new ScopePlanner(scopes, plan);
    planner.register("", List.of());
    declared.ifPresent(top -> planner.siblings(top, List.of(), ""));
  }

  /** Every existing scope under {@code parentId}, by path, so that principals can refer to it. */
  private void register(String parentId, List<String> parentPath) {
    for (Scope scope : children.getOrDefault(parentId, List.of())) {
      List<String> path = child(parentPath, scope.getName());
      plan.exists(Ref.scope(path), scope.getId());
      register(scope.getId(), path);
    }
  }

  /**
   * The file's scopes under one parent: {@code parentId} is the existing parent's id ("" at the top), null when
   * the parent is created by this plan (so nothing exists under it yet).
   */
  private void siblings(List<ScopeDecl> declared, List<String> parentPath, String parentId) {
    Map<String, Scope> existing = new LinkedHashMap<>();
    if (parentId != null) {
      children.getOrDefault(parentId, List.of()).forEach(s -> existing.put(s.getName(), s));
    }
    for (ScopeDecl scope : declared) {
      List<String> path = child(parentPath, scope.name());
      Scope current = existing.remove(scope.name());
      if (current == null) {
        create(scope, path, parentPath);
      } else {
        update(scope, path, current);
      }
    }
    existing.values().forEach(s -> notInFile(s, child(parentPath, s.getName())));
  }

  private void create(ScopeDecl scope, List<String> path, List<String> parentPath) {
    List<Change> changes = new ArrayList<>();
    scope.kind().ifPresent(k -> changes.add(new Change("kind", null, k)));
    scope.apiAccessEnabled().ifPresent(a -> changes.add(new Change("api_access_enabled", null, a.toString())));
    Ref parent = parentPath.isEmpty() ? Ref.none(Ref.Type.SCOPE) : Ref.scope(parentPath);
    plan.create(Ref.scope(path), changes, new Step.CreateScope(parent, scope.name(), scope.kind(),
        scope.apiAccessEnabled()));
    scope.children().ifPresent(c -> siblings(c, path, null));
  }

  private void update(ScopeDecl scope, List<String> path, Scope current) {
    Ref ref = Ref.scope(path);
    scope.kind().filter(k -> !k.equals(current.getKind())).ifPresent(k -> {
      throw new DeclarationException(scope.line(), ref + ": kind is '" + current.getKind() + "' in Keygate and '"
          + k + "' in the file, and the management API cannot change a scope's kind: change the file, or delete"
          + " the scope and apply again");
    });
    Optional<Boolean> access = scope.apiAccessEnabled().filter(a -> a != current.getApiAccessEnabled());
    access.ifPresent(a -> plan.update(ref, List.of(new Change("api_access_enabled",
        String.valueOf(current.getApiAccessEnabled()), a.toString())), new Step.UpdateScope(current.getId(), a)));
    scope.children().ifPresent(c -> siblings(c, path, current.getId()));
  }

  /** Kept (reported, with everything under it) or, with --prune, deleted after everything under it. */
  private void notInFile(Scope scope, List<String> path) {
    if (!plan.prune) {
      plan.notInFile(Ref.scope(path), scope.getId(), new Step.DeleteScope(scope.getId()));
    }
    for (Scope child : children.getOrDefault(scope.getId(), List.of())) {
      notInFile(child, child(path, child.getName()));
    }
    if (plan.prune) {
      plan.notInFile(Ref.scope(path), scope.getId(), new Step.DeleteScope(scope.getId()));
    }
  }

  private static List<String> child(List<String> parent, String name) {
    List<String> path = new ArrayList<>(parent);
    path.add(name);
    return path;
  }
}
