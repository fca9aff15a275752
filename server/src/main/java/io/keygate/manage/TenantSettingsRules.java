package io.keygate.manage;

import com.google.protobuf.Duration;
import io.keygate.KeygateException;
import io.keygate.authz.RouteTable;
import io.keygate.authz.TenantPolicy;
import io.keygate.v1.AcceptedCredentials;
import io.keygate.v1.Lifetime;
import io.keygate.v1.LifetimeUnit;
import io.keygate.v1.PermissionSource;
import io.keygate.v1.RateLimitMode;
import io.keygate.v1.StringList;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenIssuers;
import io.keygate.v1.TokenOwners;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Tenant settings: their defaults, how a patch merges into them, and their limits. */
public final class TenantSettingsRules {
  static final long MAX_LIMIT_REQUESTS = 1_000_000_000L;
  static final long MAX_WINDOW_SECONDS = 86_400;
  private static final Pattern RESOURCE = Pattern.compile("[a-z0-9_.-]+");

  private TenantSettingsRules() {}

  /** The defaults of a new tenant (the seeds' common values). */
  public static TenantSettings defaults() {
    return TenantSettings.newBuilder()
        .setApiAccessEnabled(true)
        .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_ANY)
        .setIpLimitRequests(1000)
        .setIpLimitWindow(Duration.newBuilder().setSeconds(900))
        .setKeyLimitPerMinute(100)
        .setKeyLimitMode(RateLimitMode.RATE_LIMIT_MODE_ENFORCED)
        .setDefaultPermissions(StringList.getDefaultInstance())
        .setPermissionSource(PermissionSource.PERMISSION_SOURCE_KEY_ROLE)
        .setMaxActiveTokensPerPrincipal(50)
        .setMaxTokenLifetime(Lifetime.newBuilder().setAmount(12).setUnit(LifetimeUnit.LIFETIME_UNIT_MONTHS))
        .setPersonalKeysTenantWideOnly(false)
        .setAuthFailureGuardBlocksValidKeys(true)
        .setTokenIssuers(TokenIssuers.TOKEN_ISSUERS_USERS_AND_ADMIN_SERVICE_ACCOUNTS)
        .setTokenOwners(TokenOwners.TOKEN_OWNERS_ANY_COVERED)
        .setTokenManagementResources(StringList.newBuilder().addAllValues(
            new TreeSet<>(TenantPolicy.DEFAULT_TOKEN_RESOURCES)))
        .setRoutes("")
        .setExactRateLimits(false)
        .build();
  }

  /** {@code current} with every field that {@code patch} sets replaced, validated. */
  public static TenantSettings merge(TenantSettings current, TenantSettings patch) {
    TenantSettings.Builder out = current.toBuilder();
    if (patch.hasApiAccessEnabled()) {
      out.setApiAccessEnabled(patch.getApiAccessEnabled());
    }
    if (patch.getAcceptedCredentialsValue() != 0) {
      out.setAcceptedCredentials(known(patch.getAcceptedCredentials(), "settings.accepted_credentials"));
    }
    if (patch.hasIpLimitRequests()) {
      out.setIpLimitRequests(range("settings.ip_limit_requests", patch.getIpLimitRequests(), MAX_LIMIT_REQUESTS));
    }
    if (patch.hasIpLimitWindow()) {
      Duration window = patch.getIpLimitWindow();
      if (window.getNanos() != 0 || window.getSeconds() < 1 || window.getSeconds() > MAX_WINDOW_SECONDS) {
        throw KeygateException.invalid("settings.ip_limit_window",
            "settings.ip_limit_window must be whole seconds from 1s to 24h, got "
            + window.getSeconds() + "s");
      }
      out.setIpLimitWindow(window);
    }
    if (patch.hasKeyLimitPerMinute()) {
      out.setKeyLimitPerMinute(range("settings.key_limit_per_minute", patch.getKeyLimitPerMinute(),
          MAX_LIMIT_REQUESTS));
    }
    if (patch.getKeyLimitModeValue() != 0) {
      out.setKeyLimitMode(known(patch.getKeyLimitMode(), "settings.key_limit_mode"));
    }
    if (patch.hasDefaultPermissions()) {
      out.setDefaultPermissions(StringList.newBuilder().addAllValues(
          Validate.permissions("settings.default_permissions", patch.getDefaultPermissions().getValuesList())));
    }
    if (patch.getPermissionSourceValue() != 0) {
      out.setPermissionSource(known(patch.getPermissionSource(), "settings.permission_source"));
    }
    if (patch.hasMaxActiveTokensPerPrincipal()) {
      out.setMaxActiveTokensPerPrincipal((int) range("settings.max_active_tokens_per_principal",
          patch.getMaxActiveTokensPerPrincipal(), 100_000));
    }
    if (patch.hasMaxTokenLifetime()) {
      Lifetime lifetime = patch.getMaxTokenLifetime();
      if (lifetime.getAmount() < 0 || lifetime.getAmount() > 0 && lifetime.getUnitValue() == 0) {
        throw KeygateException.invalid("settings.max_token_lifetime",
            "settings.max_token_lifetime needs a non-negative amount and a unit"
            + " (HOURS, DAYS, WEEKS or MONTHS); amount 0 means no cap");
      }
      if (lifetime.getAmount() == 0) {
        lifetime = Lifetime.newBuilder().setAmount(0).setUnit(LifetimeUnit.LIFETIME_UNIT_MONTHS).build();
      }
      known(lifetime.getUnit(), "settings.max_token_lifetime.unit");
      io.keygate.keys.Expirations.after(java.time.Instant.EPOCH, lifetime, "settings.max_token_lifetime");
      out.setMaxTokenLifetime(lifetime);
    }
    if (patch.hasPersonalKeysTenantWideOnly()) {
      out.setPersonalKeysTenantWideOnly(patch.getPersonalKeysTenantWideOnly());
    }
    if (patch.hasAuthFailureGuardBlocksValidKeys()) {
      out.setAuthFailureGuardBlocksValidKeys(patch.getAuthFailureGuardBlocksValidKeys());
    }
    if (patch.getTokenIssuersValue() != 0) {
      out.setTokenIssuers(known(patch.getTokenIssuers(), "settings.token_issuers"));
    }
    if (patch.getTokenOwnersValue() != 0) {
      out.setTokenOwners(known(patch.getTokenOwners(), "settings.token_owners"));
    }
    if (patch.hasTokenManagementResources()) {
      out.setTokenManagementResources(StringList.newBuilder().addAllValues(
          resources("settings.token_management_resources", patch.getTokenManagementResources().getValuesList())));
    }
    if (patch.hasRoutes()) {
      try {
        RouteTable.parseTenant(patch.getRoutes());
      } catch (IllegalArgumentException e) {
        throw KeygateException.invalid("settings.routes", "settings.routes: " + e.getMessage());
      }
      out.setRoutes(patch.getRoutes());
    }
    if (patch.hasExactRateLimits()) {
      out.setExactRateLimits(patch.getExactRateLimits());
    }
    return out.build();
  }

  /** 1–16 distinct resource names ({@code [a-z0-9_.-]}, as the first segment of a permission), sorted. */
  private static Set<String> resources(String field, List<String> names) {
    if (names.isEmpty() || names.size() > 16) {
      throw KeygateException.invalid(field, field + " needs 1 to 16 resource names, got " + names.size());
    }
    Set<String> out = new TreeSet<>();
    for (String name : names) {
      if (name.length() > 64 || !RESOURCE.matcher(name).matches()) {
        throw KeygateException.invalid(field,
            field + ": '" + (name.length() > 64 ? name.substring(0, 64) + "…" : name)
            + "' is not a resource name: 1–64 of [a-z0-9_.-], as the part of a permission before its first ':'");
      }
      out.add(name);
    }
    return out;
  }

  private static long range(String field, long value, long max) {
    if (value < 0 || value > max) {
      throw KeygateException.invalid(field, field + " must be between 0 and " + max + ", got " + value);
    }
    return value;
  }

  private static <E extends Enum<E>> E known(E value, String field) {
    if (value.name().equals("UNRECOGNIZED")) {
      throw KeygateException.invalid(field, field + " has a value this server does not know");
    }
    return value;
  }
}
