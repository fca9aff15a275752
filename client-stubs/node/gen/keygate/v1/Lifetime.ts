// Original file: keygate/v1/common.proto

import type { LifetimeUnit as _keygate_v1_LifetimeUnit, LifetimeUnit__Output as _keygate_v1_LifetimeUnit__Output } from '../../keygate/v1/LifetimeUnit';

/**
 * A relative lifetime, such as "90 days" or "12 months".
 */
export interface Lifetime {
  /**
   * How many units; must be positive (0 means "no lifetime" where a field says so).
   */
  'amount'?: (number);
  /**
   * The unit of `amount`.
   */
  'unit'?: (_keygate_v1_LifetimeUnit);
}

/**
 * A relative lifetime, such as "90 days" or "12 months".
 */
export interface Lifetime__Output {
  /**
   * How many units; must be positive (0 means "no lifetime" where a field says so).
   */
  'amount': (number);
  /**
   * The unit of `amount`.
   */
  'unit': (_keygate_v1_LifetimeUnit__Output);
}
