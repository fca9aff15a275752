// Original file: keygate/v1/scopes.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

/**
 * One node of the scope hierarchy.
 */
export interface Scope {
  /**
   * Immutable id, `scp_` + 26 characters.
   */
  'id'?: (string);
  /**
   * Tenant it belongs to.
   */
  'tenantId'?: (string);
  /**
   * Parent scope; empty at the top of the tenant.
   */
  'parentId'?: (string);
  /**
   * Display name, 1–200 characters, unique among its siblings.
   */
  'name'?: (string);
  /**
   * Free-form kind for display: `org`, `project`, `collective`, `team`… 1–40 chars of [a-z0-9_-].
   */
  'kind'?: (string);
  /**
   * Whether API access is enabled here. Effective only if every scope above is enabled too.
   */
  'apiAccessEnabled'?: (boolean);
  /**
   * When it was created.
   */
  'createTime'?: (_google_protobuf_Timestamp | null);
  /**
   * When it was last changed.
   */
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * One node of the scope hierarchy.
 */
export interface Scope__Output {
  /**
   * Immutable id, `scp_` + 26 characters.
   */
  'id': (string);
  /**
   * Tenant it belongs to.
   */
  'tenantId': (string);
  /**
   * Parent scope; empty at the top of the tenant.
   */
  'parentId': (string);
  /**
   * Display name, 1–200 characters, unique among its siblings.
   */
  'name': (string);
  /**
   * Free-form kind for display: `org`, `project`, `collective`, `team`… 1–40 chars of [a-z0-9_-].
   */
  'kind': (string);
  /**
   * Whether API access is enabled here. Effective only if every scope above is enabled too.
   */
  'apiAccessEnabled': (boolean);
  /**
   * When it was created.
   */
  'createTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * When it was last changed.
   */
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
