package io.keygate.client;

import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.Reason;
import io.keygate.v1.TokenAccess;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Keygate's answer to one Authorize call, immutable.
 *
 * @param allowed true only for {@code DECISION_ALLOW}; anything else (including an unset decision) is a denial
 * @param httpStatus the HTTP status to answer with: 200, 401, 403, 429 or 503
 * @param reason the stable reason code without its prefix, e.g. {@code OK}, {@code PERMISSION_DENIED}
 * @param message why, for people; safe to show the client
 * @param identity the caller, whenever the credential was valid (allow, 403, key-limit 429)
 * @param responseHeaders headers to add to an HTTP response as they are (lower-case names):
 *     {@code x-ratelimit-*}, {@code retry-after}, {@code www-authenticate}
 */
public record Decision(boolean allowed, int httpStatus, String reason, String message,
    Optional<CallerIdentity> identity, Map<String, String> responseHeaders) {

  private static final String REASON_PREFIX = "REASON_";

  public Decision {
    responseHeaders = Collections.unmodifiableMap(new TreeMap<>(responseHeaders));
  }

  /** Maps the wire response. */
  public static Decision from(AuthorizeResponse response) {
    boolean allowed = response.getDecision() == io.keygate.v1.Decision.DECISION_ALLOW;
    return new Decision(allowed, response.getHttpStatus(), reasonName(response.getReason()), response.getMessage(),
        response.hasIdentity() ? Optional.of(identity(response.getIdentity())) : Optional.empty(),
        response.getResponseHeadersMap());
  }

  /** Seconds to wait before retrying, from {@code retry-after}; empty unless rate limited. */
  public OptionalLong retryAfterSeconds() {
    String value = responseHeaders.get("retry-after");
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  static String reasonName(Reason reason) {
    String name = reason == Reason.UNRECOGNIZED ? "REASON_UNRECOGNIZED" : reason.name();
    return name.startsWith(REASON_PREFIX) ? name.substring(REASON_PREFIX.length()) : name;
  }

  private static CallerIdentity identity(io.keygate.v1.Identity id) {
    PrincipalKind kind = id.getPrincipalKind();
    String kindName = kind == PrincipalKind.UNRECOGNIZED || kind == PrincipalKind.PRINCIPAL_KIND_UNSPECIFIED
        ? "" : kind.name().substring("PRINCIPAL_KIND_".length());
    return new CallerIdentity(id.getTenantId(), id.getApiKeyId(), id.getTokenId(), id.getPrincipalId(), kindName,
        id.getParentPrincipalId(), id.getRoleId(), id.getRoleName(), id.getPermissionsList(),
        id.getTokenAccess() == TokenAccess.TOKEN_ACCESS_READ_ONLY, id.getScopeId());
  }
}
