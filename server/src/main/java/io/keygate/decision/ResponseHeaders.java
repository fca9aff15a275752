package io.keygate.decision;

import io.keygate.authz.Reason;
import io.keygate.ratelimit.LimitStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The HTTP response headers a decision implies, the same for Authorize and Envoy Check: the
 * rate-limit headers of the binding limit ({@code Retry-After} when it denies) and
 * {@code WWW-Authenticate} on 401. Names are lower case (HTTP/2).
 */
public final class ResponseHeaders {
  private ResponseHeaders() {}

  public static Map<String, String> of(Decision decision) {
    Map<String, String> out = new LinkedHashMap<>();
    forEach(decision, out::put);
    return out;
  }

  /** Each header of {@link #of}, in order, without building a map. */
  public static void forEach(Decision decision, BiConsumer<String, String> header) {
    LimitStatus limit = decision.rateLimit();
    if (limit != null) {
      header.accept("x-ratelimit-limit", Long.toString(limit.limit()));
      header.accept("x-ratelimit-remaining", Long.toString(limit.remaining()));
      header.accept("x-ratelimit-reset", Long.toString(limit.resetSeconds()));
      if (limit.denies()) {
        header.accept("retry-after", Long.toString(Math.max(1, limit.resetSeconds())));
      }
    }
    if (decision.httpStatus() == 401) {
      header.accept("www-authenticate", wwwAuthenticate(decision.reason()));
    }
  }

  /** RFC 6750: no error attribute when no credential was sent, {@code invalid_token} otherwise. */
  public static String wwwAuthenticate(Reason reason) {
    return reason == Reason.CREDENTIAL_MISSING ? "Bearer realm=\"keygate\""
        : "Bearer realm=\"keygate\", error=\"invalid_token\"";
  }

}
