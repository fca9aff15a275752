package io.keygate.store.postgres;

import com.google.protobuf.Duration;
import io.keygate.keys.Expirations;
import io.keygate.v1.AcceptedCredentials;
import io.keygate.v1.Lifetime;
import io.keygate.v1.PermissionSource;
import io.keygate.v1.RateLimitMode;
import io.keygate.v1.StringList;
import io.keygate.v1.Tenant;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenIssuers;
import io.keygate.v1.TokenOwners;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The {@code tenants} table. Settings are written whole: callers merge and validate first. */
public final class TenantRows {
  private static final String COLUMNS = "id, name, is_system, api_access_enabled, accepted_credentials,"
      + " ip_limit_requests, ip_limit_window_seconds, key_limit_per_minute, key_limit_mode, default_permissions,"
      + " permission_source, max_active_tokens_per_principal, max_token_lifetime_amount, max_token_lifetime_unit,"
      + " personal_keys_tenant_wide_only, auth_failure_guard_blocks_valid_keys, token_issuers, token_owners,"
      + " token_management_resources, routes, exact_rate_limits, created_at, updated_at";

  private TenantRows() {}

  public static void insert(Connection c, String id, String name, boolean system, TenantSettings s)
      throws SQLException {
    Sql.update(c, "insert into tenants (" + COLUMNS.replace(", created_at, updated_at", "") + ")"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, name, system, s.getApiAccessEnabled(), lower(s.getAcceptedCredentials().name(), "ACCEPTED_CREDENTIALS_"),
        s.getIpLimitRequests(), (int) s.getIpLimitWindow().getSeconds(), s.getKeyLimitPerMinute(),
        lower(s.getKeyLimitMode().name(), "RATE_LIMIT_MODE_"), s.getDefaultPermissions().getValuesList(),
        lower(s.getPermissionSource().name(), "PERMISSION_SOURCE_"), s.getMaxActiveTokensPerPrincipal(),
        s.getMaxTokenLifetime().getAmount(), Expirations.unitName(s.getMaxTokenLifetime().getUnit()),
        s.getPersonalKeysTenantWideOnly(), s.getAuthFailureGuardBlocksValidKeys(),
        lower(s.getTokenIssuers().name(), "TOKEN_ISSUERS_"), lower(s.getTokenOwners().name(), "TOKEN_OWNERS_"),
        s.getTokenManagementResources().getValuesList(), Sql.nullIfEmpty(s.getRoutes()), s.getExactRateLimits());
  }

  public static void update(Connection c, String id, String name, TenantSettings s) throws SQLException {
    Sql.update(c, "update tenants set name = ?, api_access_enabled = ?, accepted_credentials = ?,"
        + " ip_limit_requests = ?, ip_limit_window_seconds = ?, key_limit_per_minute = ?, key_limit_mode = ?,"
        + " default_permissions = ?, permission_source = ?, max_active_tokens_per_principal = ?,"
        + " max_token_lifetime_amount = ?, max_token_lifetime_unit = ?, personal_keys_tenant_wide_only = ?,"
        + " auth_failure_guard_blocks_valid_keys = ?, token_issuers = ?, token_owners = ?,"
        + " token_management_resources = ?, routes = ?, exact_rate_limits = ?, updated_at = now() where id = ?",
        name, s.getApiAccessEnabled(), lower(s.getAcceptedCredentials().name(), "ACCEPTED_CREDENTIALS_"),
        s.getIpLimitRequests(), (int) s.getIpLimitWindow().getSeconds(), s.getKeyLimitPerMinute(),
        lower(s.getKeyLimitMode().name(), "RATE_LIMIT_MODE_"), s.getDefaultPermissions().getValuesList(),
        lower(s.getPermissionSource().name(), "PERMISSION_SOURCE_"), s.getMaxActiveTokensPerPrincipal(),
        s.getMaxTokenLifetime().getAmount(), Expirations.unitName(s.getMaxTokenLifetime().getUnit()),
        s.getPersonalKeysTenantWideOnly(), s.getAuthFailureGuardBlocksValidKeys(),
        lower(s.getTokenIssuers().name(), "TOKEN_ISSUERS_"), lower(s.getTokenOwners().name(), "TOKEN_OWNERS_"),
        s.getTokenManagementResources().getValuesList(), Sql.nullIfEmpty(s.getRoutes()), s.getExactRateLimits(), id);
  }

