import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { Expiration as _keygate_v1_Expiration, Expiration__Output as _keygate_v1_Expiration__Output } from './keygate/v1/Expiration';
import type { Lifetime as _keygate_v1_Lifetime, Lifetime__Output as _keygate_v1_Lifetime__Output } from './keygate/v1/Lifetime';
import type { StringList as _keygate_v1_StringList, StringList__Output as _keygate_v1_StringList__Output } from './keygate/v1/StringList';
import type { Tags as _keygate_v1_Tags, Tags__Output as _keygate_v1_Tags__Output } from './keygate/v1/Tags';

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
      AcceptedCredentials: EnumTypeDefinition
      CredentialTransport: EnumTypeDefinition
      Expiration: MessageTypeDefinition<_keygate_v1_Expiration, _keygate_v1_Expiration__Output>
      Lifetime: MessageTypeDefinition<_keygate_v1_Lifetime, _keygate_v1_Lifetime__Output>
      LifetimeUnit: EnumTypeDefinition
      PermissionSource: EnumTypeDefinition
      RateLimitMode: EnumTypeDefinition
      StringList: MessageTypeDefinition<_keygate_v1_StringList, _keygate_v1_StringList__Output>
      Tags: MessageTypeDefinition<_keygate_v1_Tags, _keygate_v1_Tags__Output>
    }
  }
}

