// Original file: keygate/v1/tenants.proto

import type { TenantSettings as _keygate_v1_TenantSettings, TenantSettings__Output as _keygate_v1_TenantSettings__Output } from '../../keygate/v1/TenantSettings';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

/**
 * A tenant (workspace, account).
 */
export interface Tenant {
  /**
   * Immutable id, `ten_` + 26 characters.
   */
  'id'?: (string);
  /**
   * Display name, 1–200 characters.
   */
  'name'?: (string);
  /**
   * The tenant's policy; every field is set in responses.
   */
  'settings'?: (_keygate_v1_TenantSettings | null);
  /**
   * True for the system tenant created by bootstrap, whose keys may manage tenants.
   */
  'system'?: (boolean);
  /**
   * When the tenant was created.
   */
  'createTime'?: (_google_protobuf_Timestamp | null);
  /**
   * When the tenant was last changed.
   */
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * A tenant (workspace, account).
 */
export interface Tenant__Output {
  /**
   * Immutable id, `ten_` + 26 characters.
   */
  'id': (string);
  /**
   * Display name, 1–200 characters.
   */
  'name': (string);
  /**
   * The tenant's policy; every field is set in responses.
   */
  'settings': (_keygate_v1_TenantSettings__Output | null);
  /**
   * True for the system tenant created by bootstrap, whose keys may manage tenants.
   */
  'system': (boolean);
  /**
   * When the tenant was created.
   */
  'createTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * When the tenant was last changed.
   */
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
