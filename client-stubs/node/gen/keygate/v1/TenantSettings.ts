// Original file: keygate/v1/tenants.proto

import type { AcceptedCredentials as _keygate_v1_AcceptedCredentials, AcceptedCredentials__Output as _keygate_v1_AcceptedCredentials__Output } from '../../keygate/v1/AcceptedCredentials';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';
import type { RateLimitMode as _keygate_v1_RateLimitMode, RateLimitMode__Output as _keygate_v1_RateLimitMode__Output } from '../../keygate/v1/RateLimitMode';
import type { StringList as _keygate_v1_StringList, StringList__Output as _keygate_v1_StringList__Output } from '../../keygate/v1/StringList';
import type { PermissionSource as _keygate_v1_PermissionSource, PermissionSource__Output as _keygate_v1_PermissionSource__Output } from '../../keygate/v1/PermissionSource';
import type { Lifetime as _keygate_v1_Lifetime, Lifetime__Output as _keygate_v1_Lifetime__Output } from '../../keygate/v1/Lifetime';
import type { TokenIssuers as _keygate_v1_TokenIssuers, TokenIssuers__Output as _keygate_v1_TokenIssuers__Output } from '../../keygate/v1/TokenIssuers';
import type { TokenOwners as _keygate_v1_TokenOwners, TokenOwners__Output as _keygate_v1_TokenOwners__Output } from '../../keygate/v1/TokenOwners';
import type { Long } from '@grpc/proto-loader';

/**
 * A tenant's policy. In responses every field is set; in updates unset fields keep their value.
 * Each seed product is one combination of these settings (see docs/tenant-profiles.md).
 */
