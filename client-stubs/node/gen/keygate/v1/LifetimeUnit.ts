// Original file: keygate/v1/common.proto

/**
 * Unit of a relative lifetime. Months are calendar months in UTC.
 */
export const LifetimeUnit = {
  /**
   * Not set; rejected where a lifetime is required.
   */
  LIFETIME_UNIT_UNSPECIFIED: 'LIFETIME_UNIT_UNSPECIFIED',
  /**
   * Hours of 3600 seconds.
   */
  LIFETIME_UNIT_HOURS: 'LIFETIME_UNIT_HOURS',
  /**
   * Days of 24 hours.
   */
  LIFETIME_UNIT_DAYS: 'LIFETIME_UNIT_DAYS',
  /**
   * Weeks of 7 days.
   */
  LIFETIME_UNIT_WEEKS: 'LIFETIME_UNIT_WEEKS',
  /**
   * Calendar months (UTC): 1 month from 31 January is 28/29 February.
   */
  LIFETIME_UNIT_MONTHS: 'LIFETIME_UNIT_MONTHS',
} as const;

/**
 * Unit of a relative lifetime. Months are calendar months in UTC.
 */
export type LifetimeUnit =
  /**
   * Not set; rejected where a lifetime is required.
   */
  | 'LIFETIME_UNIT_UNSPECIFIED'
  | 0
  /**
   * Hours of 3600 seconds.
   */
  | 'LIFETIME_UNIT_HOURS'
  | 1
  /**
   * Days of 24 hours.
   */
  | 'LIFETIME_UNIT_DAYS'
  | 2
  /**
   * Weeks of 7 days.
   */
  | 'LIFETIME_UNIT_WEEKS'
  | 3
  /**
   * Calendar months (UTC): 1 month from 31 January is 28/29 February.
   */
  | 'LIFETIME_UNIT_MONTHS'
  | 4

/**
 * Unit of a relative lifetime. Months are calendar months in UTC.
 */
export type LifetimeUnit__Output = typeof LifetimeUnit[keyof typeof LifetimeUnit]
