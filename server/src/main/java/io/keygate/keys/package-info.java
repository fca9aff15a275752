/**
 * The credential format ({@link io.keygate.keys.SecretFormat}: generation, shape check with checksum,
 * SHA-256 digest, display hint), object ids, and lifetime arithmetic. Depends on the generated proto
 * types only; no I/O.
 */
package io.keygate.keys;
