package io.keygate.decision;

import io.keygate.authz.Reason;
import io.keygate.ratelimit.LimitStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP response headers a decision implies, the same for Authorize and Envoy Check: the
 * rate-limit headers of the binding limit ({@code Retry-After} when it denies) and
 * {@code WWW-Authenticate} on 401. Names are lower case (HTTP/2).
 */
public final class ResponseHeaders {
  private ResponseHeaders() {}

  public static Map<String, String> of(Decision decision) {
    Map<String, String> out = new LinkedHashMap<>(rateLimit(decision.rateLimit()));
    if (decision.httpStatus() == 401) {
      out.put("www-authenticate", wwwAuthenticate(decision.reason()));
    }
    return out;
  }

  /** RFC 6750: no error attribute when no credential was sent, {@code invalid_token} otherwise. */
  public static String wwwAuthenticate(Reason reason) {
    return reason == Reason.CREDENTIAL_MISSING ? "Bearer realm=\"keygate\""
        : "Bearer realm=\"keygate\", error=\"invalid_token\"";
  }

  public static Map<String, String> rateLimit(LimitStatus limit) {
    Map<String, String> out = new LinkedHashMap<>();
    if (limit != null) {
      out.put("x-ratelimit-limit", Long.toString(limit.limit()));
      out.put("x-ratelimit-remaining", Long.toString(limit.remaining()));
      out.put("x-ratelimit-reset", Long.toString(limit.resetSeconds()));
      if (limit.denies()) {
        out.put("retry-after", Long.toString(Math.max(1, limit.resetSeconds())));
      }
    }
    return out;
  }
}
