package io.keygate.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts in another process (PostgreSQL, Redis), which must be told their
 * port and may be stopped and restarted on it. A server inside the test JVM binds port 0 and reports
 * the port it got; only when that is impossible does a test come here.
 *
 * <p>"Bind port 0, close, reuse" races: the kernel hands the same port to the next {@code bind(0)}
 * and to the local end of outgoing connections, both drawn from its ephemeral range. The ports
 * given out here lie outside that range ({@code /proc/sys/net/ipv4/ip_local_port_range}), so no
 * connection and no {@code bind(0)} can take one while its server is down; each is checked free
 * when given out and never given out twice in this JVM.
 */
public final class Ports {
  private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();
  private static final int[] RANGE = outsideEphemeralRange();

  private Ports() {}

  /** A port no one listens on now and no connection will take; yours until the JVM exits. */
  public static int reserve() {
    return reserve(0);
  }

  /**
   * A port {@code p} such that {@code p} and {@code p + offset} are both as {@link #reserve()} gives
   * them: for a Redis Cluster node, whose cluster bus listens 10000 above its port.
   */
  public static int reserve(int offset) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(RANGE[0], RANGE[1] - offset + 1);
      if (GIVEN.add(port) && (offset == 0 || GIVEN.add(port + offset))) {
        if (bindable(port) && bindable(port + offset)) {
          return port;
        }
      }
    }
    throw new IllegalStateException("no free port in " + RANGE[0] + "-" + RANGE[1]);
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The ports below the kernel's ephemeral range, or above it when too few lie below. */
  private static int[] outsideEphemeralRange() {
    int low = 32768;
    int high = 60999;
    try {
      // readAllLines, not readString: procfs reports a size of 0, and readString trusts it.
      String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim()
          .split("\\s+");
      low = Integer.parseInt(range[0]);
      high = Integer.parseInt(range[1]);
    } catch (IOException | RuntimeException e) {
      // not Linux: keep the IANA defaults
    }
    return low > 12_000 ? new int[] {10_000, low - 1} : new int[] {high + 1, 65_535};
  }
}
