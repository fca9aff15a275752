package io.keygate.client;

import java.util.List;

/**
 * Who is calling, as Keygate identified the credential. Empty strings where the field does not
 * apply (no role, no parent, tenant-wide key).
 *
 * @param tenantId tenant the key belongs to
 * @param apiKeyId the API key
 * @param tokenId the token (secret) that was presented
 * @param principalId the key's owner
 * @param principalKind {@code USER}, {@code SERVICE_ACCOUNT} or {@code AGENT}
 * @param parentPrincipalId for an agent, the user managing it
 * @param roleId the role the permissions came from
 * @param roleName that role's name
 * @param permissions effective permissions, {@code resource:action[:qualifier]}
 * @param readOnly whether the token may only read
 * @param scopeId scope the key is bound to
 */
public record CallerIdentity(String tenantId, String apiKeyId, String tokenId, String principalId,
    String principalKind, String parentPrincipalId, String roleId, String roleName, List<String> permissions,
    boolean readOnly, String scopeId) {

  public CallerIdentity {
    permissions = List.copyOf(permissions);
  }
}
