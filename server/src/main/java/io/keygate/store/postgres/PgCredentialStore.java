package io.keygate.store.postgres;

import io.keygate.authz.CredentialRecord;
import io.keygate.authz.Grant;
import io.keygate.authz.RouteTable;
import io.keygate.authz.ScopePath;
import io.keygate.authz.TenantPolicy;
import io.keygate.store.CredentialStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The decision path's lookups on PostgreSQL: one indexed query per credential. Each result carries
 * the change-log sequence its read saw ({@link CredentialRecord#version()}), read in the same
 * statement and so from the same snapshot.
 */
public final class PgCredentialStore implements CredentialStore {
  private static final String LOOKUP = "select s.valid_until, tk.id as token_id, tk.access, tk.expires_at as t_exp,"
      + " k.id as key_id, k.scope_id, k.expires_at as k_exp, k.revoked_at, k.rate_limit_per_minute,"
      + " k.rate_limit_mode, p.id as principal_id, p.kind, p.parent_id, p.scope_id as p_scope,"
      + " te.id as tenant_id, te.is_system, te.api_access_enabled, te.accepted_credentials, te.ip_limit_requests,"
      + " te.ip_limit_window_seconds, te.key_limit_per_minute, te.key_limit_mode, te.default_permissions,"
      + " te.permission_source, te.auth_failure_guard_blocks_valid_keys, te.token_issuers, te.token_owners,"
      + " te.token_management_resources, te.routes, te.exact_rate_limits,"
      + " kr.id as kr_id, kr.name as kr_name, kr.permissions as kr_permissions,"
      + " pr.id as pr_id, pr.name as pr_name, pr.permissions as pr_permissions,"
      + " (select seq from change_clock) as version"
      + " from token_secrets s"
      + " join tokens tk on tk.id = s.token_id"
      + " join api_keys k on k.id = tk.api_key_id"
      + " join principals p on p.id = k.owner_id"
      + " join tenants te on te.id = k.tenant_id"
      + " left join roles kr on kr.id = k.role_id"
      + " left join roles pr on pr.id = p.role_id"
      + " where s.digest = ? and (s.valid_until is null or s.valid_until > ?)";

  private final Database database;
  private final Clock clock;

  /** Secrets in their grace period count as valid until {@code clock} passes their end. */
  public PgCredentialStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public Optional<CredentialRecord> findByDigest(byte[] digest) {
    return database.read(c -> Sql.queryOne(c, LOOKUP, PgCredentialStore::map, digest, clock.instant()));
  }

  @Override
  public ScopePath scopePath(String tenantId, String scopeId) {
    return database.read(c -> ScopeRows.path(c, tenantId, scopeId));
  }

  static CredentialRecord map(ResultSet rs) throws SQLException {
    String accepted = rs.getString("accepted_credentials");
    String routes = rs.getString("routes");
    TenantPolicy policy = new TenantPolicy(
        rs.getString("tenant_id"),
        rs.getBoolean("is_system"),
        rs.getBoolean("api_access_enabled"),
        !accepted.equals("bearer"),
        !accepted.equals("api_key_header"),
        rs.getLong("ip_limit_requests"),
        rs.getInt("ip_limit_window_seconds"),
        rs.getBoolean("auth_failure_guard_blocks_valid_keys"),
        rs.getString("token_issuers").equals("users_and_admin_service_accounts"),
        rs.getString("token_owners").equals("any_covered"),
        Set.copyOf(Sql.textArray(rs, "token_management_resources")),
        routes == null ? null : RouteTable.parseTenant(routes),
        rs.getBoolean("exact_rate_limits"));
    Long keyLimit = rs.getObject("rate_limit_per_minute", Long.class);
    String keyMode = rs.getString("rate_limit_mode");
    Grant grant = Grant.of(rs.getString("permission_source").equals("principal_role"), role(rs, "kr"),
        role(rs, "pr"), Sql.textArray(rs, "default_permissions"));
    return new CredentialRecord(
        rs.getString("tenant_id"),
        rs.getString("key_id"),
        rs.getString("token_id"),
        rs.getString("principal_id"),
        PrincipalRows.kindOf(rs.getString("kind")),
        rs.getString("parent_id"),
        rs.getString("p_scope"),
        rs.getString("scope_id"),
        grant.roleId(),
        grant.roleName(),
        grant.permissions(),
        rs.getString("access").equals("read_only"),
        earliest(Sql.instant(rs, "t_exp"), Sql.instant(rs, "k_exp"), Sql.instant(rs, "valid_until")),
        rs.getObject("revoked_at") != null,
        keyLimit != null ? keyLimit : rs.getLong("key_limit_per_minute"),
        (keyMode != null ? keyMode : rs.getString("key_limit_mode")).equals("enforced"),
        policy,
        rs.getLong("version"));
  }

  /** The role whose columns start with {@code prefix}; null when there is none. */
  static Grant.Role role(ResultSet rs, String prefix) throws SQLException {
    String id = rs.getString(prefix + "_id");
    return id == null ? null : new Grant.Role(id, rs.getString(prefix + "_name"), Sql.textArray(rs,
        prefix + "_permissions"));
  }

  private static Instant earliest(Instant... instants) {
    Instant min = null;
    for (Instant i : instants) {
      if (i != null && (min == null || i.isBefore(min))) {
        min = i;
      }
    }
    return min;
  }
}
