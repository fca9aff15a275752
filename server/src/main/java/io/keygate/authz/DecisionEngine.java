package io.keygate.authz;

import io.keygate.v1.PrincipalKind;
import java.time.Instant;

/**
 * The decision, as a pure function: given a found credential, the request, the scope path the
 * request touches and the time, it answers with a {@link Reason} in a fixed order (401 before 403):
 *
 * <ol>
 *   <li>transport not accepted by the tenant, revoked, expired → 401;
 *   <li>API access disabled for the tenant → 403; requested scope outside the key's scope (or
 *       unknown) → 403; API access disabled on the scope path → 403;
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
   * @param scopePath the requested scope (or, with no scope requested, the key's own scope) with its
   *     ancestors; {@code null} when the requested scope does not exist in the key's tenant
   */
  public static Reason decide(CredentialRecord key, AccessRequest request, ScopePath scopePath, Instant now) {
    TenantPolicy policy = key.policy();
    if (request.transport() == AccessRequest.Transport.API_KEY_HEADER && !policy.acceptsApiKeyHeader()
        || request.transport() == AccessRequest.Transport.BEARER && !policy.acceptsBearer()) {
      return Reason.TRANSPORT_NOT_ACCEPTED;
    }
    if (key.revoked()) {
      return Reason.CREDENTIAL_REVOKED;
    }
    if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
      return Reason.CREDENTIAL_EXPIRED;
    }
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
    if (agent && request.permission() != null && request.managesKeys()) {
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
}
