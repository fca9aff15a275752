package io.keygate.store;

import io.keygate.authz.CredentialParts;
import java.util.Optional;

/**
 * The decision path's lookups in {@linkplain CredentialParts parts}, for a cache that holds each
 * tenant's settings and roles once instead of in every credential's record. A change of a tenant's
 * settings or roles is tenant-wide ({@link Change#tenantWide()}). The same contract as
 * {@link CredentialStore}: safe for concurrent use, may block, UNAVAILABLE when the store cannot be
 * reached.
 */
public interface CredentialPartStore {
  /** The own rows of the credential whose secret has this digest; empty as {@link CredentialStore#findByDigest}. */
  Optional<CredentialParts.Key> findKey(byte[] digest);

  /** The tenant's settings as its keys need them; empty when there is no such tenant. */
  Optional<CredentialParts.Tenant> findTenant(String tenantId);

  /** The tenant's role; empty when the tenant has no such role. */
  Optional<CredentialParts.Role> findRole(String tenantId, String roleId);
}
