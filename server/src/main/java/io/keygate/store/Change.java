package io.keygate.store;

/**
 * One row of the change log: an object a decision depends on changed in the transaction numbered
 * {@code seq}. Sequences follow commit order without gaps, so a read that saw sequence {@code v}
 * (see {@link io.keygate.authz.CredentialRecord#version()}) already reflects every change with
 * {@code seq <= v} and none after.
 *
 * @param apiKeyId the key that changed (its row, a token or a secret of it); {@code null} for a
 *     tenant-wide change (settings, a scope, a role, a principal)
 */
public record Change(long seq, String tenantId, String apiKeyId) {
  /** A change of one key. */
  public static Change key(long seq, String tenantId, String apiKeyId) {
    return new Change(seq, tenantId, apiKeyId);
  }

  /** A change of something many of the tenant's keys depend on. */
  public static Change tenant(long seq, String tenantId) {
    return new Change(seq, tenantId, null);
  }

  public boolean tenantWide() {
    return apiKeyId == null;
  }

  /**
   * True when a record of {@code recordTenantId}/{@code recordApiKeyId} may be affected by this
   * change; {@code recordApiKeyId} null stands for what depends on the tenant only (a scope path).
   */
  public boolean concerns(String recordTenantId, String recordApiKeyId) {
    return tenantWide() ? tenantId.equals(recordTenantId) : apiKeyId.equals(recordApiKeyId);
  }
}
