package io.keygate.store.postgres;

import io.keygate.v1.ApiKey;
import io.keygate.v1.CredentialState;
import io.keygate.v1.KeyRateLimit;
import io.keygate.v1.RateLimitMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code api_keys} table. */
public final class KeyRows {
  private static final String SELECT = "select k.*, t.key_limit_per_minute as t_limit, t.key_limit_mode as t_mode,"
      + " (select count(*) from tokens tk where tk.api_key_id = k.id) as token_count"
      + " from api_keys k join tenants t on t.id = k.tenant_id join principals p on p.id = k.owner_id";

  private KeyRows() {}

  /**
   * Which keys a caller may see: all, its team's (keys in its principal's scope and below, and of
   * principals there), or its own (and its agents'); and, for a caller bound to a scope, only keys
   * bound to that scope or below ({@code withinScopeId}, null for no such limit).
   */
  public record Visibility(Kind kind, String principalId, String teamScopeId, String withinScopeId) {
    /** How far the caller's view reaches. */
    public enum Kind {
      ALL,
      TEAM,
      OWN
    }

    public static final Visibility ALL = new Visibility(Kind.ALL, null, null, null);
  }

  /** The filters of a list call; empty strings and null mean "any". */
  public record Filter(String ownerId, String scopeId, String roleId, CredentialState state, String tag) {}

  /** Inserts a key; {@code rateLimitPerMinute} and {@code mode} may be null (tenant default). */
  public static void insert(Connection c, ApiKey k, Long rateLimitPerMinute, String mode, Instant expiresAt)
      throws SQLException {
    Sql.update(c, "insert into api_keys (id, tenant_id, owner_id, scope_id, role_id, name, description, tags,"
        + " rate_limit_per_minute, rate_limit_mode, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)",
        k.getId(), k.getTenantId(), k.getOwnerPrincipalId(), Sql.nullIfEmpty(k.getScopeId()),
        Sql.nullIfEmpty(k.getRoleId()), k.getName(), k.getDescription(), Json.of(k.getTagsMap()),
        rateLimitPerMinute, mode, expiresAt);
  }

