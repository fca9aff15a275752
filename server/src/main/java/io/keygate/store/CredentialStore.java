package io.keygate.store;

import io.keygate.authz.CredentialRecord;
import io.keygate.authz.ScopePath;
import java.util.Optional;

/**
 * The lookups on the decision path. Implementations must be safe for concurrent use and must throw
 * {@link io.keygate.KeygateException} of kind {@code UNAVAILABLE} when the backing store cannot be
 * reached, never answer "not found" for an outage.
 */
public interface CredentialStore {
  /**
   * The credential whose secret has this SHA-256 digest, with everything the decision needs;
   * empty when no valid secret has it (never issued, deleted, rotated away, grace period over).
   */
  Optional<CredentialRecord> findByDigest(byte[] digest);

  /**
   * The credential if it can be had without any I/O (from memory), else empty — also when it is
   * unknown. Lets the decision path count both rate limits in one round trip for cached keys.
   */
  default Optional<CredentialRecord> peek(byte[] digest) {
    return Optional.empty();
  }

  /**
   * The scope with its ancestors, nearest first; {@code null} when the tenant has no such scope.
   */
  ScopePath scopePath(String tenantId, String scopeId);
}
