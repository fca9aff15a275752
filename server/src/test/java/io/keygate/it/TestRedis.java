package io.keygate.it;

import io.keygate.ratelimit.SlidingWindow;
import io.keygate.testing.Ports;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import redis.embedded.RedisServer;

/**
 * A real Redis server (the binary bundled by {@code embedded-redis}) on a loopback port, without
 * persistence, that a test can stop and start again on the same port — an outage as sidecars see it.
 */
public final class TestRedis implements AutoCloseable {
  private final int port;
  private RedisServer server;

  private TestRedis(int port) {
    this.port = port;
  }

  public static TestRedis start() {
    TestRedis redis = new TestRedis(Ports.reserve());
    redis.up();
    return redis;
  }

  /** A port reserved for a Redis that is not running yet: {@link #up()} starts it. */
  public static TestRedis notStarted() {
    return new TestRedis(Ports.reserve());
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Starts the server (again); it comes back empty, with no scripts loaded. */
  public synchronized void up() {
    try {
      server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
          .setting("save \"\"").setting("appendonly no").build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the server: connections drop, the port refuses. */
  public synchronized void down() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One Redis command's answer, through a fresh connection: e.g. {@code info("commandstats")}. */
  public String info(String section) {
    return call(url(), redis -> redis.info(section));
  }

  /** {@code command}'s answer from the Redis server at {@code url}, through a connection of its own. */
  public static <T> T call(String url, Function<RedisCommands<String, String>, T> command) {
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return command.apply(c.sync());
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
  }

  /**
   * One figure per command from the {@code INFO commandstats} of the Redis server at {@code url}, since it
   * started: {@code stat} is {@code "calls="} or {@code "usec="}; keyed by command ({@code "evalsha"}).
   */
  public static Map<String, Long> commandStats(String url, String stat) {
    Map<String, Long> out = new HashMap<>();
    for (String line : call(url, redis -> redis.info("commandstats")).split("\r?\n")) {
      int at = line.indexOf(stat);
      if (line.startsWith("cmdstat_") && at > 0) {
        out.put(line.substring("cmdstat_".length(), line.indexOf(':')),
            Long.parseLong(line.substring(at + stat.length(), line.indexOf(',', at))));
      }
    }
    return out;
  }

  /**
   * The bucket of a counter with a {@code windowMillis} window that the Redis server at {@code url} is in
   * now (its {@code TIME}, as the scripts read it; {@link SlidingWindow#bucketMillis}).
   */
  public static long bucket(String url, long windowMillis) {
    List<String> time = call(url, RedisCommands::time);
    long millis = Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
    return millis / SlidingWindow.bucketMillis(windowMillis);
  }

  @Override
  public synchronized void close() {
    if (server != null && server.isActive()) {
      down();
    }
  }

}
