// Original file: keygate/v1/api_keys.proto

/**
 * Lifecycle state of a key or token, as of the response.
 */
export const CredentialState = {
  /**
   * Not set (filters: any state).
   */
  CREDENTIAL_STATE_UNSPECIFIED: 'CREDENTIAL_STATE_UNSPECIFIED',
  /**
   * Usable.
   */
  CREDENTIAL_STATE_ACTIVE: 'CREDENTIAL_STATE_ACTIVE',
  /**
   * Past its expiration time.
   */
  CREDENTIAL_STATE_EXPIRED: 'CREDENTIAL_STATE_EXPIRED',
  /**
   * Revoked (keys; a token is revoked when its key is).
   */
  CREDENTIAL_STATE_REVOKED: 'CREDENTIAL_STATE_REVOKED',
} as const;

/**
 * Lifecycle state of a key or token, as of the response.
 */
export type CredentialState =
  /**
   * Not set (filters: any state).
   */
  | 'CREDENTIAL_STATE_UNSPECIFIED'
  | 0
  /**
   * Usable.
   */
  | 'CREDENTIAL_STATE_ACTIVE'
  | 1
  /**
   * Past its expiration time.
   */
  | 'CREDENTIAL_STATE_EXPIRED'
  | 2
  /**
   * Revoked (keys; a token is revoked when its key is).
   */
  | 'CREDENTIAL_STATE_REVOKED'
  | 3

/**
 * Lifecycle state of a key or token, as of the response.
 */
export type CredentialState__Output = typeof CredentialState[keyof typeof CredentialState]
