// Original file: keygate/v1/tenants.proto

/**
 * For whom keys and tokens may be created and secrets rotated.
 */
export const TokenOwners = {
  /**
   * Not set: keep the current value (updates); the default for a new tenant is ANY_COVERED.
   */
  TOKEN_OWNERS_UNSPECIFIED: 'TOKEN_OWNERS_UNSPECIFIED',
  /**
   * A holder of `api-keys:create:all` for any principal of the tenant whose permissions it covers;
   * `api-keys:create:own` for itself and the agents it manages.
   */
  TOKEN_OWNERS_ANY_COVERED: 'TOKEN_OWNERS_ANY_COVERED',
  /**
   * Only for the issuer itself or an AI agent it manages (Harmonic), whatever the issuer holds.
   */
  TOKEN_OWNERS_SELF_AND_MANAGED_AGENTS: 'TOKEN_OWNERS_SELF_AND_MANAGED_AGENTS',
} as const;

/**
 * For whom keys and tokens may be created and secrets rotated.
 */
export type TokenOwners =
  /**
   * Not set: keep the current value (updates); the default for a new tenant is ANY_COVERED.
   */
  | 'TOKEN_OWNERS_UNSPECIFIED'
  | 0
  /**
   * A holder of `api-keys:create:all` for any principal of the tenant whose permissions it covers;
   * `api-keys:create:own` for itself and the agents it manages.
   */
  | 'TOKEN_OWNERS_ANY_COVERED'
  | 1
  /**
   * Only for the issuer itself or an AI agent it manages (Harmonic), whatever the issuer holds.
   */
  | 'TOKEN_OWNERS_SELF_AND_MANAGED_AGENTS'
  | 2

/**
 * For whom keys and tokens may be created and secrets rotated.
 */
export type TokenOwners__Output = typeof TokenOwners[keyof typeof TokenOwners]
