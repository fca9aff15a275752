// Original file: keygate/v1/tenants.proto

/**
 * Who may create keys and tokens and rotate secrets (never AI agents).
 */
export const TokenIssuers = {
  /**
   * Not set: keep the current value (updates); the default for a new tenant is
   * USERS_AND_ADMIN_SERVICE_ACCOUNTS.
   */
  TOKEN_ISSUERS_UNSPECIFIED: 'TOKEN_ISSUERS_UNSPECIFIED',
  /**
   * Users, and service accounts holding `api-keys:create:all` (Harness: admin-level service accounts).
   */
  TOKEN_ISSUERS_USERS_AND_ADMIN_SERVICE_ACCOUNTS: 'TOKEN_ISSUERS_USERS_AND_ADMIN_SERVICE_ACCOUNTS',
  /**
   * Only human users (Harmonic): service accounts' credentials create no key or token.
   */
  TOKEN_ISSUERS_USERS_ONLY: 'TOKEN_ISSUERS_USERS_ONLY',
} as const;

/**
 * Who may create keys and tokens and rotate secrets (never AI agents).
 */
export type TokenIssuers =
  /**
   * Not set: keep the current value (updates); the default for a new tenant is
   * USERS_AND_ADMIN_SERVICE_ACCOUNTS.
   */
  | 'TOKEN_ISSUERS_UNSPECIFIED'
  | 0
  /**
   * Users, and service accounts holding `api-keys:create:all` (Harness: admin-level service accounts).
   */
  | 'TOKEN_ISSUERS_USERS_AND_ADMIN_SERVICE_ACCOUNTS'
  | 1
  /**
   * Only human users (Harmonic): service accounts' credentials create no key or token.
   */
  | 'TOKEN_ISSUERS_USERS_ONLY'
  | 2

/**
 * Who may create keys and tokens and rotate secrets (never AI agents).
 */
export type TokenIssuers__Output = typeof TokenIssuers[keyof typeof TokenIssuers]
