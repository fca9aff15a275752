// Original file: keygate/v1/common.proto


/**
 * A replaceable set of tags (used where an update must tell "unchanged" from "now empty").
 */
export interface Tags {
  /**
   * Tag names to values. Names: 1–63 chars of [a-z0-9_.-]; values: at most 256 chars (may be empty).
   */
  'values'?: ({[key: string]: string});
}

/**
 * A replaceable set of tags (used where an update must tell "unchanged" from "now empty").
 */
export interface Tags__Output {
  /**
   * Tag names to values. Names: 1–63 chars of [a-z0-9_.-]; values: at most 256 chars (may be empty).
   */
  'values': ({[key: string]: string});
}
