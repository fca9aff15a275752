package io.keygate.transport.envoy;

/**
 * Which address is the client's. With no trusted hops it is the connection's source address:
 * {@code x-forwarded-for} is written by the client and proves nothing. With {@code n} trusted hops —
 * proxies in front of Envoy that each append the address they received the request from — it is
 * the {@code n}-th entry of {@code x-forwarded-for} counted from the right. If the header has fewer
 * entries, or that entry is not an IP address, the source address is used.
 */
public final class ClientIp {
  private ClientIp() {}

  public static String resolve(String sourceAddress, String forwardedFor, int trustedHops) {
    if (trustedHops <= 0 || forwardedFor == null || forwardedFor.isBlank()) {
      return sourceAddress;
    }
    String[] hops = forwardedFor.split(",", -1);
    int index = hops.length - trustedHops;
    if (index < 0) {
      return sourceAddress;
    }
    String candidate = hops[index].strip();
    return looksLikeIp(candidate) ? candidate : sourceAddress;
  }

  /**
   * An IPv4 dotted quad or an IPv6 literal (eight groups of 1-4 hex digits, one {@code ::} at most,
   * optionally ending in a dotted quad). Not {@code 192.0.2.1:8080}, brackets or zone ids.
   */
  static boolean looksLikeIp(String s) {
    if (s.isEmpty() || s.length() > 45) {
      return false;
    }
    return s.indexOf(':') >= 0 ? looksLikeIpv6(s) : looksLikeIpv4(s);
  }

  private static boolean looksLikeIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(ch -> ch >= '0' && ch <= '9')
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksLikeIpv6(String s) {
    String head = s;
    int groups = 0;
    if (s.indexOf('.') >= 0) {
      int lastColon = s.lastIndexOf(':');
      if (!looksLikeIpv4(s.substring(lastColon + 1))) {
        return false;
      }
      head = s.substring(0, lastColon + 1);
      head = head.endsWith("::") ? head : head.substring(0, head.length() - 1);
      groups = 2;
    }
    int compressed = head.indexOf("::");
    if (compressed < 0) {
      int count = hexGroups(head);
      return count >= 0 && count + groups == 8;
    }
    if (head.indexOf("::", compressed + 1) >= 0) {
      return false;
    }
    int left = hexGroups(head.substring(0, compressed));
    int right = hexGroups(head.substring(compressed + 2));
    return left >= 0 && right >= 0 && left + right + groups <= 7;
  }

  /** The number of colon-separated groups of 1-4 hex digits in {@code s} (0 if empty), or -1. */
  private static int hexGroups(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    String[] parts = s.split(":", -1);
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
        return -1;
      }
    }
    return parts.length;
  }
}
