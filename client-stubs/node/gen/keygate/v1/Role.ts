// Original file: keygate/v1/roles.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

/**
 * A role.
 */
export interface Role {
  /**
   * Immutable id, `rol_` + 26 characters.
   */
  'id'?: (string);
  /**
   * Tenant it belongs to.
   */
  'tenantId'?: (string);
  /**
   * Name, 1–100 characters, unique in the tenant.
   */
  'name'?: (string);
  /**
   * Description; at most 1000 characters.
   */
  'description'?: (string);
  /**
   * Permissions, each `resource:action[:qualifier]` of [a-z0-9_.-] segments or `*`; at most 200.
   * `*` as a segment matches any value; a granted permission without a qualifier covers every
   * qualifier; `all` covers `team`, which covers `own`.
   */
  'permissions'?: (string)[];
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
 * A role.
 */
export interface Role__Output {
  /**
   * Immutable id, `rol_` + 26 characters.
   */
  'id': (string);
  /**
   * Tenant it belongs to.
   */
  'tenantId': (string);
  /**
   * Name, 1–100 characters, unique in the tenant.
   */
  'name': (string);
  /**
   * Description; at most 1000 characters.
   */
  'description': (string);
  /**
   * Permissions, each `resource:action[:qualifier]` of [a-z0-9_.-] segments or `*`; at most 200.
   * `*` as a segment matches any value; a granted permission without a qualifier covers every
   * qualifier; `all` covers `team`, which covers `own`.
   */
  'permissions': (string)[];
  /**
   * When it was created.
   */
  'createTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * When it was last changed.
   */
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
