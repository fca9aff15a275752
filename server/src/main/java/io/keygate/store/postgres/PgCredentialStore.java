package io.keygate.store.postgres;

import io.keygate.authz.CredentialParts;
import io.keygate.authz.CredentialRecord;
import io.keygate.authz.Grant;
import io.keygate.authz.RouteTable;
import io.keygate.authz.ScopePath;
import io.keygate.authz.TenantPolicy;
import io.keygate.store.CredentialPartStore;
import io.keygate.store.CredentialStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The decision path's lookups on PostgreSQL, each one indexed query: a credential by digest, whole
 * ({@link #findByDigest}: its own rows joined with its tenant and roles) or in parts
 * ({@link CredentialPartStore}: its own rows — secret, token, key, owner — and apart from them its
 * tenant's settings and a role, which a cache holds for many credentials). Each result carries the
 * change-log sequence its read saw ({@link CredentialRecord#version()}), read in the same statement
 * and so from the same snapshot.
 */
public final class PgCredentialStore implements CredentialStore, CredentialPartStore {
  private static final String VERSION = "(select seq from change_clock) as version";
  private static final String KEY_COLUMNS = "s.valid_until, tk.id as token_id, tk.access, tk.expires_at as t_exp,"
      + " k.id as key_id, k.tenant_id, k.scope_id, k.expires_at as k_exp, k.revoked_at, k.rate_limit_per_minute,"
      + " k.rate_limit_mode, k.role_id as key_role_id, p.id as principal_id, p.kind, p.parent_id,"
      + " p.scope_id as p_scope, p.role_id as owner_role_id";
  private static final String KEY_ROWS = " from token_secrets s"
      + " join tokens tk on tk.id = s.token_id"
      + " join api_keys k on k.id = tk.api_key_id"
      + " join principals p on p.id = k.owner_id";
  private static final String VALID_SECRET = " where s.digest = ? and (s.valid_until is null or s.valid_until > ?)";
  private static final String TENANT_COLUMNS = "te.is_system, te.api_access_enabled, te.accepted_credentials,"
      + " te.ip_limit_requests, te.ip_limit_window_seconds, te.key_limit_per_minute, te.key_limit_mode,"
      + " te.default_permissions, te.permission_source, te.auth_failure_guard_blocks_valid_keys, te.token_issuers,"
      + " te.token_owners, te.token_management_resources, te.routes, te.exact_rate_limits";
  private static final String LOOKUP = "select " + KEY_COLUMNS + ", " + TENANT_COLUMNS + ","
      + " kr.id as kr_id, kr.name as kr_name, kr.permissions as kr_permissions,"
      + " pr.id as pr_id, pr.name as pr_name, pr.permissions as pr_permissions, " + VERSION
      + KEY_ROWS
      + " join tenants te on te.id = k.tenant_id"
      + " left join roles kr on kr.id = k.role_id"
      + " left join roles pr on pr.id = p.role_id"
      + VALID_SECRET;
  private static final String KEY = "select " + KEY_COLUMNS + ", " + VERSION + KEY_ROWS + VALID_SECRET;
  private static final String TENANT = "select te.id as tenant_id, " + TENANT_COLUMNS + ", " + VERSION
      + " from tenants te where te.id = ?";
  private static final String ROLE = "select r.id as r_id, r.name as r_name, r.permissions as r_permissions, "
      + VERSION + " from roles r where r.tenant_id = ? and r.id = ?";

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
  public Optional<CredentialParts.Key> findKey(byte[] digest) {
    return database.read(c -> Sql.queryOne(c, KEY, PgCredentialStore::key, digest, clock.instant()));
  }

  @Override
  public Optional<CredentialParts.Tenant> findTenant(String tenantId) {
    return database.read(c -> Sql.queryOne(c, TENANT, PgCredentialStore::tenant, tenantId));
  }

  @Override
  public Optional<CredentialParts.Role> findRole(String tenantId, String roleId) {
    return database.read(c -> Sql.queryOne(c, ROLE, rs -> new CredentialParts.Role(role(rs, "r"),
        rs.getLong("version")), tenantId, roleId));
  }

  @Override
  public ScopePath scopePath(String tenantId, String scopeId) {
    return database.read(c -> ScopeRows.path(c, tenantId, scopeId));
  }

  /** A row of {@link #LOOKUP}: all three parts, joined. */
  static CredentialRecord map(ResultSet rs) throws SQLException {
    CredentialParts.Tenant tenant = tenant(rs);
    return CredentialParts.join(key(rs), tenant, role(rs, tenant.permissionsFromOwner() ? "pr" : "kr"));
  }

  static CredentialParts.Key key(ResultSet rs) throws SQLException {
    String keyMode = rs.getString("rate_limit_mode");
    return new CredentialParts.Key(
        rs.getString("tenant_id"),
        rs.getString("key_id"),
        rs.getString("token_id"),
        rs.getString("principal_id"),
        PrincipalRows.kindOf(rs.getString("kind")),
        rs.getString("parent_id"),
        rs.getString("p_scope"),
        rs.getString("scope_id"),
        rs.getString("key_role_id"),
        rs.getString("owner_role_id"),
        rs.getString("access").equals("read_only"),
        earliest(Sql.instant(rs, "t_exp"), Sql.instant(rs, "k_exp"), Sql.instant(rs, "valid_until")),
        rs.getObject("revoked_at") != null,
        rs.getObject("rate_limit_per_minute", Long.class),
        keyMode == null ? null : keyMode.equals("enforced"),
        rs.getLong("version"));
  }

  static CredentialParts.Tenant tenant(ResultSet rs) throws SQLException {
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
    return new CredentialParts.Tenant(policy, rs.getString("permission_source").equals("principal_role"),
        Sql.textArray(rs, "default_permissions"), rs.getLong("key_limit_per_minute"),
        rs.getString("key_limit_mode").equals("enforced"), rs.getLong("version"));
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
