package io.keygate.store;

import io.keygate.authz.CredentialRecord;
import io.keygate.authz.ScopePath;
import java.util.List;
import java.util.Optional;

/**
 * The lookups on the decision path. Implementations must be safe for concurrent use and must throw
 * {@link io.keygate.KeygateException} of kind {@code UNAVAILABLE} when the backing store cannot be
 * reached, never answer "not found" for an outage. {@link #findByDigest} and {@link #scopePath} may
 * block; the {@code peek} methods answer from memory only, so the decision can run on a thread that
 * must not block for as long as memory knows the answer.
 */
public interface CredentialStore {
  /** What {@link #peekScopePath} answers when memory does not hold the scope. */
  ScopePath NOT_IN_MEMORY = new ScopePath(List.of(), Long.MIN_VALUE);

  /**
   * The credential whose secret has this SHA-256 digest, with everything the decision needs;
   * empty when no valid secret has it (never issued, deleted, rotated away, grace period over).
   */
  Optional<CredentialRecord> findByDigest(byte[] digest);

  /** The credential if memory holds it, else null (also when it is unknown). */
  default CredentialRecord peek(byte[] digest) {
    return null;
  }

  /** True when memory knows that no valid secret has this digest (a negative cache). */
  default boolean knownUnknown(byte[] digest) {
    return false;
  }

  /**
   * The scope with its ancestors, nearest first; {@code null} when the tenant has no such scope.
   */
  ScopePath scopePath(String tenantId, String scopeId);

  /** {@link #scopePath} if memory holds the answer, else {@link #NOT_IN_MEMORY}. */
  default ScopePath peekScopePath(String tenantId, String scopeId) {
    return NOT_IN_MEMORY;
  }
}
