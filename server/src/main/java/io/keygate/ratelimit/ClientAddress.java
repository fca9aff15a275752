package io.keygate.ratelimit;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Client addresses as the limits count them. Every spelling of one address is one client: an IP
 * literal is parsed (never resolved) and written back in its canonical form — {@code 2001:DB8::0001}
 * is {@code 2001:db8::1}, {@code ::ffff:192.0.2.1} is {@code 192.0.2.1} — and an IPv6 client is its
 * /64, the block one subscriber gets, so walking through the addresses of one /64 buys no second
 * allowance. A request whose address is unknown (none given, or a source that is no IP) is counted
 * as the client {@value #UNKNOWN}: it is throttled with everything else that hides its address.
 */
public final class ClientAddress {
  /** The client of requests without a usable address. */
  public static final String UNKNOWN = "unknown";

  private ClientAddress() {}

  /**
   * The canonical form of an IPv4 or IPv6 literal; {@code null} when {@code literal} is not one
   * (host names, ports, brackets, zone ids, {@code 001.2.3.4}).
   */
  public static String canonical(String literal) {
    if (literal == null || literal.isEmpty() || literal.length() > 45) {
      return null;
    }
    if (canonicalIpv4(literal)) {
      return literal; // the common case, already canonical: no parsing, no copy
    }
    for (int i = 0; i < literal.length(); i++) {
      char ch = literal.charAt(i);
      // ASCII only: Guava would also read other scripts' digits (\u0661 is an Arabic-Indic 1).
      if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F' || ch == '.' || ch == ':')) {
        return null;
      }
    }
    try {
      return InetAddresses.toAddrString(InetAddresses.forString(literal));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** True for a dotted quad in canonical form: four decimal numbers 0–255 without leading zeros. */
  static boolean canonicalIpv4(String s) {
    int parts = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i <= s.length(); i++) {
      char ch = i < s.length() ? s.charAt(i) : '.';
      if (ch == '.') {
        if (digits == 0 || value > 255 || ++parts > 4) {
          return false;
        }
        value = -1;
        digits = 0;
      } else if (ch >= '0' && ch <= '9') {
        if (digits > 0 && value == 0) {
          return false; // a leading zero
        }
        value = (value < 0 ? 0 : value * 10) + (ch - '0');
        if (++digits > 3) {
          return false;
        }
      } else {
        return false;
      }
    }
    return parts == 4;
  }

  /** The client a canonical address (or {@link #UNKNOWN}, or empty) is counted as: itself, or its /64. */
  public static String client(String canonical) {
    if (canonical.isEmpty()) {
      return UNKNOWN;
    }
    if (canonical.indexOf(':') < 0) {
      return canonical;
    }
    InetAddress address = InetAddresses.forString(canonical);
    if (address instanceof Inet4Address) {
      return canonical;
    }
    byte[] bytes = address.getAddress();
    for (int i = 8; i < 16; i++) {
      bytes[i] = 0;
    }
    try {
      return InetAddresses.toAddrString(Inet6Address.getByAddress(null, bytes, null)) + "/64";
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("sixteen bytes are always an IPv6 address", e);
    }
  }
}
