package io.keygate.authz;

import io.keygate.v1.PrincipalKind;
import java.time.Instant;

/**
 * The decision, as a pure function: given a found credential, the request, the scope path the
 * request touches and the time, it answers with a {@link Reason} in a fixed order (401 before 403):
 *
 * <ol>
 *   <li>transport not accepted by the tenant, revoked, expired → 401;
 *   <li>API access disabled for the tenant → 403; requested scope outside the key's scope, unknown,
 *       or no scope (tenant-wide) asked of a scope-bound key → 403; API access disabled on the scope
 *       path → 403;
 *   <li>an agent managing keys or tokens → 403; permission missing → 403; read-only token on a
 *       write → 403.
 * </ol>
 *
 * <p>Missing, malformed, in-query and unknown credentials are refused before this runs, and the
 * rate limits are applied around it (the per-IP limit first, the per-key limit last).
 */
public final class DecisionEngine {
  private DecisionEngine() {}

  /**
   * Decides for a credential that was found.
   *
   * @param scopePath the requested scope with its ancestors, {@link ScopePath#TENANT_WIDE} when the
   *     request names no scope; {@code null} when the requested scope does not exist in the key's
   *     tenant. A key bound to a scope acts only in that scope and below: a tenant-wide request
   *     (whose path contains no scope) is outside it.
   */
  public static Reason decide(CredentialRecord key, AccessRequest request, ScopePath scopePath, Instant now) {
    Reason authenticated = authenticate(key, request.transport(), now);
    if (authenticated != Reason.OK) {
      return authenticated;
    }
    TenantPolicy policy = key.policy();
    if (!policy.apiAccessEnabled()) {
      return Reason.TENANT_API_DISABLED;
    }
    if (scopePath == null || key.scopeId() != null && !scopePath.contains(key.scopeId())) {
      return Reason.SCOPE_FORBIDDEN;
    }
    if (!scopePath.apiAccessEnabled()) {
      return Reason.SCOPE_API_DISABLED;
    }
    boolean agent = key.principalKind() == PrincipalKind.PRINCIPAL_KIND_AGENT;
    if (agent && request.permission() != null && request.managesKeys(policy.tokenResources())) {
      return Reason.AGENT_CANNOT_MANAGE_TOKENS;
    }
    if (request.permission() == null) {
      return Reason.NO_ROUTE;
    }
    if (!Permissions.allows(key.permissions(), request.permission())) {
      return Reason.PERMISSION_DENIED;
    }
    if (request.write() && key.readOnly()) {
      return Reason.READ_ONLY_TOKEN;
    }
    return Reason.OK;
  }

  /**
   * The 401 checks of a found credential, shared by decisions and management calls: sent the way its
   * tenant accepts, not revoked, not expired. {@link Reason#OK} when they pass.
   */
  public static Reason authenticate(CredentialRecord key, AccessRequest.Transport transport, Instant now) {
    TenantPolicy policy = key.policy();
    if (transport == AccessRequest.Transport.API_KEY_HEADER && !policy.acceptsApiKeyHeader()
        || transport == AccessRequest.Transport.BEARER && !policy.acceptsBearer()) {
      return Reason.TRANSPORT_NOT_ACCEPTED;
    }
    if (key.revoked()) {
      return Reason.CREDENTIAL_REVOKED;
    }
    if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
      return Reason.CREDENTIAL_EXPIRED;
    }
    return Reason.OK;
  }
}
