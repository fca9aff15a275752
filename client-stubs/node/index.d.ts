// Types for index.js. Message and service types are generated into ./gen by client-stubs/generate.sh
// (proto-loader-gen-types, options matching index.js: longs and enums as strings, defaults, oneofs).
import * as grpc from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import type { ProtoGrpcType as AuthorizerProto } from './gen/authorizer';
import type { AuthorizerServiceClient } from './gen/keygate/v1/AuthorizerService';
import type { ApiKeyServiceClient } from './gen/keygate/v1/ApiKeyService';
import type { AuditServiceClient } from './gen/keygate/v1/AuditService';
import type { PrincipalServiceClient } from './gen/keygate/v1/PrincipalService';
import type { RoleServiceClient } from './gen/keygate/v1/RoleService';
import type { ScopeServiceClient } from './gen/keygate/v1/ScopeService';
import type { TenantServiceClient } from './gen/keygate/v1/TenantService';
import type { AuthorizeRequest } from './gen/keygate/v1/AuthorizeRequest';
import type { AuthorizeResponse__Output } from './gen/keygate/v1/AuthorizeResponse';

export { grpc };
export type { AuthorizeRequest, AuthorizeResponse__Output as AuthorizeResponse };

export declare const DEFAULT_ADDRESS: string;
export declare const DEFAULT_DEADLINE_MS: number;
export declare const packageDefinition: PackageDefinition;
export declare const keygate: AuthorizerProto['keygate']['v1'];

export interface KeygateClients {
  authorizer: AuthorizerServiceClient;
  apiKeys: ApiKeyServiceClient;
  audit: AuditServiceClient;
  principals: PrincipalServiceClient;
  roles: RoleServiceClient;
  scopes: ScopeServiceClient;
  tenants: TenantServiceClient;
  close(): void;
}

export declare function apiKeyMetadata(secret: string): grpc.Metadata;
export declare function createClients(target?: string, credentials?: grpc.ChannelCredentials): KeygateClients;
export declare function authorize(authorizer: AuthorizerServiceClient, request: AuthorizeRequest,
  options?: { deadlineMs?: number }): Promise<AuthorizeResponse__Output>;
