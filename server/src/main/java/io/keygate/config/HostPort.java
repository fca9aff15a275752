package io.keygate.config;

/** A {@code host:port} address; port 0 asks for any free port. */
public record HostPort(String host, int port) {
  public HostPort {
    if (host.isEmpty() || port < 0 || port > 65535) {
      throw new IllegalArgumentException("must be host:port, e.g. 0.0.0.0:9464");
    }
  }

  /** Parses {@code host:port} ({@code [v6]:port} for IPv6 literals). */
  public static HostPort parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 1 || !text.substring(colon + 1).matches("\\d{1,5}")) {
      throw new IllegalArgumentException("must be host:port, e.g. 0.0.0.0:9464");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new HostPort(host, Integer.parseInt(text.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
