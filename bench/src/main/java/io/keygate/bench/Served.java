package io.keygate.bench;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.Reason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC server in its own JVM — a Keygate sidecar (the shipped jar) or the no-op baseline — with
 * the channels the load generator uses to reach it.
 */
final class Served implements AutoCloseable {
  final String name;
  final Process process;
  final int port;
  final Path log;
  /** Nanoseconds from spawning the JVM to its first allowed Authorize. */
  final long startNanos;
  private final List<ManagedChannel> channels = new ArrayList<>();

  private Served(String name, Process process, int port, Path log, long startNanos) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
    this.startNanos = startNanos;
  }

  /** A Keygate sidecar: {@code java <shipped flags> -jar keygate.jar serve} with {@code env}. */
  static Served keygate(String name, Path jar, Map<String, String> env, Path dir, String probeCredential) {
    return keygate(name, jar, env, dir, probeCredential, List.of());
  }

  /** As above, with JVM flags added to the shipped ones (e.g. the image's class-data-sharing archive). */
  static Served keygate(String name, Path jar, Map<String, String> env, Path dir, String probeCredential,
      List<String> extraFlags) {
    int port = Jvm.freePort();
    Map<String, String> all = new HashMap<>(env);
    all.put("KEYGATE_HOST", "127.0.0.1");
    all.put("KEYGATE_PORT", Integer.toString(port));
    Path log = dir.resolve(name + ".log");
    long spawned = System.nanoTime();
    List<String> flags = new ArrayList<>(Jvm.SHIPPED_FLAGS);
    flags.addAll(extraFlags);
    flags.addAll(Jvm.PROFILING_FLAGS.stream().map(f -> f.replace("{name}", name)).toList());
    Process process = Jvm.start(flags, List.of("-jar", jar.toString(), "serve"), all, log);
    return awaitFirstAllow(name, process, port, log, spawned, probeCredential);
  }

  /** The no-op baseline: the same proto services answering a fixed response, same JVM flags. */
  /** The no-op baseline; {@code executor} is {@code direct} (grpc-java's ceiling) or {@code pool}. */
  static Served noop(Path authorizeResponse, Path checkResponse, Path dir, String executor) {
    int port = Jvm.freePort();
    Path log = dir.resolve("noop-" + executor + ".log");
    long spawned = System.nanoTime();
    Process process = Jvm.start(Jvm.SHIPPED_FLAGS, List.of("-cp", System.getProperty("java.class.path"),
        NoopServer.class.getName(), Integer.toString(port), authorizeResponse.toString(), checkResponse.toString(),
        executor), Map.of(), log);
    return awaitFirstAllow("noop-" + executor, process, port, log, spawned, "");
  }

  /**
   * Waits for the port to accept connections (polled every 2 ms), then calls Authorize on a fresh
   * channel until it is allowed: a channel that met a refused connection would wait out gRPC's
   * reconnect back-off (a second) and blur the start time.
   */
  private static Served awaitFirstAllow(String name, Process process, int port, Path log, long spawned,
      String credential) {
    long deadline = spawned + TimeUnit.SECONDS.toNanos(90);
    AuthorizeRequest request = Load.authorizeRequest(credential, "198.51.100.1");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + Jvm.read(log));
      }
      if (!accepts(port)) {
        sleep(2);
        continue;
      }
      ManagedChannel probe = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
      try {
        AuthorizeResponse response = AuthorizerServiceGrpc.newBlockingStub(probe).withWaitForReady()
            .withDeadlineAfter(5, TimeUnit.SECONDS).authorize(request);
        if (response.getReason() != Reason.REASON_OK) {
          throw new IllegalStateException(name + " is up but does not allow the probe: " + response);
        }
        return new Served(name, process, port, log, System.nanoTime() - spawned);
      } catch (io.grpc.StatusRuntimeException notYet) {
        sleep(2);
      } finally {
        probe.shutdownNow();
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(name + " did not answer within 90 s:\n" + Jvm.read(log));
  }

  private static boolean accepts(int port) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 100);
      return true;
    } catch (java.io.IOException refused) {
      return false;
    }
  }

  /** {@code count} channels (HTTP/2 connections) to this server, as Envoy keeps several. */
  synchronized List<ManagedChannel> channels(int count) {
    while (channels.size() < count) {
      channels.add(NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().directExecutor()
          .flowControlWindow(1 << 20).build());
    }
    return channels.subList(0, count);
  }

  long rssKib() {
    return Jvm.memoryKib(process, "VmRSS");
  }

  long peakRssKib() {
    return Jvm.memoryKib(process, "VmHWM");
  }

  /** SIGTERM, and the exit within the shutdown grace. */
  @Override
  public void close() {
    channels.forEach(ManagedChannel::shutdownNow);
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
