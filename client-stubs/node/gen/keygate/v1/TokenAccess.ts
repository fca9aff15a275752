// Original file: keygate/v1/authorizer.proto

/**
 * Read-only or read-write: the "scope" of a token in the seeds' words.
 */
export const TokenAccess = {
  /**
   * Not set: read-write on create; unchanged on update.
   */
  TOKEN_ACCESS_UNSPECIFIED: 'TOKEN_ACCESS_UNSPECIFIED',
  /**
   * Reads only (actions read, list, get, view; HTTP GET, HEAD, OPTIONS).
   */
  TOKEN_ACCESS_READ_ONLY: 'TOKEN_ACCESS_READ_ONLY',
  /**
   * Reads and writes.
   */
  TOKEN_ACCESS_READ_WRITE: 'TOKEN_ACCESS_READ_WRITE',
} as const;

/**
 * Read-only or read-write: the "scope" of a token in the seeds' words.
 */
export type TokenAccess =
  /**
   * Not set: read-write on create; unchanged on update.
   */
  | 'TOKEN_ACCESS_UNSPECIFIED'
  | 0
  /**
   * Reads only (actions read, list, get, view; HTTP GET, HEAD, OPTIONS).
   */
  | 'TOKEN_ACCESS_READ_ONLY'
  | 1
  /**
   * Reads and writes.
   */
  | 'TOKEN_ACCESS_READ_WRITE'
  | 2

/**
 * Read-only or read-write: the "scope" of a token in the seeds' words.
 */
export type TokenAccess__Output = typeof TokenAccess[keyof typeof TokenAccess]
