// Original file: keygate/v1/authorizer.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AuthorizeRequest as _keygate_v1_AuthorizeRequest, AuthorizeRequest__Output as _keygate_v1_AuthorizeRequest__Output } from '../../keygate/v1/AuthorizeRequest';
import type { AuthorizeResponse as _keygate_v1_AuthorizeResponse, AuthorizeResponse__Output as _keygate_v1_AuthorizeResponse__Output } from '../../keygate/v1/AuthorizeResponse';

/**
 * The decision call. Applications on the same host ask it, for every request they serve, whether
 * the caller's credential is valid, allowed to do this, and within its rate limits.
 * 
 * Authorize needs no credential of its own: it judges the credential inside the request. Denials
 * are answers, not errors: the RPC fails only on bad input (INVALID_ARGUMENT) or when a backend it
 * needs is unreachable (UNAVAILABLE), so the caller's fail-open/fail-closed policy decides.
 */
export interface AuthorizerServiceClient extends grpc.Client {
  /**
   * Decides one request: allow (HTTP 200) or deny (401, 403, 429).
   */
  Authorize(argument: _keygate_v1_AuthorizeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  Authorize(argument: _keygate_v1_AuthorizeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  Authorize(argument: _keygate_v1_AuthorizeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  Authorize(argument: _keygate_v1_AuthorizeRequest, callback: grpc.requestCallback<_keygate_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Decides one request: allow (HTTP 200) or deny (401, 403, 429).
   */
  authorize(argument: _keygate_v1_AuthorizeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  authorize(argument: _keygate_v1_AuthorizeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_keygate_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  authorize(argument: _keygate_v1_AuthorizeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_keygate_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  authorize(argument: _keygate_v1_AuthorizeRequest, callback: grpc.requestCallback<_keygate_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The decision call. Applications on the same host ask it, for every request they serve, whether
 * the caller's credential is valid, allowed to do this, and within its rate limits.
 * 
 * Authorize needs no credential of its own: it judges the credential inside the request. Denials
 * are answers, not errors: the RPC fails only on bad input (INVALID_ARGUMENT) or when a backend it
 * needs is unreachable (UNAVAILABLE), so the caller's fail-open/fail-closed policy decides.
 */
export interface AuthorizerServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Decides one request: allow (HTTP 200) or deny (401, 403, 429).
   */
  Authorize: grpc.handleUnaryCall<_keygate_v1_AuthorizeRequest__Output, _keygate_v1_AuthorizeResponse>;
  
}

export interface AuthorizerServiceDefinition extends grpc.ServiceDefinition {
  Authorize: MethodDefinition<_keygate_v1_AuthorizeRequest, _keygate_v1_AuthorizeResponse, _keygate_v1_AuthorizeRequest__Output, _keygate_v1_AuthorizeResponse__Output>
}