  public static Optional<Tenant> find(Connection c, String id) throws SQLException {
    return Sql.queryOne(c, "select " + COLUMNS + " from tenants where id = ?", TenantRows::map, id);
  }

  /** Locks the tenant row for the rest of the transaction and returns it. */
  public static Optional<Tenant> lock(Connection c, String id) throws SQLException {
    return Sql.queryOne(c, "select " + COLUMNS + " from tenants where id = ? for update", TenantRows::map, id);
  }

  public static List<Tenant> list(Connection c, String afterId, int limit) throws SQLException {
    return Sql.query(c, "select " + COLUMNS + " from tenants where id > ? order by id limit ?", TenantRows::map,
        afterId, limit);
  }

  public static boolean anyExists(Connection c) throws SQLException {
    return Sql.count(c, "select count(*) from tenants") > 0;
  }

  public static Optional<Tenant> system(Connection c) throws SQLException {
    return Sql.queryOne(c, "select " + COLUMNS + " from tenants where is_system", TenantRows::map);
  }

  static Tenant map(ResultSet rs) throws SQLException {
    TenantSettings settings = TenantSettings.newBuilder()
        .setApiAccessEnabled(rs.getBoolean("api_access_enabled"))
        .setAcceptedCredentials(AcceptedCredentials.valueOf(
            "ACCEPTED_CREDENTIALS_" + rs.getString("accepted_credentials").toUpperCase(Locale.ROOT)))
        .setIpLimitRequests(rs.getLong("ip_limit_requests"))
        .setIpLimitWindow(Duration.newBuilder().setSeconds(rs.getInt("ip_limit_window_seconds")))
        .setKeyLimitPerMinute(rs.getLong("key_limit_per_minute"))
        .setKeyLimitMode(RateLimitMode.valueOf(
            "RATE_LIMIT_MODE_" + rs.getString("key_limit_mode").toUpperCase(Locale.ROOT)))
        .setDefaultPermissions(StringList.newBuilder().addAllValues(Sql.textArray(rs, "default_permissions")))
        .setPermissionSource(PermissionSource.valueOf(
            "PERMISSION_SOURCE_" + rs.getString("permission_source").toUpperCase(Locale.ROOT)))
        .setMaxActiveTokensPerPrincipal(rs.getInt("max_active_tokens_per_principal"))
        .setMaxTokenLifetime(Lifetime.newBuilder()
            .setAmount(rs.getInt("max_token_lifetime_amount"))
            .setUnit(Expirations.unitOf(rs.getString("max_token_lifetime_unit"))))
        .setPersonalKeysTenantWideOnly(rs.getBoolean("personal_keys_tenant_wide_only"))
        .setAuthFailureGuardBlocksValidKeys(rs.getBoolean("auth_failure_guard_blocks_valid_keys"))
        .setTokenIssuers(TokenIssuers.valueOf(
            "TOKEN_ISSUERS_" + rs.getString("token_issuers").toUpperCase(Locale.ROOT)))
        .setTokenOwners(TokenOwners.valueOf(
            "TOKEN_OWNERS_" + rs.getString("token_owners").toUpperCase(Locale.ROOT)))
        .setTokenManagementResources(StringList.newBuilder().addAllValues(Sql.textArray(rs,
            "token_management_resources")))
        .setRoutes(Objects.requireNonNullElse(rs.getString("routes"), ""))
        .setExactRateLimits(rs.getBoolean("exact_rate_limits"))
        .build();
    return Tenant.newBuilder()
        .setId(rs.getString("id"))
        .setName(rs.getString("name"))
        .setSystem(rs.getBoolean("is_system"))
        .setSettings(settings)
        .setCreateTime(Sql.timestamp(rs, "created_at"))
        .setUpdateTime(Sql.timestamp(rs, "updated_at"))
        .build();
  }

  static String lower(String enumName, String prefix) {
    return enumName.substring(prefix.length()).toLowerCase(Locale.ROOT);
  }
}
