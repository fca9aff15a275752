package io.keygate.cli.manage;

import io.keygate.v1.AcceptedCredentials;
import io.keygate.v1.PermissionSource;
import io.keygate.v1.RateLimitMode;
import io.keygate.v1.StringList;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenIssuers;
import io.keygate.v1.TokenOwners;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The TenantSettings flags of {@code tenants create} and {@code tenants update}; unset flags stay unset. */
public final class TenantSettingsOptions {
  @Option(names = "--api-access", arity = "1", paramLabel = "true|false",
      description = "API access for the whole tenant (false: every request 403).")
  Boolean apiAccess;

  @Option(names = "--accepted-credentials", paramLabel = "HOW",
      description = "Credential transports accepted: api-key-header, bearer or any.")
  String acceptedCredentials;

  @Option(names = "--ip-limit-requests", paramLabel = "N", description = "Per-IP requests per window; 0 = off.")
  Long ipLimitRequests;

  @Option(names = "--ip-limit-window", paramLabel = "DURATION", description = "Per-IP window, e.g. 15m.")
  String ipLimitWindow;

  @Option(names = "--key-limit-per-minute", paramLabel = "N",
      description = "Default per-key requests per minute; 0 = none.")
  Long keyLimitPerMinute;

  @Option(names = "--key-limit-mode", paramLabel = "MODE",
      description = "Default per-key limit mode: enforced or informational.")
  String keyLimitMode;

  @Option(names = "--default-permission", paramLabel = "PERM", split = ",",
      description = "Permissions of keys without a role (replacing the old ones); repeat or separate with commas.")
  List<String> defaultPermissions;

  @Option(names = "--no-default-permissions", description = "Keys without a role get no permissions.")
  boolean noDefaultPermissions;

  @Option(names = "--permission-source", paramLabel = "SOURCE",
      description = "Where keys' permissions come from: key-role or principal-role.")
  String permissionSource;

  @Option(names = "--max-active-tokens", paramLabel = "N",
      description = "Most active tokens per principal; 0 = no cap.")
  Integer maxActiveTokens;

  @Option(names = "--max-token-lifetime", paramLabel = "LIFETIME",
      description = "Longest token lifetime, e.g. 90d or 12mo; 0 = no cap.")
  String maxTokenLifetime;

  @Option(names = "--personal-keys-tenant-wide-only", arity = "1", paramLabel = "true|false",
      description = "Whether users' keys may only be tenant-wide.")
  Boolean personalKeysTenantWideOnly;

  @Option(names = "--auth-failure-guard-blocks-valid-keys", arity = "1", paramLabel = "true|false",
      description = "Whether a client over the deployment's failed-authentication guard is refused with this"
          + " tenant's valid keys too.")
  Boolean guardBlocksValidKeys;

  @Option(names = "--exact-rate-limits", arity = "1", paramLabel = "true|false",
      description = "Whether the tenant's rate limits are counted request by request in Redis (else leased in"
          + " slices; neither over-admits).")
  Boolean exactRateLimits;

  @Option(names = "--token-issuers", paramLabel = "WHO",
      description = "Who creates keys and tokens: users-and-admin-service-accounts or users-only.")
  String tokenIssuers;

  @Option(names = "--token-owners", paramLabel = "WHOM",
      description = "For whom: any-covered or self-and-managed-agents.")
  String tokenOwners;

  @Option(names = "--token-management-resource", paramLabel = "RESOURCE", split = ",",
      description = "Resources whose writes count as managing tokens (refused to agents), replacing the old ones.")
  List<String> tokenManagementResources;

  @Option(names = "--routes-file", paramLabel = "FILE",
      description = "The tenant's own route table (KEYGATE_ROUTES_FILE format, no public routes); an empty file"
          + " returns the tenant to the deployment's routes.")
  Path routesFile;

  /** The settings given on the command line; null when none was. */
  TenantSettings settings(Flags flags) {
    TenantSettings.Builder s = TenantSettings.newBuilder();
    if (apiAccess != null) {
      s.setApiAccessEnabled(apiAccess);
    }
    if (acceptedCredentials != null) {
      s.setAcceptedCredentials(flags.enumValue("--accepted-credentials", acceptedCredentials,
          AcceptedCredentials.values()));
    }
    if (ipLimitRequests != null) {
      s.setIpLimitRequests(ipLimitRequests);
    }
    if (ipLimitWindow != null) {
      s.setIpLimitWindow(flags.protoDuration("--ip-limit-window", ipLimitWindow));
    }
    if (keyLimitPerMinute != null) {
      s.setKeyLimitPerMinute(keyLimitPerMinute);
    }
    if (keyLimitMode != null) {
      s.setKeyLimitMode(flags.enumValue("--key-limit-mode", keyLimitMode, RateLimitMode.values()));
    }
    if (defaultPermissions != null && noDefaultPermissions) {
      throw flags.usage("--default-permission and --no-default-permissions exclude each other");
    }
    if (defaultPermissions != null || noDefaultPermissions) {
      s.setDefaultPermissions(StringList.newBuilder()
          .addAllValues(noDefaultPermissions ? List.of() : defaultPermissions));
    }
    if (permissionSource != null) {
      s.setPermissionSource(flags.enumValue("--permission-source", permissionSource, PermissionSource.values()));
    }
    if (maxActiveTokens != null) {
      s.setMaxActiveTokensPerPrincipal(maxActiveTokens);
    }
    if (maxTokenLifetime != null) {
      s.setMaxTokenLifetime(flags.lifetime("--max-token-lifetime", maxTokenLifetime));
    }
    if (personalKeysTenantWideOnly != null) {
      s.setPersonalKeysTenantWideOnly(personalKeysTenantWideOnly);
    }
    if (guardBlocksValidKeys != null) {
      s.setAuthFailureGuardBlocksValidKeys(guardBlocksValidKeys);
    }
    if (exactRateLimits != null) {
      s.setExactRateLimits(exactRateLimits);
    }
    if (tokenIssuers != null) {
      s.setTokenIssuers(flags.enumValue("--token-issuers", tokenIssuers, TokenIssuers.values()));
    }
    if (tokenOwners != null) {
      s.setTokenOwners(flags.enumValue("--token-owners", tokenOwners, TokenOwners.values()));
    }
    if (tokenManagementResources != null) {
      s.setTokenManagementResources(StringList.newBuilder().addAllValues(tokenManagementResources));
    }
    if (routesFile != null) {
      try {
        s.setRoutes(Files.readString(routesFile, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw flags.usage("--routes-file: cannot read " + routesFile + ": " + e.getMessage());
      }
    }
    TenantSettings settings = s.build();
    return settings.equals(TenantSettings.getDefaultInstance()) ? null : settings;
  }
}
