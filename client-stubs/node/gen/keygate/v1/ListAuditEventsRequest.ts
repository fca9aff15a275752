// Original file: keygate/v1/audit.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';

/**
 * Request of ListAuditEvents. Filters combine with AND.
 */
export interface ListAuditEventsRequest {
  /**
   * Only actions by this principal.
   */
  'actorPrincipalId'?: (string);
  /**
   * Only actions made with this key.
   */
  'actorApiKeyId'?: (string);
  /**
   * Only actions on this object.
   */
  'targetId'?: (string);
  /**
   * Only this action, e.g. `api_key.delete`.
   */
  'action'?: (string);
  /**
   * Only events at or after this time.
   */
  'startTime'?: (_google_protobuf_Timestamp | null);
  /**
   * Only events before this time.
   */
  'endTime'?: (_google_protobuf_Timestamp | null);
  /**
   * Maximum items to return; default 50, at most 1000.
   */
  'pageSize'?: (number);
  /**
   * `next_page_token` of the previous page with the same filters; empty for the first.
   */
  'pageToken'?: (string);
}

/**
 * Request of ListAuditEvents. Filters combine with AND.
 */
export interface ListAuditEventsRequest__Output {
  /**
   * Only actions by this principal.
   */
  'actorPrincipalId': (string);
  /**
   * Only actions made with this key.
   */
  'actorApiKeyId': (string);
  /**
   * Only actions on this object.
   */
  'targetId': (string);
  /**
   * Only this action, e.g. `api_key.delete`.
   */
  'action': (string);
  /**
   * Only events at or after this time.
   */
  'startTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * Only events before this time.
   */
  'endTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * Maximum items to return; default 50, at most 1000.
   */
  'pageSize': (number);
  /**
   * `next_page_token` of the previous page with the same filters; empty for the first.
   */
  'pageToken': (string);
}
