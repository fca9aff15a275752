package io.keygate.store.postgres;

import io.keygate.v1.Role;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code roles} table. */
public final class RoleRows {
  private static final String COLUMNS = "id, tenant_id, name, description, permissions, created_at, updated_at";

  private RoleRows() {}

  public static void insert(Connection c, Role r) throws SQLException {
    Sql.update(c, "insert into roles (id, tenant_id, name, description, permissions) values (?, ?, ?, ?, ?)",
        r.getId(), r.getTenantId(), r.getName(), r.getDescription(), r.getPermissionsList());
  }

  public static Optional<Role> find(Connection c, String tenantId, String id) throws SQLException {
    return Sql.queryOne(c, "select " + COLUMNS + " from roles where tenant_id = ? and id = ?", RoleRows::map,
        tenantId, id);
  }

  public static Optional<Role> findByName(Connection c, String tenantId, String name) throws SQLException {
    return Sql.queryOne(c, "select " + COLUMNS + " from roles where tenant_id = ? and name = ?", RoleRows::map,
        tenantId, name);
  }

  public static boolean nameTaken(Connection c, String tenantId, String name, String exceptId) throws SQLException {
    return Sql.count(c, "select count(*) from roles where tenant_id = ? and name = ? and id <> ?",
        tenantId, name, exceptId) > 0;
  }

  public static List<Role> list(Connection c, String tenantId, String afterId, int limit) throws SQLException {
    return Sql.query(c, "select " + COLUMNS + " from roles where tenant_id = ? and id > ? order by id limit ?",
        RoleRows::map, tenantId, afterId, limit);
  }

  /** Every role of the tenant (a tenant has tens of roles, not thousands). */
  public static List<Role> all(Connection c, String tenantId) throws SQLException {
    return Sql.query(c, "select " + COLUMNS + " from roles where tenant_id = ? order by id", RoleRows::map, tenantId);
  }

  public static void update(Connection c, Role r) throws SQLException {
    Sql.update(c, "update roles set name = ?, description = ?, permissions = ?, updated_at = now()"
        + " where tenant_id = ? and id = ?",
        r.getName(), r.getDescription(), r.getPermissionsList(), r.getTenantId(), r.getId());
  }

  public static void delete(Connection c, String tenantId, String id) throws SQLException {
    Sql.update(c, "delete from roles where tenant_id = ? and id = ?", tenantId, id);
  }

  /** How many keys and principals use the role. */
  public static long uses(Connection c, String tenantId, String id) throws SQLException {
    return Sql.count(c, "select (select count(*) from api_keys where tenant_id = ? and role_id = ?)"
        + " + (select count(*) from principals where tenant_id = ? and role_id = ?)", tenantId, id, tenantId, id);
  }

  static Role map(ResultSet rs) throws SQLException {
    return Role.newBuilder()
        .setId(rs.getString("id"))
        .setTenantId(rs.getString("tenant_id"))
        .setName(rs.getString("name"))
        .setDescription(rs.getString("description"))
        .addAllPermissions(Sql.textArray(rs, "permissions"))
        .setCreateTime(Sql.timestamp(rs, "created_at"))
        .setUpdateTime(Sql.timestamp(rs, "updated_at"))
        .build();
  }
}
