// Original file: keygate/v1/audit.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ListAuditEventsRequest as _keygate_v1_ListAuditEventsRequest, ListAuditEventsRequest__Output as _keygate_v1_ListAuditEventsRequest__Output } from '../../keygate/v1/ListAuditEventsRequest';
import type { ListAuditEventsResponse as _keygate_v1_ListAuditEventsResponse, ListAuditEventsResponse__Output as _keygate_v1_ListAuditEventsResponse__Output } from '../../keygate/v1/ListAuditEventsResponse';

/**
 * The audit log: one event per management change, written in the same transaction as the change.
 * Never holds a secret. Reading needs `audit:read:all`.
 */
export interface AuditServiceClient extends grpc.Client {
  /**
   * Lists the tenant's audit events, newest first, filtered.
   */
  ListAuditEvents(argument: _keygate_v1_ListAuditEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListAuditEventsResponse__Output>): grpc.ClientUnaryCall;
  ListAuditEvents(argument: _keygate_v1_ListAuditEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_ListAuditEventsResponse__Output>): grpc.ClientUnaryCall;
  ListAuditEvents(argument: _keygate_v1_ListAuditEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListAuditEventsResponse__Output>): grpc.ClientUnaryCall;
  ListAuditEvents(argument: _keygate_v1_ListAuditEventsRequest, callback: grpc.requestCallback<_keygate_v1_ListAuditEventsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists the tenant's audit events, newest first, filtered.
   */
  listAuditEvents(argument: _keygate_v1_ListAuditEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListAuditEventsResponse__Output>): grpc.ClientUnaryCall;
  listAuditEvents(argument: _keygate_v1_ListAuditEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_ListAuditEventsResponse__Output>): grpc.ClientUnaryCall;
  listAuditEvents(argument: _keygate_v1_ListAuditEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_ListAuditEventsResponse__Output>): grpc.ClientUnaryCall;
  listAuditEvents(argument: _keygate_v1_ListAuditEventsRequest, callback: grpc.requestCallback<_keygate_v1_ListAuditEventsResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The audit log: one event per management change, written in the same transaction as the change.
 * Never holds a secret. Reading needs `audit:read:all`.
 */
export interface AuditServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Lists the tenant's audit events, newest first, filtered.
   */
  ListAuditEvents: grpc.handleUnaryCall<_keygate_v1_ListAuditEventsRequest__Output, _keygate_v1_ListAuditEventsResponse>;
  
}

export interface AuditServiceDefinition extends grpc.ServiceDefinition {
  ListAuditEvents: MethodDefinition<_keygate_v1_ListAuditEventsRequest, _keygate_v1_ListAuditEventsResponse, _keygate_v1_ListAuditEventsRequest__Output, _keygate_v1_ListAuditEventsResponse__Output>
}
