// Original file: keygate/v1/common.proto


/**
 * A replaceable list of strings (used where an update must tell "unchanged" from "now empty").
 */
export interface StringList {
  /**
   * The values, in order.
   */
  'values'?: (string)[];
}

/**
 * A replaceable list of strings (used where an update must tell "unchanged" from "now empty").
 */
export interface StringList__Output {
  /**
   * The values, in order.
   */
  'values': (string)[];
}
