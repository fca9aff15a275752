package io.keygate.store.postgres;

import io.keygate.authz.ScopePath;
import io.keygate.v1.Scope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code scopes} table: the hierarchy inside a tenant. */
public final class ScopeRows {
  private static final String COLUMNS =
      "id, tenant_id, parent_id, name, kind, api_access_enabled, created_at, updated_at";

  /**
   * A recursive CTE {@code name(id)}: the scope bound as its two parameters (tenant, scope) and every
   * scope below it. Use after {@code with recursive}.
   */
  static String subtree(String name) {
    return name + "(id) as (select id from scopes where tenant_id = ? and id = ?"
        + " union all select s.id from scopes s join " + name + " t on s.parent_id = t.id)";
  }

  /** The deepest a scope may lie (a root scope has depth 1); paths are resolved up to here. */
  public static final int MAX_DEPTH = 16;

  private ScopeRows() {}

  public static void insert(Connection c, Scope s) throws SQLException {
    Sql.update(c, "insert into scopes (id, tenant_id, parent_id, name, kind, api_access_enabled)"
        + " values (?, ?, ?, ?, ?, ?)",
        s.getId(), s.getTenantId(), Sql.nullIfEmpty(s.getParentId()), s.getName(), s.getKind(),
        s.getApiAccessEnabled());
  }

  public static Optional<Scope> find(Connection c, String tenantId, String id) throws SQLException {
    return Sql.queryOne(c, "select " + COLUMNS + " from scopes where tenant_id = ? and id = ?", ScopeRows::map,
        tenantId, id);
  }

  /**
   * A page of scopes, children of {@code parentId} (empty: any); with {@code withinScopeId} set, only
   * that scope and those below it.
   */
  public static List<Scope> list(Connection c, String tenantId, String parentId, String withinScopeId,
      String afterId, int limit) throws SQLException {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    if (withinScopeId != null) {
      sql.append("with recursive ").append(subtree("within")).append(' ');
      params.add(tenantId);
      params.add(withinScopeId);
    }
    sql.append("select " + COLUMNS + " from scopes where tenant_id = ? and id > ?");
    params.add(tenantId);
    params.add(afterId);
    if (!parentId.isEmpty()) {
      sql.append(" and parent_id = ?");
      params.add(parentId);
    }
    if (withinScopeId != null) {
      sql.append(" and id in (select id from within)");
    }
    sql.append(" order by id limit ?");
    params.add(limit);
    return Sql.query(c, sql.toString(), ScopeRows::map, params.toArray());
  }

  public static void update(Connection c, Scope s) throws SQLException {
    Sql.update(c, "update scopes set name = ?, api_access_enabled = ?, updated_at = now()"
        + " where tenant_id = ? and id = ?", s.getName(), s.getApiAccessEnabled(), s.getTenantId(), s.getId());
  }

  public static void delete(Connection c, String tenantId, String id) throws SQLException {
    Sql.update(c, "delete from scopes where tenant_id = ? and id = ?", tenantId, id);
  }

  /** How many child scopes, keys and principals refer to the scope. */
  public static long references(Connection c, String tenantId, String id) throws SQLException {
    return Sql.count(c, "select (select count(*) from scopes where tenant_id = ? and parent_id = ?)"
        + " + (select count(*) from api_keys where tenant_id = ? and scope_id = ?)"
        + " + (select count(*) from principals where tenant_id = ? and scope_id = ?)",
        tenantId, id, tenantId, id, tenantId, id);
  }

  /**
   * The scope and its ancestors, nearest first; {@code null} when the tenant has no such scope — or
   * when its path is longer than {@link #MAX_DEPTH} (only possible by writing the table directly):
   * a path that cannot be resolved whole could hide a switched-off ancestor, so it answers nothing.
   */
  public static ScopePath path(Connection c, String tenantId, String scopeId) throws SQLException {
    long[] version = new long[1];
    boolean[] truncated = new boolean[1];
    List<ScopePath.Node> nodes = Sql.query(c, "with recursive path(id, parent_id, enabled, depth) as ("
        + " select id, parent_id, api_access_enabled, 1 from scopes where tenant_id = ? and id = ?"
        + " union all select s.id, s.parent_id, s.api_access_enabled, p.depth + 1"
        + " from scopes s join path p on s.id = p.parent_id and s.tenant_id = ? where p.depth < ?)"
        + " select id, parent_id, enabled, depth, (select seq from change_clock) as version from path order by depth",
        rs -> {
          version[0] = rs.getLong("version");
          truncated[0] |= rs.getString("parent_id") != null && rs.getInt("depth") >= MAX_DEPTH;
          return new ScopePath.Node(rs.getString("id"), rs.getBoolean("enabled"));
        }, tenantId, scopeId, tenantId, MAX_DEPTH);
    return nodes.isEmpty() || truncated[0] ? null : new ScopePath(nodes, version[0]);
  }

  static Scope map(ResultSet rs) throws SQLException {
    return Scope.newBuilder()
        .setId(rs.getString("id"))
        .setTenantId(rs.getString("tenant_id"))
        .setParentId(Sql.text(rs, "parent_id"))
        .setName(rs.getString("name"))
        .setKind(rs.getString("kind"))
        .setApiAccessEnabled(rs.getBoolean("api_access_enabled"))
        .setCreateTime(Sql.timestamp(rs, "created_at"))
        .setUpdateTime(Sql.timestamp(rs, "updated_at"))
        .build();
  }
}
