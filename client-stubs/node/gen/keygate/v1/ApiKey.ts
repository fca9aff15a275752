// Original file: keygate/v1/api_keys.proto

import type { KeyRateLimit as _keygate_v1_KeyRateLimit, KeyRateLimit__Output as _keygate_v1_KeyRateLimit__Output } from '../../keygate/v1/KeyRateLimit';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { CredentialState as _keygate_v1_CredentialState, CredentialState__Output as _keygate_v1_CredentialState__Output } from '../../keygate/v1/CredentialState';
import type { Long } from '@grpc/proto-loader';

/**
 * An API key.
 */
export interface ApiKey {
  /**
   * Immutable id, `key_` + 26 characters.
   */
  'id'?: (string);
  /**
   * Tenant it belongs to.
   */
  'tenantId'?: (string);
  /**
   * Name, 1–200 characters.
   */
  'name'?: (string);
  /**
   * Description; at most 1000 characters.
   */
  'description'?: (string);
  /**
   * Tags (see Tags).
   */
  'tags'?: ({[key: string]: string});
  /**
   * Principal that owns it; immutable.
   */
  'ownerPrincipalId'?: (string);
  /**
   * Scope it is bound to; empty: tenant-wide. Immutable.
   */
  'scopeId'?: (string);
  /**
   * Role; empty: no role (the tenant's default permissions).
   */
  'roleId'?: (string);
  /**
   * The per-key limit as set on the key (fields unset where the tenant default applies).
   */
  'rateLimit'?: (_keygate_v1_KeyRateLimit | null);
  /**
   * The per-key limit in force: the key's own values with the tenant's defaults filled in.
   */
  'effectiveRateLimit'?: (_keygate_v1_KeyRateLimit | null);
  /**
   * When the key (and so every token of it) expires; unset: never.
   */
  'expireTime'?: (_google_protobuf_Timestamp | null);
  /**
   * State as of this response.
   */
  'state'?: (_keygate_v1_CredentialState);
  /**
   * When it was revoked; unset unless revoked.
   */
  'revokeTime'?: (_google_protobuf_Timestamp | null);
  /**
   * When it was created.
   */
  'createTime'?: (_google_protobuf_Timestamp | null);
  /**
   * When it was last changed.
   */
  'updateTime'?: (_google_protobuf_Timestamp | null);
  /**
   * When one of its tokens was last accepted; unset if never. Recorded asynchronously, so it may
   * trail by up to `KEYGATE_USAGE_FLUSH_SECONDS` (default 10 s).
   */
  'lastUsedTime'?: (_google_protobuf_Timestamp | null);
  /**
   * Number of tokens it holds.
   */
  'tokenCount'?: (number);
  /**
   * Requests its tokens made that were allowed, since it was created. Recorded asynchronously in
   * batches (every `KEYGATE_USAGE_FLUSH_SECONDS`, default 10 s), so it trails by up to that long and
   * a crashed sidecar loses at most its last unflushed batch.
   */
  'requestCount'?: (number | string | Long);
}

/**
 * An API key.
 */
export interface ApiKey__Output {
  /**
   * Immutable id, `key_` + 26 characters.
   */
  'id': (string);
  /**
   * Tenant it belongs to.
   */
  'tenantId': (string);
  /**
   * Name, 1–200 characters.
   */
  'name': (string);
  /**
   * Description; at most 1000 characters.
   */
  'description': (string);
  /**
   * Tags (see Tags).
   */
  'tags': ({[key: string]: string});
  /**
   * Principal that owns it; immutable.
   */
  'ownerPrincipalId': (string);
  /**
   * Scope it is bound to; empty: tenant-wide. Immutable.
   */
  'scopeId': (string);
  /**
   * Role; empty: no role (the tenant's default permissions).
   */
  'roleId': (string);
  /**
   * The per-key limit as set on the key (fields unset where the tenant default applies).
   */
  'rateLimit': (_keygate_v1_KeyRateLimit__Output | null);
  /**
   * The per-key limit in force: the key's own values with the tenant's defaults filled in.
   */
  'effectiveRateLimit': (_keygate_v1_KeyRateLimit__Output | null);
  /**
   * When the key (and so every token of it) expires; unset: never.
   */
  'expireTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * State as of this response.
   */
  'state': (_keygate_v1_CredentialState__Output);
  /**
   * When it was revoked; unset unless revoked.
   */
  'revokeTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * When it was created.
   */
  'createTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * When it was last changed.
   */
  'updateTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * When one of its tokens was last accepted; unset if never. Recorded asynchronously, so it may
   * trail by up to `KEYGATE_USAGE_FLUSH_SECONDS` (default 10 s).
   */
  'lastUsedTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * Number of tokens it holds.
   */
  'tokenCount': (number);
  /**
   * Requests its tokens made that were allowed, since it was created. Recorded asynchronously in
   * batches (every `KEYGATE_USAGE_FLUSH_SECONDS`, default 10 s), so it trails by up to that long and
   * a crashed sidecar loses at most its last unflushed batch.
   */
  'requestCount': (string);
}
