package io.keygate.decision;

import io.keygate.authz.AccessRequest.Transport;
import io.keygate.authz.Reason;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the credential in request headers and refuses credentials in URL query strings. Header
 * names are matched in lower case. {@code Authorization} values with another scheme than Bearer
 * (Basic, Digest…) are not Keygate's and are ignored.
 */
public final class CredentialExtractor {
  /** Query parameters that carry credentials in common APIs; any of them makes a request refused. */
  private static final Set<String> QUERY_CREDENTIAL_NAMES = Set.of("api_key", "apikey", "api-key", "x-api-key",
      "key", "token", "access_token", "auth", "authorization");

  private final String prefix;

  public CredentialExtractor(String prefix) {
    this.prefix = prefix;
  }

  /** A found credential (or the reason none can be used). */
  public record Found(String credential, Transport transport, Reason refusal) {
    static Found refused(Reason reason) {
      return new Found(null, Transport.UNKNOWN, reason);
    }

    @Override
    public String toString() {
      return "Found[transport=" + transport + ", refusal=" + refusal + "]";
    }
  }

  /**
   * The credential in {@code headers}; refusal MISSING or MULTIPLE_CREDENTIALS when not exactly one.
   * Header names are matched in any case, and one name sent twice in different cases
   * ({@code x-api-key} and {@code X-Api-Key}) is two credentials. One pass over the headers.
   */
  public Found fromHeaders(Map<String, String> headers) {
    String apiKey = null;
    String authorization = null;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey();
      String value = header.getValue();
      if (value.isBlank() || name.length() != 9 && name.length() != 13) {
        continue;
      }
      if (name.equalsIgnoreCase("x-api-key")) {
        if (apiKey != null) {
          return Found.refused(Reason.MULTIPLE_CREDENTIALS);
        }
        apiKey = value;
      } else if (name.equalsIgnoreCase("authorization")) {
        if (authorization != null) {
          return Found.refused(Reason.MULTIPLE_CREDENTIALS);
        }
        authorization = value;
      }
    }
    String bearer = null;
    if (authorization != null && authorization.length() > 7
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      bearer = authorization.substring(7).strip();
    }
    if (apiKey != null && bearer != null && bearer.startsWith(prefix)) {
      return Found.refused(Reason.MULTIPLE_CREDENTIALS);
    }
    if (apiKey != null) {
      return new Found(apiKey.strip(), Transport.API_KEY_HEADER, null);
    }
    if (bearer != null) {
      return new Found(bearer, Transport.BEARER, null);
    }
    return Found.refused(Reason.CREDENTIAL_MISSING);
  }

  /** True when the query string of {@code path} carries something that looks like a credential. */
  public boolean credentialInQuery(String path) {
    int question = path.indexOf('?');
    if (question < 0) {
      return false;
    }
    for (String pair : path.substring(question + 1).split("[&;]")) {
      int eq = pair.indexOf('=');
      String name = decoded(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "" : decoded(pair.substring(eq + 1));
      if (QUERY_CREDENTIAL_NAMES.contains(name) || value.startsWith(prefix) || name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The query component percent-decoded, or as sent when it is not valid percent-encoding. */
  private static String decoded(String component) {
    try {
      return URLDecoder.decode(component, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return component;
    }
  }
}
