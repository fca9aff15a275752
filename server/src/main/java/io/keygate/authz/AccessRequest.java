package io.keygate.authz;

import java.util.Locale;
import java.util.Set;

/**
 * The part of a request the decision judges, once the credential has been found.
 *
 * @param transport where the credential came from
 * @param permission the permission required, {@code resource:action[:qualifier]}; {@code null} when no
 *     route maps the request to one
 * @param write whether the request changes something (refused to read-only tokens)
 * @param scopeId the scope the request touches; {@code null} for tenant-wide
 */
public record AccessRequest(Transport transport, String permission, boolean write, String scopeId) {
  private static final Set<String> READ_ACTIONS = Set.of("read", "list", "get", "view");
  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /** How the credential reached us. */
  public enum Transport {
    UNKNOWN,
    API_KEY_HEADER,
    BEARER
  }

  /** True for actions that only read: read, list, get, view (with any qualifier). */
  public static boolean isReadAction(String action) {
    int colon = action.indexOf(':');
    String verb = colon < 0 ? action : action.substring(0, colon);
    return READ_ACTIONS.contains(verb.toLowerCase(Locale.ROOT));
  }

  /** True for HTTP methods that only read. */
  public static boolean isReadMethod(String method) {
    return READ_METHODS.contains(method.toUpperCase(Locale.ROOT));
  }

  /**
   * True when the request creates, changes or deletes keys or tokens: it writes one of
   * {@code tokenResources} (the tenant's, {@link TenantPolicy#tokenResources}).
   */
  public boolean managesKeys(Set<String> tokenResources) {
    int colon = permission.indexOf(':');
    return write && colon > 0 && tokenResources.contains(permission.substring(0, colon));
  }
}
