// Original file: keygate/v1/tenants.proto

import type { AcceptedCredentials as _keygate_v1_AcceptedCredentials, AcceptedCredentials__Output as _keygate_v1_AcceptedCredentials__Output } from '../../keygate/v1/AcceptedCredentials';
import type { Duration as _google_protobuf_Duration, Duration__Output as _google_protobuf_Duration__Output } from '../../google/protobuf/Duration';
import type { RateLimitMode as _keygate_v1_RateLimitMode, RateLimitMode__Output as _keygate_v1_RateLimitMode__Output } from '../../keygate/v1/RateLimitMode';
import type { StringList as _keygate_v1_StringList, StringList__Output as _keygate_v1_StringList__Output } from '../../keygate/v1/StringList';
import type { PermissionSource as _keygate_v1_PermissionSource, PermissionSource__Output as _keygate_v1_PermissionSource__Output } from '../../keygate/v1/PermissionSource';
import type { Lifetime as _keygate_v1_Lifetime, Lifetime__Output as _keygate_v1_Lifetime__Output } from '../../keygate/v1/Lifetime';
import type { Long } from '@grpc/proto-loader';

/**
 * A tenant's policy. In responses every field is set; in updates unset fields keep their value.
 * Each seed product is one combination of these settings (see docs/tenant-profiles.md).
 */
export interface TenantSettings {
  /**
   * Whether API access is enabled for the tenant at all; disabled ⇒ every request 403. Default true.
   */
  'apiAccessEnabled'?: (boolean);
  /**
   * Credential transports accepted. Default ANY.
   */
  'acceptedCredentials'?: (_keygate_v1_AcceptedCredentials);
  /**
   * Per-client-IP limit: requests per window, shared by every key and endpoint. Default 1000;
   * 0 disables the per-IP limit.
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
  '_apiAccessEnabled'?: "apiAccessEnabled";
  '_ipLimitRequests'?: "ipLimitRequests";
  '_keyLimitPerMinute'?: "keyLimitPerMinute";
  '_maxActiveTokensPerPrincipal'?: "maxActiveTokensPerPrincipal";
  '_personalKeysTenantWideOnly'?: "personalKeysTenantWideOnly";
}

/**
 * A tenant's policy. In responses every field is set; in updates unset fields keep their value.
 * Each seed product is one combination of these settings (see docs/tenant-profiles.md).
 */
export interface TenantSettings__Output {
  /**
   * Whether API access is enabled for the tenant at all; disabled ⇒ every request 403. Default true.
   */
  'apiAccessEnabled'?: (boolean);
  /**
   * Credential transports accepted. Default ANY.
   */
  'acceptedCredentials': (_keygate_v1_AcceptedCredentials__Output);
  /**
   * Per-client-IP limit: requests per window, shared by every key and endpoint. Default 1000;
   * 0 disables the per-IP limit.
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
  '_apiAccessEnabled'?: "apiAccessEnabled";
  '_ipLimitRequests'?: "ipLimitRequests";
  '_keyLimitPerMinute'?: "keyLimitPerMinute";
  '_maxActiveTokensPerPrincipal'?: "maxActiveTokensPerPrincipal";
  '_personalKeysTenantWideOnly'?: "personalKeysTenantWideOnly";
}
