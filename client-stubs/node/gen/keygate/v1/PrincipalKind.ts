// Original file: keygate/v1/principals.proto

/**
 * Kind of principal.
 */
export const PrincipalKind = {
  /**
   * Not set; rejected on create.
   */
  PRINCIPAL_KIND_UNSPECIFIED: 'PRINCIPAL_KIND_UNSPECIFIED',
  /**
   * A human. Humans create tokens for themselves or for agents they manage, and, as the tenant's
   * settings allow (token_issuers, token_owners), for others.
   */
  PRINCIPAL_KIND_USER: 'PRINCIPAL_KIND_USER',
  /**
   * A non-human account for automation. Its keys need admin-level (`:all`) permissions to manage;
   * it issues tokens itself only with `api-keys:create:all` and where the tenant's token_issuers allow.
   */
  PRINCIPAL_KIND_SERVICE_ACCOUNT: 'PRINCIPAL_KIND_SERVICE_ACCOUNT',
  /**
   * An AI agent with a parent human. Its credentials may never create, update or delete tokens.
   */
  PRINCIPAL_KIND_AGENT: 'PRINCIPAL_KIND_AGENT',
} as const;

/**
 * Kind of principal.
 */
export type PrincipalKind =
  /**
   * Not set; rejected on create.
   */
  | 'PRINCIPAL_KIND_UNSPECIFIED'
  | 0
  /**
   * A human. Humans create tokens for themselves or for agents they manage, and, as the tenant's
   * settings allow (token_issuers, token_owners), for others.
   */
  | 'PRINCIPAL_KIND_USER'
  | 1
  /**
   * A non-human account for automation. Its keys need admin-level (`:all`) permissions to manage;
   * it issues tokens itself only with `api-keys:create:all` and where the tenant's token_issuers allow.
   */
  | 'PRINCIPAL_KIND_SERVICE_ACCOUNT'
  | 2
  /**
   * An AI agent with a parent human. Its credentials may never create, update or delete tokens.
   */
  | 'PRINCIPAL_KIND_AGENT'
  | 3

/**
 * Kind of principal.
 */
export type PrincipalKind__Output = typeof PrincipalKind[keyof typeof PrincipalKind]
