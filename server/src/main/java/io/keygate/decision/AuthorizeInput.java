package io.keygate.decision;

import io.keygate.authz.AccessRequest.Transport;
import java.util.Map;

/**
 * One Authorize request as the domain sees it (transport-neutral).
 *
 * @param credential the credential if the caller extracted it, else empty
 * @param transport where {@code credential} came from
 * @param headers raw headers, used when {@code credential} is empty
 * @param scopeId requested scope, empty for tenant-wide
 */
public record AuthorizeInput(
    String credential,
    Transport transport,
    Map<String, String> headers,
    String clientIp,
    String resource,
    String action,
    String method,
    String path,
    String scopeId) {

  @Override
  public String toString() {
    return "AuthorizeInput[transport=" + transport + ", clientIp=" + clientIp + ", resource=" + resource
        + ", action=" + action + ", method=" + method + ", scopeId=" + scopeId + "]";
  }
}
