package io.keygate.authz;

import java.util.List;

/**
 * A scope and its ancestors, nearest first, as the decision needs them: ids and API-access
 * switches. An empty path means "tenant-wide".
 *
 * @param version the change-log sequence visible to the read that produced the path (as
 *     {@link CredentialRecord#version()}); 0 when it was not read
 */
public record ScopePath(List<Node> nodes, long version) {
  /** One scope on the path. */
  public record Node(String id, boolean apiAccessEnabled) {}

  public static final ScopePath TENANT_WIDE = new ScopePath(List.of(), 0);

  public ScopePath {
    nodes = List.copyOf(nodes);
  }

  /** True when {@code scopeId} is this scope or one of its ancestors. */
  public boolean contains(String scopeId) {
    for (Node node : nodes) {
      if (node.id().equals(scopeId)) {
        return true;
      }
    }
    return false;
  }

  /** True when every scope on the path has API access enabled. */
  public boolean apiAccessEnabled() {
    for (Node node : nodes) {
      if (!node.apiAccessEnabled()) {
        return false;
      }
    }
    return true;
  }
}
