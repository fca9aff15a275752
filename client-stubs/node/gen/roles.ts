import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { CreateRoleRequest as _keygate_v1_CreateRoleRequest, CreateRoleRequest__Output as _keygate_v1_CreateRoleRequest__Output } from './keygate/v1/CreateRoleRequest';
import type { CreateRoleResponse as _keygate_v1_CreateRoleResponse, CreateRoleResponse__Output as _keygate_v1_CreateRoleResponse__Output } from './keygate/v1/CreateRoleResponse';
import type { DeleteRoleRequest as _keygate_v1_DeleteRoleRequest, DeleteRoleRequest__Output as _keygate_v1_DeleteRoleRequest__Output } from './keygate/v1/DeleteRoleRequest';
import type { DeleteRoleResponse as _keygate_v1_DeleteRoleResponse, DeleteRoleResponse__Output as _keygate_v1_DeleteRoleResponse__Output } from './keygate/v1/DeleteRoleResponse';
import type { Expiration as _keygate_v1_Expiration, Expiration__Output as _keygate_v1_Expiration__Output } from './keygate/v1/Expiration';
import type { GetRoleRequest as _keygate_v1_GetRoleRequest, GetRoleRequest__Output as _keygate_v1_GetRoleRequest__Output } from './keygate/v1/GetRoleRequest';
import type { GetRoleResponse as _keygate_v1_GetRoleResponse, GetRoleResponse__Output as _keygate_v1_GetRoleResponse__Output } from './keygate/v1/GetRoleResponse';
import type { Lifetime as _keygate_v1_Lifetime, Lifetime__Output as _keygate_v1_Lifetime__Output } from './keygate/v1/Lifetime';
import type { ListRolesRequest as _keygate_v1_ListRolesRequest, ListRolesRequest__Output as _keygate_v1_ListRolesRequest__Output } from './keygate/v1/ListRolesRequest';
import type { ListRolesResponse as _keygate_v1_ListRolesResponse, ListRolesResponse__Output as _keygate_v1_ListRolesResponse__Output } from './keygate/v1/ListRolesResponse';
import type { Role as _keygate_v1_Role, Role__Output as _keygate_v1_Role__Output } from './keygate/v1/Role';
import type { RoleServiceClient as _keygate_v1_RoleServiceClient, RoleServiceDefinition as _keygate_v1_RoleServiceDefinition } from './keygate/v1/RoleService';
import type { StringList as _keygate_v1_StringList, StringList__Output as _keygate_v1_StringList__Output } from './keygate/v1/StringList';
import type { Tags as _keygate_v1_Tags, Tags__Output as _keygate_v1_Tags__Output } from './keygate/v1/Tags';
import type { UpdateRoleRequest as _keygate_v1_UpdateRoleRequest, UpdateRoleRequest__Output as _keygate_v1_UpdateRoleRequest__Output } from './keygate/v1/UpdateRoleRequest';
import type { UpdateRoleResponse as _keygate_v1_UpdateRoleResponse, UpdateRoleResponse__Output as _keygate_v1_UpdateRoleResponse__Output } from './keygate/v1/UpdateRoleResponse';

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
      CreateRoleRequest: MessageTypeDefinition<_keygate_v1_CreateRoleRequest, _keygate_v1_CreateRoleRequest__Output>
      CreateRoleResponse: MessageTypeDefinition<_keygate_v1_CreateRoleResponse, _keygate_v1_CreateRoleResponse__Output>
      CredentialTransport: EnumTypeDefinition
      DeleteRoleRequest: MessageTypeDefinition<_keygate_v1_DeleteRoleRequest, _keygate_v1_DeleteRoleRequest__Output>
      DeleteRoleResponse: MessageTypeDefinition<_keygate_v1_DeleteRoleResponse, _keygate_v1_DeleteRoleResponse__Output>
      Expiration: MessageTypeDefinition<_keygate_v1_Expiration, _keygate_v1_Expiration__Output>
      GetRoleRequest: MessageTypeDefinition<_keygate_v1_GetRoleRequest, _keygate_v1_GetRoleRequest__Output>
      GetRoleResponse: MessageTypeDefinition<_keygate_v1_GetRoleResponse, _keygate_v1_GetRoleResponse__Output>
      Lifetime: MessageTypeDefinition<_keygate_v1_Lifetime, _keygate_v1_Lifetime__Output>
      LifetimeUnit: EnumTypeDefinition
      ListRolesRequest: MessageTypeDefinition<_keygate_v1_ListRolesRequest, _keygate_v1_ListRolesRequest__Output>
      ListRolesResponse: MessageTypeDefinition<_keygate_v1_ListRolesResponse, _keygate_v1_ListRolesResponse__Output>
      PermissionSource: EnumTypeDefinition
      RateLimitMode: EnumTypeDefinition
      Role: MessageTypeDefinition<_keygate_v1_Role, _keygate_v1_Role__Output>
      /**
       * Roles: named sets of permissions. A key with a role holds exactly the role's permissions.
       * Reading needs `roles:read:all`; changes need `roles:write:all`. A caller can only grant
       * permissions it holds itself, so no key can raise its own privileges through a role.
       */
      RoleService: SubtypeConstructor<typeof grpc.Client, _keygate_v1_RoleServiceClient> & { service: _keygate_v1_RoleServiceDefinition }
      StringList: MessageTypeDefinition<_keygate_v1_StringList, _keygate_v1_StringList__Output>
      Tags: MessageTypeDefinition<_keygate_v1_Tags, _keygate_v1_Tags__Output>
      UpdateRoleRequest: MessageTypeDefinition<_keygate_v1_UpdateRoleRequest, _keygate_v1_UpdateRoleRequest__Output>
      UpdateRoleResponse: MessageTypeDefinition<_keygate_v1_UpdateRoleResponse, _keygate_v1_UpdateRoleResponse__Output>
    }
  }
}

