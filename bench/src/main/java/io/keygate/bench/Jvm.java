package io.keygate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Child JVMs, started with the flags the Helm chart ships, and what the kernel says of their memory. */
final class Jvm {
  /**
   * The chart's {@code javaToolOptions}, read from the helm/keygate/values.yaml packaged with the bench, less
   * the image's archive (the bench trains its own: {@link Footprint#imageArchives}), plus {@code -XX:MaxRAM}
   * set to the sidecar's memory limit (256 MiB), which is what the JVM would read from the container's cgroup.
   */
  static final List<String> SHIPPED_FLAGS = shippedFlags();

  /** Extra flags for Keygate's sidecars only, for profiling: e.g. {@code -XX:StartFlightRecording=...}. */
  static final List<String> PROFILING_FLAGS = System.getenv().containsKey("BENCH_SIDECAR_FLAGS")
      ? List.of(System.getenv("BENCH_SIDECAR_FLAGS").trim().split("\\s+")) : List.of();

  /** The console (stdout): the bench's product is the table it prints. */
  static final java.io.PrintStream OUT = new java.io.PrintStream(
      new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
  static final java.io.PrintStream ERR = new java.io.PrintStream(
      new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);

  private Jvm() {}

  private static List<String> shippedFlags() {
    List<String> flags = new ArrayList<>();
    for (String flag : chartValue("javaToolOptions").split("\\s+")) {
      if (!flag.startsWith("-XX:SharedArchiveFile=")) {
        flags.add(flag);
      }
    }
    flags.add("-XX:MaxRAM=256m");
    return List.copyOf(flags);
  }

  /** A top-level string of the chart's values.yaml, e.g. {@code javaToolOptions: "…"}. */
  static String chartValue(String name) {
    try (InputStream in = Jvm.class.getResourceAsStream("/chart/values.yaml")) {
      if (in == null) {
        throw new IllegalStateException("chart/values.yaml is not on the bench's class path");
      }
      Matcher value = Pattern.compile("^" + Pattern.quote(name) + ": \"([^\"]*)\"$", Pattern.MULTILINE)
          .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!value.find()) {
        throw new IllegalStateException("no quoted top-level " + name + " in the chart's values.yaml");
      }
      return value.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** Starts {@code java <flags> <args>} with {@code env} added, output to {@code log}. */
  static Process start(List<String> flags, List<String> args, Map<String, String> env, Path log) {
    List<String> command = new ArrayList<>();
    command.add(java().toString());
    command.addAll(flags);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("KEYGATE_") || k.equals("JAVA_TOOL_OPTIONS"));
    builder.environment().putAll(env);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Resident set size in KiB now ({@code VmRSS}) or at its peak ({@code VmHWM}); -1 if unreadable. */
  static long memoryKib(Process process, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** Ports handed out by {@link #freePort}: the kernel may offer a port again as soon as it is closed. */
  private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * A port free now, for a process to bind (it is told the port, so this one cannot hold it open), and
   * never one handed out before in this run: two asked for one after the other (a sidecar's gRPC and
   * metrics ports) were once the same, and the sidecar could not start.
   */
  static int freePort() {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        if (HANDED_OUT.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output)";
    }
  }
}
