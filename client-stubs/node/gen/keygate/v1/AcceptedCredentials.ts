// Original file: keygate/v1/common.proto

/**
 * Which credential transports a tenant accepts. A credential in a URL query is never accepted.
 */
export const AcceptedCredentials = {
  /**
   * Not set: keep the current value (updates); the default for a new tenant is ANY.
   */
  ACCEPTED_CREDENTIALS_UNSPECIFIED: 'ACCEPTED_CREDENTIALS_UNSPECIFIED',
  /**
   * Only the `X-API-Key` header.
   */
  ACCEPTED_CREDENTIALS_API_KEY_HEADER: 'ACCEPTED_CREDENTIALS_API_KEY_HEADER',
  /**
   * Only `Authorization: Bearer <credential>`.
   */
  ACCEPTED_CREDENTIALS_BEARER: 'ACCEPTED_CREDENTIALS_BEARER',
  /**
   * Either of the two (not both at once).
   */
  ACCEPTED_CREDENTIALS_ANY: 'ACCEPTED_CREDENTIALS_ANY',
} as const;

/**
 * Which credential transports a tenant accepts. A credential in a URL query is never accepted.
 */
export type AcceptedCredentials =
  /**
   * Not set: keep the current value (updates); the default for a new tenant is ANY.
   */
  | 'ACCEPTED_CREDENTIALS_UNSPECIFIED'
  | 0
  /**
   * Only the `X-API-Key` header.
   */
  | 'ACCEPTED_CREDENTIALS_API_KEY_HEADER'
  | 1
  /**
   * Only `Authorization: Bearer <credential>`.
   */
  | 'ACCEPTED_CREDENTIALS_BEARER'
  | 2
  /**
   * Either of the two (not both at once).
   */
  | 'ACCEPTED_CREDENTIALS_ANY'
  | 3

/**
 * Which credential transports a tenant accepts. A credential in a URL query is never accepted.
 */
export type AcceptedCredentials__Output = typeof AcceptedCredentials[keyof typeof AcceptedCredentials]
