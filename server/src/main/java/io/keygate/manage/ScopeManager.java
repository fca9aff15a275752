package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.authz.ScopePath;
import io.keygate.keys.Ids;
import io.keygate.store.postgres.Database;
import io.keygate.store.postgres.ScopeRows;
import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.ListScopesRequest;
import io.keygate.v1.ListScopesResponse;
import io.keygate.v1.Scope;
import io.keygate.v1.UpdateScopeRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The scope hierarchy inside a tenant and its per-scope API-access switches. A scope-bound caller
 * sees and changes only its scope and those below it. Scopes nest at most {@link #MAX_DEPTH} deep, so
 * every path is resolved whole.
 */
public final class ScopeManager {
  /** The deepest a scope may lie: a root scope has depth 1. */
  public static final int MAX_DEPTH = ScopeRows.MAX_DEPTH;

  private final Database database;

  public ScopeManager(Database database) {
    this.database = database;
  }

  public Scope create(Caller caller, CreateScopeRequest request) {
    String parentId = Validate.id("parent_id", request.getParentId(), "scp", true);
    String name = Validate.name("name", request.getName(), 200);
    String kind = request.getKind().isEmpty() ? "team" : Validate.kind("kind", request.getKind());
    requireWrite(caller);
    return database.inTransaction(c -> {
      ScopePath parent = parentId.isEmpty() ? null : Optional.ofNullable(ScopeRows.path(c, caller.tenantId(),
          parentId)).orElseThrow(() -> KeygateException.notFound("scope", parentId));
      Access.requireWithin(caller, parent, "scopes");
      Access.requireScopeWrite(caller, parent);
      if (parent != null && parent.nodes().size() >= MAX_DEPTH) {
        throw KeygateException.invalid("parent_id",
            "parent_id lies " + parent.nodes().size() + " levels deep; scopes nest at"
            + " most " + MAX_DEPTH + " deep");
      }
      Scope scope = Scope.newBuilder().setId(Ids.scope()).setTenantId(caller.tenantId()).setParentId(parentId)
          .setName(name).setKind(kind)
          .setApiAccessEnabled(!request.hasApiAccessEnabled() || request.getApiAccessEnabled()).build();
      ScopeRows.insert(c, scope);
      Audit.record(c, caller, "scope.create", "scope", scope.getId(), Audit.details("name", name, "kind", kind,
          "parent_id", parentId.isEmpty() ? null : parentId, "api_access_enabled", scope.getApiAccessEnabled()));
      return ScopeRows.find(c, caller.tenantId(), scope.getId()).orElseThrow();
    });
  }

  public Scope get(Caller caller, String scopeId) {
    Validate.id("scope_id", scopeId, "scp", false);
    Access.require(caller, Access.SCOPES_READ);
    return database.read(c -> reachable(c, caller, scopeId));
  }

  public ListScopesResponse list(Caller caller, ListScopesRequest request) {
    String parentId = Validate.id("parent_id", request.getParentId(), "scp", true);
    int size = Pages.size(request.getPageSize());
    String after = Pages.after(request.getPageToken());
    Access.require(caller, Access.SCOPES_READ);
    List<Scope> scopes = database.read(c -> ScopeRows.list(c, caller.tenantId(), parentId, caller.scopeId(), after,
        size));
    return ListScopesResponse.newBuilder().addAllScopes(scopes)
        .setNextPageToken(Pages.next(scopes, size, Scope::getId)).build();
  }

  public Scope update(Caller caller, UpdateScopeRequest request) {
    String id = Validate.id("scope_id", request.getScopeId(), "scp", false);
    String name = request.hasName() ? Validate.name("name", request.getName(), 200) : null;
    requireWrite(caller);
    return database.inTransaction(c -> {
      Scope scope = reachable(c, caller, id);
      Access.requireScopeWrite(caller, ScopeRows.path(c, caller.tenantId(), id));
      Scope.Builder next = scope.toBuilder();
      if (name != null) {
        next.setName(name);
      }
      if (request.hasApiAccessEnabled()) {
        next.setApiAccessEnabled(request.getApiAccessEnabled());
      }
      ScopeRows.update(c, next.build());
      Audit.record(c, caller, "scope.update", "scope", id, Audit.details("name", name, "api_access_enabled",
          request.hasApiAccessEnabled() ? request.getApiAccessEnabled() : null));
      return ScopeRows.find(c, caller.tenantId(), id).orElseThrow();
    });
  }

  public void delete(Caller caller, String scopeId) {
    String id = Validate.id("scope_id", scopeId, "scp", false);
    requireWrite(caller);
    database.inTransaction(c -> {
      Scope scope = reachable(c, caller, id);
      Access.requireScopeWrite(caller, ScopeRows.path(c, caller.tenantId(), id));
      long references = ScopeRows.references(c, caller.tenantId(), id);
      if (references > 0) {
        throw KeygateException.precondition("scope " + scope.getName() + " still has " + references
            + " child scopes, keys or principals; move or delete them first").because("STILL_REFERENCED");
      }
      ScopeRows.delete(c, caller.tenantId(), id);
      Audit.record(c, caller, "scope.delete", "scope", id, Audit.details("name", scope.getName()));
      return null;
    });
  }

  /** Permission first: {@code scopes:write} in some form; which scopes it reaches is checked per target. */
  private static void requireWrite(Caller caller) {
    Access.require(caller, Access.SCOPES_WRITE_TEAM); // :all covers :team
    Access.requireWritable(caller);
  }

  /** The scope if it lies in the caller's scope or below (NOT_FOUND otherwise, as for a missing one). */
  private static Scope reachable(Connection c, Caller caller, String id) throws SQLException {
    Scope scope = ScopeRows.find(c, caller.tenantId(), id).orElseThrow(() -> KeygateException.notFound("scope", id));
    if (!Access.within(caller, ScopeRows.path(c, caller.tenantId(), id))) {
      throw KeygateException.notFound("scope", id);
    }
    return scope;
  }
}
