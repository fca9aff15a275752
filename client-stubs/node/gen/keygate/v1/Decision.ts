// Original file: keygate/v1/authorizer.proto

/**
 * Whether the request may proceed.
 */
export const Decision = {
  /**
   * Never returned.
   */
  DECISION_UNSPECIFIED: 'DECISION_UNSPECIFIED',
  /**
   * The request may proceed (HTTP 200).
   */
  DECISION_ALLOW: 'DECISION_ALLOW',
  /**
   * The request must be refused with `http_status`.
   */
  DECISION_DENY: 'DECISION_DENY',
} as const;

/**
 * Whether the request may proceed.
 */
export type Decision =
  /**
   * Never returned.
   */
  | 'DECISION_UNSPECIFIED'
  | 0
  /**
   * The request may proceed (HTTP 200).
   */
  | 'DECISION_ALLOW'
  | 1
  /**
   * The request must be refused with `http_status`.
   */
  | 'DECISION_DENY'
  | 2

/**
 * Whether the request may proceed.
 */
export type Decision__Output = typeof Decision[keyof typeof Decision]
