// Original file: keygate/v1/audit.proto

import type { AuditEvent as _keygate_v1_AuditEvent, AuditEvent__Output as _keygate_v1_AuditEvent__Output } from '../../keygate/v1/AuditEvent';

/**
 * Response of ListAuditEvents.
 */
export interface ListAuditEventsResponse {
  /**
   * Events, newest first.
   */
  'events'?: (_keygate_v1_AuditEvent)[];
  /**
   * Token for the next page; empty on the last page.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of ListAuditEvents.
 */
export interface ListAuditEventsResponse__Output {
  /**
   * Events, newest first.
   */
  'events': (_keygate_v1_AuditEvent__Output)[];
  /**
   * Token for the next page; empty on the last page.
   */
  'nextPageToken': (string);
}
