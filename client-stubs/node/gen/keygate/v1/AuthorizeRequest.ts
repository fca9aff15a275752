// Original file: keygate/v1/authorizer.proto

import type { CredentialTransport as _keygate_v1_CredentialTransport, CredentialTransport__Output as _keygate_v1_CredentialTransport__Output } from '../../keygate/v1/CredentialTransport';

/**
 * One request to decide.
 */
export interface AuthorizeRequest {
  /**
   * The credential exactly as the client sent it (`lk_` + 64 hex by default), already taken out of
   * the request by the caller. Leave empty and set `headers` to let Keygate extract it and apply
   * the tenant's transport rules.
   */
  'credential'?: (string);
  /**
   * The transport `credential` arrived in, so that the tenant's accepted transports can be
   * checked. Unspecified: not checked. Ignored when `credential` is empty.
   */
  'credentialTransport'?: (_keygate_v1_CredentialTransport);
  /**
   * Raw request headers, names in lower case (`x-api-key`, `authorization`). Used when
   * `credential` is empty. Sending the credential in more than one header is denied (401).
   */
  'headers'?: ({[key: string]: string});
  /**
   * The client's IP address (IPv4 or IPv6 literal, no port, brackets or zone) as the application
   * sees it. Used for the per-IP limits, in canonical form (every spelling of an address is one
   * client) and, for IPv6, per /64. Empty: all such requests are counted as one client, "unknown".
   * Anything else: INVALID_ARGUMENT.
   */
  'clientIp'?: (string);
  /**
   * The resource being accessed, e.g. `conversations`. With `action`, forms the permission
   * `resource:action` that the key must hold. Required unless `method` and `path` are set.
   */
  'resource'?: (string);
  /**
   * The action on `resource`, e.g. `read`, `write`, `delete`, optionally with a qualifier
   * (`read:team`). Actions `read`, `list`, `get` and `view` are reads; all others are writes
   * (refused to read-only tokens).
   */
  'action'?: (string);
  /**
   * HTTP method of the request (GET, POST…). With `path`, mapped to a permission by the route
   * table when `resource` is empty; also decides read/write for read-only tokens.
   */
  'method'?: (string);
  /**
   * HTTP path of the request, with its query string if any. A credential found in the query
   * string is refused (401) whatever else the request carries.
   */
  'path'?: (string);
  /**
   * The scope (org, project, collective, team) the request touches, if any. API access must be
   * enabled for it and every scope above it, and a key bound to a scope may only touch that scope
   * and the scopes below it. Empty: tenant-wide.
   */
  'scopeId'?: (string);
}

/**
 * One request to decide.
 */
export interface AuthorizeRequest__Output {
  /**
   * The credential exactly as the client sent it (`lk_` + 64 hex by default), already taken out of
   * the request by the caller. Leave empty and set `headers` to let Keygate extract it and apply
   * the tenant's transport rules.
   */
  'credential': (string);
  /**
   * The transport `credential` arrived in, so that the tenant's accepted transports can be
   * checked. Unspecified: not checked. Ignored when `credential` is empty.
   */
  'credentialTransport': (_keygate_v1_CredentialTransport__Output);
  /**
   * Raw request headers, names in lower case (`x-api-key`, `authorization`). Used when
   * `credential` is empty. Sending the credential in more than one header is denied (401).
   */
  'headers': ({[key: string]: string});
  /**
   * The client's IP address (IPv4 or IPv6 literal, no port, brackets or zone) as the application
   * sees it. Used for the per-IP limits, in canonical form (every spelling of an address is one
   * client) and, for IPv6, per /64. Empty: all such requests are counted as one client, "unknown".
   * Anything else: INVALID_ARGUMENT.
   */
  'clientIp': (string);
  /**
   * The resource being accessed, e.g. `conversations`. With `action`, forms the permission
   * `resource:action` that the key must hold. Required unless `method` and `path` are set.
   */
  'resource': (string);
  /**
   * The action on `resource`, e.g. `read`, `write`, `delete`, optionally with a qualifier
   * (`read:team`). Actions `read`, `list`, `get` and `view` are reads; all others are writes
   * (refused to read-only tokens).
   */
  'action': (string);
  /**
   * HTTP method of the request (GET, POST…). With `path`, mapped to a permission by the route
   * table when `resource` is empty; also decides read/write for read-only tokens.
   */
  'method': (string);
  /**
   * HTTP path of the request, with its query string if any. A credential found in the query
   * string is refused (401) whatever else the request carries.
   */
  'path': (string);
  /**
   * The scope (org, project, collective, team) the request touches, if any. API access must be
   * enabled for it and every scope above it, and a key bound to a scope may only touch that scope
   * and the scopes below it. Empty: tenant-wide.
   */
  'scopeId': (string);
}
