// Original file: keygate/v1/common.proto

/**
 * The transport a credential arrived in.
 */
export const CredentialTransport = {
  /**
   * Unknown: the caller extracted the credential itself; transport rules are not checked.
   */
  CREDENTIAL_TRANSPORT_UNSPECIFIED: 'CREDENTIAL_TRANSPORT_UNSPECIFIED',
  /**
   * The `X-API-Key` header.
   */
  CREDENTIAL_TRANSPORT_API_KEY_HEADER: 'CREDENTIAL_TRANSPORT_API_KEY_HEADER',
  /**
   * `Authorization: Bearer <credential>`.
   */
  CREDENTIAL_TRANSPORT_BEARER: 'CREDENTIAL_TRANSPORT_BEARER',
} as const;

/**
 * The transport a credential arrived in.
 */
export type CredentialTransport =
  /**
   * Unknown: the caller extracted the credential itself; transport rules are not checked.
   */
  | 'CREDENTIAL_TRANSPORT_UNSPECIFIED'
  | 0
  /**
   * The `X-API-Key` header.
   */
  | 'CREDENTIAL_TRANSPORT_API_KEY_HEADER'
  | 1
  /**
   * `Authorization: Bearer <credential>`.
   */
  | 'CREDENTIAL_TRANSPORT_BEARER'
  | 2

/**
 * The transport a credential arrived in.
 */
export type CredentialTransport__Output = typeof CredentialTransport[keyof typeof CredentialTransport]
