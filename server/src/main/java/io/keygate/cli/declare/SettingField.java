package io.keygate.cli.declare;

import io.keygate.v1.AcceptedCredentials;
import io.keygate.v1.PermissionSource;
import io.keygate.v1.RateLimitMode;
import io.keygate.v1.StringList;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenIssuers;
import io.keygate.v1.TokenOwners;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The keys of the file's {@code settings:} section: one per {@link TenantSettings} field, named as in the
 * proto. Each reads its value from the file, tells whether a settings message sets it, prints it the way the
 * file writes it, compares two values and copies one into an UpdateTenant patch.
 */
enum SettingField {
  API_ACCESS_ENABLED("api_access_enabled") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setApiAccessEnabled(v.bool());
    }

    @Override boolean isSet(TenantSettings s) {
      return s.hasApiAccessEnabled();
    }

    @Override String show(TenantSettings s) {
      return String.valueOf(s.getApiAccessEnabled());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setApiAccessEnabled(from.getApiAccessEnabled());
    }
  },
  ACCEPTED_CREDENTIALS("accepted_credentials") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setAcceptedCredentials(Values.enumValue(v, AcceptedCredentials.values()));
    }

    @Override boolean isSet(TenantSettings s) {
      return s.getAcceptedCredentialsValue() != 0;
    }

    @Override String show(TenantSettings s) {
      return Values.name(s.getAcceptedCredentials());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setAcceptedCredentials(from.getAcceptedCredentials());
    }
  },
  IP_LIMIT_REQUESTS("ip_limit_requests") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setIpLimitRequests(v.count());
    }

    @Override boolean isSet(TenantSettings s) {
      return s.hasIpLimitRequests();
    }

    @Override String show(TenantSettings s) {
      return String.valueOf(s.getIpLimitRequests());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setIpLimitRequests(from.getIpLimitRequests());
    }
  },
  IP_LIMIT_WINDOW("ip_limit_window") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setIpLimitWindow(Values.duration(v));
    }

    @Override boolean isSet(TenantSettings s) {
      return s.hasIpLimitWindow();
    }

    @Override String show(TenantSettings s) {
      return Values.duration(s.getIpLimitWindow());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setIpLimitWindow(from.getIpLimitWindow());
    }
  },
  KEY_LIMIT_PER_MINUTE("key_limit_per_minute") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setKeyLimitPerMinute(v.count());
    }

    @Override boolean isSet(TenantSettings s) {
      return s.hasKeyLimitPerMinute();
    }

    @Override String show(TenantSettings s) {
      return String.valueOf(s.getKeyLimitPerMinute());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setKeyLimitPerMinute(from.getKeyLimitPerMinute());
    }
  },
  KEY_LIMIT_MODE("key_limit_mode") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setKeyLimitMode(Values.enumValue(v, RateLimitMode.values()));
    }

    @Override boolean isSet(TenantSettings s) {
      return s.getKeyLimitModeValue() != 0;
    }

    @Override String show(TenantSettings s) {
      return Values.name(s.getKeyLimitMode());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setKeyLimitMode(from.getKeyLimitMode());
    }
  },
  DEFAULT_PERMISSIONS("default_permissions") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setDefaultPermissions(StringList.newBuilder().addAllValues(v.texts()));
    }

    @Override boolean isSet(TenantSettings s) {
      return s.hasDefaultPermissions();
    }

    @Override String show(TenantSettings s) {
      return Values.list(s.getDefaultPermissions().getValuesList());
    }

    @Override boolean same(TenantSettings a, TenantSettings b) {
      return Set.copyOf(a.getDefaultPermissions().getValuesList())
          .equals(Set.copyOf(b.getDefaultPermissions().getValuesList()));
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setDefaultPermissions(from.getDefaultPermissions());
    }
  },
  PERMISSION_SOURCE("permission_source") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setPermissionSource(Values.enumValue(v, PermissionSource.values()));
    }

    @Override boolean isSet(TenantSettings s) {
      return s.getPermissionSourceValue() != 0;
    }

    @Override String show(TenantSettings s) {
      return Values.name(s.getPermissionSource());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setPermissionSource(from.getPermissionSource());
    }
  },
  MAX_ACTIVE_TOKENS_PER_PRINCIPAL("max_active_tokens_per_principal") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      long count = v.count();
      if (count > Integer.MAX_VALUE) {
        throw v.error(count + " is too large");
      }
      s.setMaxActiveTokensPerPrincipal((int) count);
    }

    @Override boolean isSet(TenantSettings s) {
      return s.hasMaxActiveTokensPerPrincipal();
    }

    @Override String show(TenantSettings s) {
      return String.valueOf(s.getMaxActiveTokensPerPrincipal());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setMaxActiveTokensPerPrincipal(from.getMaxActiveTokensPerPrincipal());
    }
  },
  MAX_TOKEN_LIFETIME("max_token_lifetime") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setMaxTokenLifetime(Values.lifetime(v));
    }

    @Override boolean isSet(TenantSettings s) {
      return s.hasMaxTokenLifetime();
    }

    @Override String show(TenantSettings s) {
      return Values.lifetime(s.getMaxTokenLifetime());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setMaxTokenLifetime(from.getMaxTokenLifetime());
    }
  },
  PERSONAL_KEYS_TENANT_WIDE_ONLY("personal_keys_tenant_wide_only") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setPersonalKeysTenantWideOnly(v.bool());
    }

    @Override boolean isSet(TenantSettings s) {
      return s.hasPersonalKeysTenantWideOnly();
    }

    @Override String show(TenantSettings s) {
      return String.valueOf(s.getPersonalKeysTenantWideOnly());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setPersonalKeysTenantWideOnly(from.getPersonalKeysTenantWideOnly());
    }
  },
  AUTH_FAILURE_GUARD_BLOCKS_VALID_KEYS("auth_failure_guard_blocks_valid_keys") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setAuthFailureGuardBlocksValidKeys(v.bool());
    }

    @Override boolean isSet(TenantSettings s) {
      return s.hasAuthFailureGuardBlocksValidKeys();
    }

    @Override String show(TenantSettings s) {
      return String.valueOf(s.getAuthFailureGuardBlocksValidKeys());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setAuthFailureGuardBlocksValidKeys(from.getAuthFailureGuardBlocksValidKeys());
    }
  },
  TOKEN_ISSUERS("token_issuers") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setTokenIssuers(Values.enumValue(v, TokenIssuers.values()));
    }

    @Override boolean isSet(TenantSettings s) {
      return s.getTokenIssuersValue() != 0;
    }

    @Override String show(TenantSettings s) {
      return Values.name(s.getTokenIssuers());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setTokenIssuers(from.getTokenIssuers());
    }
  },
  TOKEN_OWNERS("token_owners") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setTokenOwners(Values.enumValue(v, TokenOwners.values()));
    }

    @Override boolean isSet(TenantSettings s) {
      return s.getTokenOwnersValue() != 0;
    }

    @Override String show(TenantSettings s) {
      return Values.name(s.getTokenOwners());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setTokenOwners(from.getTokenOwners());
    }
  },
  TOKEN_MANAGEMENT_RESOURCES("token_management_resources") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setTokenManagementResources(StringList.newBuilder().addAllValues(v.texts()));
    }

    @Override boolean isSet(TenantSettings s) {
      return s.hasTokenManagementResources();
    }

    @Override String show(TenantSettings s) {
      return Values.list(s.getTokenManagementResources().getValuesList());
    }

    @Override boolean same(TenantSettings a, TenantSettings b) {
      return Set.copyOf(a.getTokenManagementResources().getValuesList())
          .equals(Set.copyOf(b.getTokenManagementResources().getValuesList()));
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setTokenManagementResources(from.getTokenManagementResources());
    }
  },
  ROUTES("routes") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setRoutes(v.isNull() ? "" : v.text());
    }

    @Override boolean isSet(TenantSettings s) {
      return s.hasRoutes();
    }

    @Override String show(TenantSettings s) {
      return s.getRoutes().isEmpty() ? "(the deployment's)" : s.getRoutes().strip().lines().count() + " lines";
    }

    @Override boolean same(TenantSettings a, TenantSettings b) {
      return a.getRoutes().strip().equals(b.getRoutes().strip());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setRoutes(from.getRoutes());
    }
  },
  EXACT_RATE_LIMITS("exact_rate_limits") {
    @Override void read(YamlValue v, TenantSettings.Builder s) {
      s.setExactRateLimits(v.bool());
    }

    @Override boolean isSet(TenantSettings s) {
      return s.hasExactRateLimits();
    }

    @Override String show(TenantSettings s) {
      return String.valueOf(s.getExactRateLimits());
    }

    @Override void copy(TenantSettings from, TenantSettings.Builder to) {
      to.setExactRateLimits(from.getExactRateLimits());
    }
  };

  /** The keys, in the proto's order. */
  static final List<String> KEYS = Arrays.stream(values()).map(f -> f.key).toList();

  /** The file's key: the TenantSettings field name. */
  final String key;

  SettingField(String key) {
    this.key = key;
  }

  static SettingField of(String key) {
    return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst().orElseThrow();
  }

  /** Sets the field on {@code s} from the file's value; a value of the wrong shape names the key and line. */
  abstract void read(YamlValue value, TenantSettings.Builder s);

  abstract boolean isSet(TenantSettings s);

  /** The value as the file spells it. */
  abstract String show(TenantSettings s);

  abstract void copy(TenantSettings from, TenantSettings.Builder to);

  /** Whether {@code a} and {@code b} hold the same value; a list of permissions compares as a set. */
  boolean same(TenantSettings a, TenantSettings b) {
    return show(a).equals(show(b));
  }
}
