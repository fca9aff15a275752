// Original file: keygate/v1/common.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { Lifetime as _keygate_v1_Lifetime, Lifetime__Output as _keygate_v1_Lifetime__Output } from '../../keygate/v1/Lifetime';

/**
 * When a key or token stops being valid.
 */
export interface Expiration {
  /**
   * An absolute instant; must be in the future and within the tenant's maximum token lifetime.
   */
  'at'?: (_google_protobuf_Timestamp | null);
  /**
   * Relative to the time the server handles the request.
   */
  'after'?: (_keygate_v1_Lifetime | null);
  /**
   * No expiration: valid until revoked or deleted. Where the tenant caps token lifetime, the cap
   * applies instead (the token expires at now + the tenant's maximum lifetime).
   */
  'never'?: (boolean);
  /**
   * Exactly one way of saying it.
   */
  'kind'?: "at"|"after"|"never";
}

/**
 * When a key or token stops being valid.
 */
export interface Expiration__Output {
  /**
   * An absolute instant; must be in the future and within the tenant's maximum token lifetime.
   */
  'at'?: (_google_protobuf_Timestamp__Output | null);
  /**
   * Relative to the time the server handles the request.
   */
  'after'?: (_keygate_v1_Lifetime__Output | null);
  /**
   * No expiration: valid until revoked or deleted. Where the tenant caps token lifetime, the cap
   * applies instead (the token expires at now + the tenant's maximum lifetime).
   */
  'never'?: (boolean);
  /**
   * Exactly one way of saying it.
   */
  'kind'?: "at"|"after"|"never";
}
