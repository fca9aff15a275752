package io.keygate.store.postgres;

import io.keygate.v1.Principal;
import io.keygate.v1.PrincipalKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code principals} table: users, service accounts and agents. */
public final class PrincipalRows {
  private static final String COLUMNS = "id, tenant_id, kind, display_name, email, parent_id, internal, role_id,"
      + " scope_id, created_at, updated_at";

  private PrincipalRows() {}

  public static void insert(Connection c, Principal p) throws SQLException {
    Sql.update(c, "insert into principals (id, tenant_id, kind, display_name, email, parent_id, internal, role_id,"
        + " scope_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        p.getId(), p.getTenantId(), kindName(p.getKind()), p.getDisplayName(), p.getEmail(),
        Sql.nullIfEmpty(p.getParentPrincipalId()), p.getInternal(), Sql.nullIfEmpty(p.getRoleId()),
        Sql.nullIfEmpty(p.getScopeId()));
  }

  public static Optional<Principal> find(Connection c, String tenantId, String id) throws SQLException {
    return Sql.queryOne(c, "select " + COLUMNS + " from principals where tenant_id = ? and id = ?",
        PrincipalRows::map, tenantId, id);
  }

  /** Locks the principal row (serialises token creation per principal) and returns it. */
  public static Optional<Principal> lock(Connection c, String tenantId, String id) throws SQLException {
    return Sql.queryOne(c, "select " + COLUMNS + " from principals where tenant_id = ? and id = ? for update",
        PrincipalRows::map, tenantId, id);
  }

  /** A page of principals; with {@code withinScopeId} set, only those in that scope or below it. */
  public static List<Principal> list(Connection c, String tenantId, PrincipalKind kind, String parentId,
      String withinScopeId, String afterId, int limit) throws SQLException {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    if (withinScopeId != null) {
      sql.append("with recursive ").append(ScopeRows.subtree("within")).append(' ');
      params.add(tenantId);
      params.add(withinScopeId);
    }
    sql.append("select " + COLUMNS + " from principals where tenant_id = ? and id > ?");
    params.add(tenantId);
    params.add(afterId);
    if (withinScopeId != null) {
      sql.append(" and scope_id in (select id from within)");
    }
    if (kind != PrincipalKind.PRINCIPAL_KIND_UNSPECIFIED) {
      sql.append(" and kind = ?");
      params.add(kindName(kind));
    }
    if (!parentId.isEmpty()) {
      sql.append(" and parent_id = ?");
      params.add(parentId);
    }
    sql.append(" order by id limit ?");
    params.add(limit);
    return Sql.query(c, sql.toString(), PrincipalRows::map, params.toArray());
  }

  public static void update(Connection c, Principal p) throws SQLException {
    Sql.update(c, "update principals set display_name = ?, email = ?, role_id = ?, scope_id = ?, updated_at = now()"
        + " where tenant_id = ? and id = ?",
        p.getDisplayName(), p.getEmail(), Sql.nullIfEmpty(p.getRoleId()), Sql.nullIfEmpty(p.getScopeId()),
        p.getTenantId(), p.getId());
  }

  public static void delete(Connection c, String tenantId, String id) throws SQLException {
    Sql.update(c, "delete from principals where tenant_id = ? and id = ?", tenantId, id);
  }

  /** How many keys the principal owns plus how many agents it manages. */
  public static long dependents(Connection c, String tenantId, String id) throws SQLException {
    return Sql.count(c, "select (select count(*) from api_keys where tenant_id = ? and owner_id = ?)"
        + " + (select count(*) from principals where tenant_id = ? and parent_id = ?)", tenantId, id, tenantId, id);
  }

  static Principal map(ResultSet rs) throws SQLException {
    return Principal.newBuilder()
        .setId(rs.getString("id"))
        .setTenantId(rs.getString("tenant_id"))
        .setKind(kindOf(rs.getString("kind")))
        .setDisplayName(rs.getString("display_name"))
        .setEmail(rs.getString("email"))
        .setParentPrincipalId(Sql.text(rs, "parent_id"))
        .setInternal(rs.getBoolean("internal"))
        .setRoleId(Sql.text(rs, "role_id"))
        .setScopeId(Sql.text(rs, "scope_id"))
        .setCreateTime(Sql.timestamp(rs, "created_at"))
        .setUpdateTime(Sql.timestamp(rs, "updated_at"))
        .build();
  }

  public static String kindName(PrincipalKind kind) {
    return kind.name().substring("PRINCIPAL_KIND_".length()).toLowerCase(Locale.ROOT);
  }

  public static PrincipalKind kindOf(String name) {
    return PrincipalKind.valueOf("PRINCIPAL_KIND_" + name.toUpperCase(Locale.ROOT));
  }
}
