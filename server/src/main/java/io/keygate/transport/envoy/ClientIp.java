package io.keygate.transport.envoy;

import io.keygate.ratelimit.ClientAddress;

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

  /** An IPv4 or IPv6 literal (not {@code 192.0.2.1:8080}, brackets or zone ids): {@link ClientAddress}'s rule. */
  static boolean looksLikeIp(String s) {
    return ClientAddress.canonical(s) != null;
  }
}
