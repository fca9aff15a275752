package io.keygate.store.postgres;

import io.keygate.authz.ScopePath;
import io.keygate.v1.Scope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code scopes} table: the hierarchy inside a tenant. */
public final class ScopeRows {
  private static final String COLUMNS =
      "id, tenant_id, parent_id, name, kind, api_access_enabled, created_at, updated_at";

  /** Recursive CTE {@code subtree(id)}: the scope bound as the 2nd/1st parameters and all below it. */
  static final String SUBTREE = "subtree(id) as (select id from scopes where tenant_id = ? and id = ?"
      + " union all select s.id from scopes s join subtree t on s.parent_id = t.id)";

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

  public static List<Scope> list(Connection c, String tenantId, String parentId, String afterId, int limit)
      throws SQLException {
    if (parentId.isEmpty()) {
      return Sql.query(c, "select " + COLUMNS + " from scopes where tenant_id = ? and id > ? order by id limit ?",
          ScopeRows::map, tenantId, afterId, limit);
    }
    return Sql.query(c, "select " + COLUMNS + " from scopes where tenant_id = ? and parent_id = ? and id > ?"
        + " order by id limit ?", ScopeRows::map, tenantId, parentId, afterId, limit);
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

  /** The scope and its ancestors, nearest first; {@code null} when the tenant has no such scope. */
  public static ScopePath path(Connection c, String tenantId, String scopeId) throws SQLException {
    long[] version = new long[1];
    List<ScopePath.Node> nodes = Sql.query(c, "with recursive path(id, parent_id, enabled, depth) as ("
        + " select id, parent_id, api_access_enabled, 0 from scopes where tenant_id = ? and id = ?"
        + " union all select s.id, s.parent_id, s.api_access_enabled, p.depth + 1"
        + " from scopes s join path p on s.id = p.parent_id where p.depth < 64)"
        + " select id, enabled, (select seq from change_clock) as version from path order by depth",
        rs -> {
          version[0] = rs.getLong("version");
          return new ScopePath.Node(rs.getString("id"), rs.getBoolean("enabled"));
        }, tenantId, scopeId);
    return nodes.isEmpty() ? null : new ScopePath(nodes, version[0]);
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
