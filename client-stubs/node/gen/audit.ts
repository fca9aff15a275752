import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { AuditEvent as _keygate_v1_AuditEvent, AuditEvent__Output as _keygate_v1_AuditEvent__Output } from './keygate/v1/AuditEvent';
import type { AuditServiceClient as _keygate_v1_AuditServiceClient, AuditServiceDefinition as _keygate_v1_AuditServiceDefinition } from './keygate/v1/AuditService';
import type { ListAuditEventsRequest as _keygate_v1_ListAuditEventsRequest, ListAuditEventsRequest__Output as _keygate_v1_ListAuditEventsRequest__Output } from './keygate/v1/ListAuditEventsRequest';
import type { ListAuditEventsResponse as _keygate_v1_ListAuditEventsResponse, ListAuditEventsResponse__Output as _keygate_v1_ListAuditEventsResponse__Output } from './keygate/v1/ListAuditEventsResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  keygate: {
    v1: {
      AuditEvent: MessageTypeDefinition<_keygate_v1_AuditEvent, _keygate_v1_AuditEvent__Output>
      /**
       * The audit log: one event per management change, written in the same transaction as the change.
       * Never holds a secret. Reading needs `audit:read:all`.
       */
      AuditService: SubtypeConstructor<typeof grpc.Client, _keygate_v1_AuditServiceClient> & { service: _keygate_v1_AuditServiceDefinition }
      ListAuditEventsRequest: MessageTypeDefinition<_keygate_v1_ListAuditEventsRequest, _keygate_v1_ListAuditEventsRequest__Output>
      ListAuditEventsResponse: MessageTypeDefinition<_keygate_v1_ListAuditEventsResponse, _keygate_v1_ListAuditEventsResponse__Output>
    }
  }
}