  /** The key if {@code visibility} lets the caller see it; its state as of {@code now}. */
  public static Optional<ApiKey> find(Connection c, String tenantId, String id, Visibility visibility, Instant now)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    String cte = withVisibility(visibility, params, tenantId);
    params.add(tenantId);
    params.add(id);
    String sql = cte + SELECT + " where k.tenant_id = ? and k.id = ?" + visibilityClause(visibility, params);
    return Sql.queryOne(c, sql, rs -> map(rs, now), params.toArray());
  }

  /** Locks the key row and returns it (any visibility: callers check permissions on the result). */
  public static Optional<ApiKey> lock(Connection c, String tenantId, String id, Instant now) throws SQLException {
    Sql.queryOne(c, "select id from api_keys where tenant_id = ? and id = ? for update", rs -> rs.getString(1),
        tenantId, id);
    return find(c, tenantId, id, Visibility.ALL, now);
  }

  /** A page of keys; states and the state filter as of {@code now}. */
  public static List<ApiKey> list(Connection c, String tenantId, Filter filter, Visibility visibility,
      String afterId, int limit, Instant now) throws SQLException {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder(withVisibility(visibility, params, tenantId));
    sql.append(SELECT).append(" where k.tenant_id = ? and k.id > ?");
    params.add(tenantId);
    params.add(afterId);
    if (!filter.ownerId().isEmpty()) {
      sql.append(" and k.owner_id = ?");
      params.add(filter.ownerId());
    }
    if (!filter.scopeId().isEmpty()) {
      sql.append(" and k.scope_id = ?");
      params.add(filter.scopeId());
    }
    if (!filter.roleId().isEmpty()) {
      sql.append(" and k.role_id = ?");
      params.add(filter.roleId());
    }
    switch (filter.state()) {
      case CREDENTIAL_STATE_ACTIVE -> {
        sql.append(" and k.revoked_at is null and (k.expires_at is null or k.expires_at > ?)");
        params.add(now);
      }
      case CREDENTIAL_STATE_EXPIRED -> {
        sql.append(" and k.revoked_at is null and k.expires_at <= ?");
        params.add(now);
      }
      case CREDENTIAL_STATE_REVOKED -> sql.append(" and k.revoked_at is not null");
      default -> { }
    }
    if (!filter.tag().isEmpty()) {
      int eq = filter.tag().indexOf('=');
      if (eq < 0) {
        sql.append(" and jsonb_exists(k.tags, ?)");
        params.add(filter.tag());
      } else {
        sql.append(" and k.tags @> jsonb_build_object(?::text, ?::text)");
        params.add(filter.tag().substring(0, eq));
        params.add(filter.tag().substring(eq + 1));
      }
    }
    sql.append(visibilityClause(visibility, params));
    sql.append(" order by k.id limit ?");
    params.add(limit);
    return Sql.query(c, sql.toString(), rs -> map(rs, now), params.toArray());
  }

  /** Writes the mutable fields of a key. */
  public static void update(Connection c, String tenantId, String id, String name, String description,
      java.util.Map<String, String> tags, String roleId, Long rateLimitPerMinute, String mode, Instant expiresAt)
      throws SQLException {
    Sql.update(c, "update api_keys set name = ?, description = ?, tags = ?::jsonb, role_id = ?,"
        + " rate_limit_per_minute = ?, rate_limit_mode = ?, expires_at = ?, updated_at = now()"
        + " where tenant_id = ? and id = ?",
        name, description, Json.of(tags), Sql.nullIfEmpty(roleId), rateLimitPerMinute, mode, expiresAt,
        tenantId, id);
  }

  /** How many keys of the tenant have a role other than their owner's. */
  public static long countWithOwnRole(Connection c, String tenantId) throws SQLException {
    return Sql.count(c, "select count(*) from api_keys k join principals p on p.id = k.owner_id"
        + " where k.tenant_id = ? and k.role_id is not null and k.role_id is distinct from p.role_id", tenantId);
  }

  /** Clears the role of the tenant's keys whose role is their owner's (it then says nothing more); how many. */
  public static int clearRolesOfOwners(Connection c, String tenantId) throws SQLException {
    return Sql.update(c, "update api_keys k set role_id = null from principals p"
        + " where p.id = k.owner_id and k.tenant_id = ? and k.role_id = p.role_id", tenantId);
  }

  public static void revoke(Connection c, String tenantId, String id, Instant now) throws SQLException {
    Sql.update(c, "update api_keys set revoked_at = ?, updated_at = now()"
        + " where tenant_id = ? and id = ? and revoked_at is null", now, tenantId, id);
  }

  /** Deletes the key and (by cascade) its tokens and their secrets; returns how many tokens went. */
  public static int delete(Connection c, String tenantId, String id) throws SQLException {
    int tokens = (int) Sql.count(c, "select count(*) from tokens where tenant_id = ? and api_key_id = ?",
        tenantId, id);
    Sql.update(c, "delete from api_keys where tenant_id = ? and id = ?", tenantId, id);
    return tokens;
  }

  /** The stored per-key limit (nullable columns). */
  public record StoredLimit(Long perMinute, String mode) {}

  public static StoredLimit storedLimit(Connection c, String tenantId, String id) throws SQLException {
    return Sql.queryOne(c, "select rate_limit_per_minute, rate_limit_mode from api_keys where tenant_id = ? and id = ?",
        rs -> new StoredLimit(rs.getObject("rate_limit_per_minute", Long.class), rs.getString("rate_limit_mode")),
        tenantId, id).orElseThrow();
  }

  private static String withVisibility(Visibility v, List<Object> params, String tenantId) {
    List<String> ctes = new ArrayList<>();
    if (v.kind() == Visibility.Kind.TEAM && v.teamScopeId() != null) {
      params.add(tenantId);
      params.add(v.teamScopeId());
      ctes.add(ScopeRows.subtree("team"));
    }
    if (v.withinScopeId() != null) {
      params.add(tenantId);
      params.add(v.withinScopeId());
      ctes.add(ScopeRows.subtree("within"));
    }
    return ctes.isEmpty() ? "" : "with recursive " + String.join(", ", ctes) + " ";
  }

  private static String visibilityClause(Visibility v, List<Object> params) {
    String within = v.withinScopeId() != null ? " and k.scope_id in (select id from within)" : "";
    if (v.kind() == Visibility.Kind.ALL) {
      return within;
    }
    params.add(v.principalId());
    params.add(v.principalId());
    if (v.kind() == Visibility.Kind.TEAM && v.teamScopeId() != null) {
      return within + " and (k.owner_id = ? or p.parent_id = ? or k.scope_id in (select id from team)"
          + " or p.scope_id in (select id from team))";
    }
    return within + " and (k.owner_id = ? or p.parent_id = ?)";
  }

  static ApiKey map(ResultSet rs, Instant now) throws SQLException {
    Long ownLimit = rs.getObject("rate_limit_per_minute", Long.class);
    String ownMode = rs.getString("rate_limit_mode");
    KeyRateLimit.Builder own = KeyRateLimit.newBuilder();
    if (ownLimit != null) {
      own.setRequestsPerMinute(ownLimit);
    }
    if (ownMode != null) {
      own.setMode(modeOf(ownMode));
    }
    KeyRateLimit effective = KeyRateLimit.newBuilder()
        .setRequestsPerMinute(ownLimit != null ? ownLimit : rs.getLong("t_limit"))
        .setMode(modeOf(ownMode != null ? ownMode : rs.getString("t_mode")))
        .build();
    Instant expires = Sql.instant(rs, "expires_at");
    Instant revoked = Sql.instant(rs, "revoked_at");
    ApiKey.Builder key = ApiKey.newBuilder()
        .setId(rs.getString("id"))
        .setTenantId(rs.getString("tenant_id"))
        .setName(rs.getString("name"))
        .setDescription(rs.getString("description"))
        .putAllTags(Json.toMap(rs.getString("tags")))
        .setOwnerPrincipalId(rs.getString("owner_id"))
        .setScopeId(Sql.text(rs, "scope_id"))
        .setRoleId(Sql.text(rs, "role_id"))
        .setRateLimit(own)
        .setEffectiveRateLimit(effective)
        .setState(state(revoked, expires, now))
        .setCreateTime(Sql.timestamp(rs, "created_at"))
        .setUpdateTime(Sql.timestamp(rs, "updated_at"))
        .setTokenCount(rs.getInt("token_count"));
    if (expires != null) {
      key.setExpireTime(Sql.toProto(expires));
    }
    if (revoked != null) {
      key.setRevokeTime(Sql.toProto(revoked));
    }
    Instant lastUsed = Sql.instant(rs, "last_used_at");
    if (lastUsed != null) {
      key.setLastUsedTime(Sql.toProto(lastUsed));
    }
    key.setRequestCount(rs.getLong("use_count"));
    return key.build();
  }

  static CredentialState state(Instant revoked, Instant expires, Instant now) {
    if (revoked != null) {
      return CredentialState.CREDENTIAL_STATE_REVOKED;
    }
    if (expires != null && !now.isBefore(expires)) {
      return CredentialState.CREDENTIAL_STATE_EXPIRED;
    }
    return CredentialState.CREDENTIAL_STATE_ACTIVE;
  }

  public static RateLimitMode modeOf(String name) {
    return RateLimitMode.valueOf("RATE_LIMIT_MODE_" + name.toUpperCase(Locale.ROOT));
  }

  public static String modeName(RateLimitMode mode) {
    return TenantRows.lower(mode.name(), "RATE_LIMIT_MODE_");
  }
}