export interface TenantSettings {
  /**
   * Whether API access is enabled for the tenant at all. Disabled ⇒ every decision for the tenant's
   * keys is 403 TENANT_API_DISABLED, and every management call with them is PERMISSION_DENIED except
   * GetTenant and an UpdateTenant that sets this back to true (what a tenant admin needs to switch it
   * on again). Default true.
   */
  'apiAccessEnabled'?: (boolean);
  /**
   * Credential transports accepted. Default ANY.
   */
  'acceptedCredentials'?: (_keygate_v1_AcceptedCredentials);
  /**
   * Per-client-IP limit: requests per window from one client address, shared by every key and
   * endpoint of this tenant (and counted for this tenant only: another tenant's traffic never
   * consumes it). Default 1000; 0 turns the per-IP limit off for the tenant. The deployment's
   * guard against floods of unknown credentials is separate (KEYGATE_AUTH_FAILURE_LIMIT).
   */
  'ipLimitRequests'?: (number | string | Long);
  /**
   * Window of the per-IP limit, 1 second to 24 hours. Default 15 minutes.
   */
  'ipLimitWindow'?: (_google_protobuf_Duration | null);
  /**
   * Default per-key limit in requests per minute for keys that set none. Default 100; 0 = none.
   */
  'keyLimitPerMinute'?: (number | string | Long);
  /**
   * Default mode of the per-key limit. Default ENFORCED.
   */
  'keyLimitMode'?: (_keygate_v1_RateLimitMode);
  /**
   * Permissions of keys that get no role. Default empty (such keys may do nothing).
   */
  'defaultPermissions'?: (_keygate_v1_StringList | null);
  /**
   * Where keys' permissions come from. Default KEY_ROLE.
   */
  'permissionSource'?: (_keygate_v1_PermissionSource);
  /**
   * Most tokens one principal may hold that are neither expired nor revoked (an agent's tokens
   * count against the agent). Default 50; 0 = no cap.
   */
  'maxActiveTokensPerPrincipal'?: (number);
  /**
   * Longest lifetime of a token; amount 0 = no cap. Default 12 months.
   */
  'maxTokenLifetime'?: (_keygate_v1_Lifetime | null);
  /**
   * When true, keys owned by users (personal keys) may only be tenant-wide, not bound to a
   * scope; service-account keys may be bound to any scope. Default false.
   */
  'personalKeysTenantWideOnly'?: (boolean);
  /**
   * Whether a client address over the deployment's failed-authentication guard (too many refused
   * credentials from it, KEYGATE_AUTH_FAILURE_LIMIT) is refused with this tenant's valid keys too
   * (429 IP_RATE_LIMITED). False: the tenant's valid keys keep working from such an address, while
   * the deployment still refuses the failed attempts themselves, cheaply. Default true.
   */
  'authFailureGuardBlocksValidKeys'?: (boolean);
  /**
   * Who may create keys and tokens and rotate secrets. Default USERS_AND_ADMIN_SERVICE_ACCOUNTS.
   */
  'tokenIssuers'?: (_keygate_v1_TokenIssuers);
  /**
   * For whom keys and tokens may be created and secrets rotated. Default ANY_COVERED.
   */
  'tokenOwners'?: (_keygate_v1_TokenOwners);
  /**
   * The resources whose write permissions count as managing keys and tokens, which AI agents are
   * refused in decisions (403 AGENT_CANNOT_MANAGE_TOKENS) whatever their role holds, e.g. the
   * application's own `api-tokens` resource. 1–16 resource names. Default `api-keys`, `tokens`.
   */
  'tokenManagementResources'?: (_keygate_v1_StringList | null);
  /**
   * The tenant's route table, mapping HTTP method and path to permissions for this tenant's keys
   * (the format of KEYGATE_ROUTES_FILE, docs/hot-path.md; `public` routes only in the deployment's file, since they are decided
   * before any credential is read). Set: it replaces the deployment's routes for the tenant's keys;
   * empty: the deployment's (KEYGATE_ROUTES_FILE) apply. At most 500 routes and 64 KiB. Changes reach
   * every sidecar like any change of the tenant.
   */
  'routes'?: (string);
  /**
   * How the tenant's rate limits (per IP and per key) are counted when the deployment shares them
   * in Redis (with the deployment's KEYGATE_RATE_LIMIT_LEASING off, every request is counted in
   * Redis whatever this says). False (the default): leased — each sidecar spends slices of the
   * allowance it reserved in Redis, so most decisions touch no shared store and the fleet still never
   * admits more than a limit in any window of its length; the price is allowance: near the limit a
   * request may be refused while another sidecar holds an unused slice (X-RateLimit-Remaining is
   * then low by that much). True: every request is counted in Redis itself, one script call each
   * (docs/rate-limiting.md). Without Redis it changes nothing.
   */
  'exactRateLimits'?: (boolean);
  '_apiAccessEnabled'?: "apiAccessEnabled";
  '_ipLimitRequests'?: "ipLimitRequests";
  '_keyLimitPerMinute'?: "keyLimitPerMinute";
  '_maxActiveTokensPerPrincipal'?: "maxActiveTokensPerPrincipal";
  '_personalKeysTenantWideOnly'?: "personalKeysTenantWideOnly";
  '_authFailureGuardBlocksValidKeys'?: "authFailureGuardBlocksValidKeys";
  '_routes'?: "routes";
  '_exactRateLimits'?: "exactRateLimits";
}

/**
 * A tenant's policy. In responses every field is set; in updates unset fields keep their value.
 * Each seed product is one combination of these settings (see docs/tenant-profiles.md).
 */
