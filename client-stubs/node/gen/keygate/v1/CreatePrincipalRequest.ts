// Original file: keygate/v1/principals.proto

import type { PrincipalKind as _keygate_v1_PrincipalKind, PrincipalKind__Output as _keygate_v1_PrincipalKind__Output } from '../../keygate/v1/PrincipalKind';

/**
 * Request of CreatePrincipal.
 */
export interface CreatePrincipalRequest {
  /**
   * Kind; required.
   */
  'kind'?: (_keygate_v1_PrincipalKind);
  /**
   * Display name, 1–200 characters.
   */
  'displayName'?: (string);
  /**
   * E-mail; optional, at most 320 characters.
   */
  'email'?: (string);
  /**
   * Required for agents: the managing user. Must be a user of the same tenant.
   */
  'parentPrincipalId'?: (string);
  /**
   * Agents only: a system-run agent (see Principal.internal). Default false.
   */
  'internal'?: (boolean);
  /**
   * Role; optional.
   */
  'roleId'?: (string);
  /**
   * Scope (team); optional.
   */
  'scopeId'?: (string);
}

/**
 * Request of CreatePrincipal.
 */
export interface CreatePrincipalRequest__Output {
  /**
   * Kind; required.
   */
  'kind': (_keygate_v1_PrincipalKind__Output);
  /**
   * Display name, 1–200 characters.
   */
  'displayName': (string);
  /**
   * E-mail; optional, at most 320 characters.
   */
  'email': (string);
  /**
   * Required for agents: the managing user. Must be a user of the same tenant.
   */
  'parentPrincipalId': (string);
  /**
   * Agents only: a system-run agent (see Principal.internal). Default false.
   */
  'internal': (boolean);
  /**
   * Role; optional.
   */
  'roleId': (string);
  /**
   * Scope (team); optional.
   */
  'scopeId': (string);
}
