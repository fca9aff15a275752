// Original file: keygate/v1/api_keys.proto

import type { TokenAccess as _keygate_v1_TokenAccess, TokenAccess__Output as _keygate_v1_TokenAccess__Output } from '../../keygate/v1/TokenAccess';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp';
import type { CredentialState as _keygate_v1_CredentialState, CredentialState__Output as _keygate_v1_CredentialState__Output } from '../../keygate/v1/CredentialState';

/**
 * A token: one secret of a key.
 */
export interface Token {
  /**
   * Immutable id, `tok_` + 26 characters.
   */
  'id'?: (string);
  /**
   * The key it belongs to.
   */
  'apiKeyId'?: (string);
  /**
   * Name, 1–200 characters.
   */
  'name'?: (string);
  /**
   * Description; at most 1000 characters.
   */
  'description'?: (string);
  /**
   * Tags (see Tags).
   */
  'tags'?: ({[key: string]: string});
  /**
   * Read-only or read-write.
   */
  'access'?: (_keygate_v1_TokenAccess);
  /**
   * When it expires; unset: never (the key's expiration still applies).
   */
  'expireTime'?: (_google_protobuf_Timestamp | null);
  /**
   * State as of this response (including the key's state).
   */
  'state'?: (_keygate_v1_CredentialState);
  /**
   * A non-secret hint to recognise the secret: prefix, first 4 and last 4 hex characters
   * (`lk_3f9a…c21e`).
   */
  'hint'?: (string);
  /**
   * When it was created.
   */
  'createTime'?: (_google_protobuf_Timestamp | null);
  /**
   * When it was last changed.
   */
  'updateTime'?: (_google_protobuf_Timestamp | null);
  /**
   * When its secret was last rotated; unset if never.
   */
  'rotateTime'?: (_google_protobuf_Timestamp | null);
  /**
   * Until when the secret it had before the last rotation is still accepted; unset if none is.
   */
  'previousSecretExpireTime'?: (_google_protobuf_Timestamp | null);
  /**
   * When it was last accepted; unset if never (recorded asynchronously).
   */
  'lastUsedTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * A token: one secret of a key.
 */
export interface Token__Output {
  /**
   * Immutable id, `tok_` + 26 characters.
   */
  'id': (string);
  /**
   * The key it belongs to.
   */
  'apiKeyId': (string);
  /**
   * Name, 1–200 characters.
   */
  'name': (string);
  /**
   * Description; at most 1000 characters.
   */
  'description': (string);
  /**
   * Tags (see Tags).
   */
  'tags': ({[key: string]: string});
  /**
   * Read-only or read-write.
   */
  'access': (_keygate_v1_TokenAccess__Output);
  /**
   * When it expires; unset: never (the key's expiration still applies).
   */
  'expireTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * State as of this response (including the key's state).
   */
  'state': (_keygate_v1_CredentialState__Output);
  /**
   * A non-secret hint to recognise the secret: prefix, first 4 and last 4 hex characters
   * (`lk_3f9a…c21e`).
   */
  'hint': (string);
  /**
   * When it was created.
   */
  'createTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * When it was last changed.
   */
  'updateTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * When its secret was last rotated; unset if never.
   */
  'rotateTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * Until when the secret it had before the last rotation is still accepted; unset if none is.
   */
  'previousSecretExpireTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * When it was last accepted; unset if never (recorded asynchronously).
   */
  'lastUsedTime': (_google_protobuf_Timestamp__Output | null);
}