export interface TenantSettings__Output {
  /**
   * Whether API access is enabled for the tenant at all. Disabled ⇒ every decision for the tenant's
   * keys is 403 TENANT_API_DISABLED, and every management call with them is PERMISSION_DENIED except
   * GetTenant and an UpdateTenant that sets this back to true (what a tenant admin needs to switch it
   * on again). Default true.
   */
  'apiAccessEnabled'?: (boolean);
  /**
   * Credential transports accepted. Default ANY.
   */
  'acceptedCredentials': (_keygate_v1_AcceptedCredentials__Output);
  /**
   * Per-client-IP limit: requests per window from one client address, shared by every key and
   * endpoint of this tenant (and counted for this tenant only: another tenant's traffic never
   * consumes it). Default 1000; 0 turns the per-IP limit off for the tenant. The deployment's
   * guard against floods of unknown credentials is separate (KEYGATE_AUTH_FAILURE_LIMIT).
   */
  'ipLimitRequests'?: (string);
  /**
   * Window of the per-IP limit, 1 second to 24 hours. Default 15 minutes.
   */
  'ipLimitWindow': (_google_protobuf_Duration__Output | null);
  /**
   * Default per-key limit in requests per minute for keys that set none. Default 100; 0 = none.
   */
  'keyLimitPerMinute'?: (string);
  /**
   * Default mode of the per-key limit. Default ENFORCED.
   */
  'keyLimitMode': (_keygate_v1_RateLimitMode__Output);
  /**
   * Permissions of keys that get no role. Default empty (such keys may do nothing).
   */
  'defaultPermissions': (_keygate_v1_StringList__Output | null);
  /**
   * Where keys' permissions come from. Default KEY_ROLE.
   */
  'permissionSource': (_keygate_v1_PermissionSource__Output);
  /**
   * Most tokens one principal may hold that are neither expired nor revoked (an agent's tokens
   * count against the agent). Default 50; 0 = no cap.
   */
  'maxActiveTokensPerPrincipal'?: (number);
  /**
   * Longest lifetime of a token; amount 0 = no cap. Default 12 months.
   */
  'maxTokenLifetime': (_keygate_v1_Lifetime__Output | null);
  /**
   * When true, keys owned by users (personal keys) may only be tenant-wide, not bound to a
   * scope; service-account keys may be bound to any scope. Default false.
   */
  'personalKeysTenantWideOnly'?: (boolean);
  /**
   * Whether a client address over the deployment's failed-authentication guard (too many refused
   * credentials from it, KEYGATE_AUTH_FAILURE_LIMIT) is refused with this tenant's valid keys too
   * (429 IP_RATE_LIMITED). False: the tenant's valid keys keep working from such an address, while
   * the deployment still refuses the failed attempts themselves, cheaply. Default true.
   */
  'authFailureGuardBlocksValidKeys'?: (boolean);
  /**
   * Who may create keys and tokens and rotate secrets. Default USERS_AND_ADMIN_SERVICE_ACCOUNTS.
   */
  'tokenIssuers': (_keygate_v1_TokenIssuers__Output);
  /**
   * For whom keys and tokens may be created and secrets rotated. Default ANY_COVERED.
   */
  'tokenOwners': (_keygate_v1_TokenOwners__Output);
  /**
   * The resources whose write permissions count as managing keys and tokens, which AI agents are
   * refused in decisions (403 AGENT_CANNOT_MANAGE_TOKENS) whatever their role holds, e.g. the
   * application's own `api-tokens` resource. 1–16 resource names. Default `api-keys`, `tokens`.
   */
  'tokenManagementResources': (_keygate_v1_StringList__Output | null);
  /**
   * The tenant's route table, mapping HTTP method and path to permissions for this tenant's keys
   * (the format of KEYGATE_ROUTES_FILE, docs/hot-path.md; `public` routes only in the deployment's file, since they are decided
   * before any credential is read). Set: it replaces the deployment's routes for the tenant's keys;
   * empty: the deployment's (KEYGATE_ROUTES_FILE) apply. At most 500 routes and 64 KiB. Changes reach
   * every sidecar like any change of the tenant.
   */
  'routes'?: (string);
  /**
   * How the tenant's rate limits (per IP and per key) are counted when the deployment shares them
   * in Redis (with the deployment's KEYGATE_RATE_LIMIT_LEASING off, every request is counted in
   * Redis whatever this says). False (the default): leased — each sidecar spends slices of the
   * allowance it reserved in Redis, so most decisions touch no shared store and the fleet still never
   * admits more than a limit in any window of its length; the price is allowance: near the limit a
   * request may be refused while another sidecar holds an unused slice (X-RateLimit-Remaining is
   * then low by that much). True: every request is counted in Redis itself, one script call each
   * (docs/rate-limiting.md). Without Redis it changes nothing.
   */
  'exactRateLimits'?: (boolean);
  '_apiAccessEnabled'?: "apiAccessEnabled";
  '_ipLimitRequests'?: "ipLimitRequests";
  '_keyLimitPerMinute'?: "keyLimitPerMinute";
  '_maxActiveTokensPerPrincipal'?: "maxActiveTokensPerPrincipal";
  '_personalKeysTenantWideOnly'?: "personalKeysTenantWideOnly";
  '_authFailureGuardBlocksValidKeys'?: "authFailureGuardBlocksValidKeys";
  '_routes'?: "routes";
  '_exactRateLimits'?: "exactRateLimits";
}
