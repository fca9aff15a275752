// Original file: keygate/v1/principals.proto

import type { PrincipalKind as _keygate_v1_PrincipalKind, PrincipalKind__Output as _keygate_v1_PrincipalKind__Output } from '../../keygate/v1/PrincipalKind';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

/**
 * A principal.
 */
export interface Principal {
  /**
   * Immutable id, `prn_` + 26 characters.
   */
  'id'?: (string);
  /**
   * Tenant it belongs to.
   */
  'tenantId'?: (string);
  /**
   * Kind; immutable.
   */
  'kind'?: (_keygate_v1_PrincipalKind);
  /**
   * Display name, 1–200 characters.
   */
  'displayName'?: (string);
  /**
   * E-mail; optional.
   */
  'email'?: (string);
  /**
   * For agents: the human user that manages it (required for agents, empty otherwise).
   */
  'parentPrincipalId'?: (string);
  /**
   * For agents: run by the system's own agent runner. Its tokens are managed by the system:
   * nobody can create one through the API.
   */
  'internal'?: (boolean);
  /**
   * Role of the principal; used as keys' permissions when the tenant's permission source is
   * PRINCIPAL_ROLE. Empty: none.
   */
  'roleId'?: (string);
  /**
   * Scope (team) the principal belongs to; defines what `api-keys:read:team` may see. Empty:
   * none.
   */
  'scopeId'?: (string);
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
 * A principal.
 */
export interface Principal__Output {
  /**
   * Immutable id, `prn_` + 26 characters.
   */
  'id': (string);
  /**
   * Tenant it belongs to.
   */
  'tenantId': (string);
  /**
   * Kind; immutable.
   */
  'kind': (_keygate_v1_PrincipalKind__Output);
  /**
   * Display name, 1–200 characters.
   */
  'displayName': (string);
  /**
   * E-mail; optional.
   */
  'email': (string);
  /**
   * For agents: the human user that manages it (required for agents, empty otherwise).
   */
  'parentPrincipalId': (string);
  /**
   * For agents: run by the system's own agent runner. Its tokens are managed by the system:
   * nobody can create one through the API.
   */
  'internal': (boolean);
  /**
   * Role of the principal; used as keys' permissions when the tenant's permission source is
   * PRINCIPAL_ROLE. Empty: none.
   */
  'roleId': (string);
  /**
   * Scope (team) the principal belongs to; defines what `api-keys:read:team` may see. Empty:
   * none.
   */
  'scopeId': (string);
  /**
   * When it was created.
   */
  'createTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * When it was last changed.
   */
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
