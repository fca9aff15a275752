// Original file: keygate/v1/audit.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

/**
 * One management action.
 */
export interface AuditEvent {
  /**
   * Id, increasing with time.
   */
  'id'?: (string);
  /**
   * Tenant the action happened in.
   */
  'tenantId'?: (string);
  /**
   * Principal that acted; `system` for actions of Keygate itself (bootstrap).
   */
  'actorPrincipalId'?: (string);
  /**
   * The key whose credential was used; empty for system actions.
   */
  'actorApiKeyId'?: (string);
  /**
   * What was done, `<object>.<verb>`: `api_key.create`, `token.rotate`, `role.update`…
   */
  'action'?: (string);
  /**
   * Kind of object acted on: `tenant`, `scope`, `principal`, `role`, `api_key`, `token`.
   */
  'targetType'?: (string);
  /**
   * Id of the object acted on.
   */
  'targetId'?: (string);
  /**
   * IP address the call came from.
   */
  'clientIp'?: (string);
  /**
   * When it happened.
   */
  'time'?: (_google_protobuf_Timestamp | null);
  /**
   * What changed, as field names to new values (never a secret or a hash).
   */
  'details'?: ({[key: string]: string});
}

/**
 * One management action.
 */
export interface AuditEvent__Output {
  /**
   * Id, increasing with time.
   */
  'id': (string);
  /**
   * Tenant the action happened in.
   */
  'tenantId': (string);
  /**
   * Principal that acted; `system` for actions of Keygate itself (bootstrap).
   */
  'actorPrincipalId': (string);
  /**
   * The key whose credential was used; empty for system actions.
   */
  'actorApiKeyId': (string);
  /**
   * What was done, `<object>.<verb>`: `api_key.create`, `token.rotate`, `role.update`…
   */
  'action': (string);
  /**
   * Kind of object acted on: `tenant`, `scope`, `principal`, `role`, `api_key`, `token`.
   */
  'targetType': (string);
  /**
   * Id of the object acted on.
   */
  'targetId': (string);
  /**
   * IP address the call came from.
   */
  'clientIp': (string);
  /**
   * When it happened.
   */
  'time': (_google_protobuf_Timestamp__Output | null);
  /**
   * What changed, as field names to new values (never a secret or a hash).
   */
  'details': ({[key: string]: string});
}
