package io.keygate.it;

import io.keygate.ratelimit.SlidingWindow;
import io.keygate.testing.Ports;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
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
    RedisClient client = RedisClient.create(url());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return c.sync().info(section);
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
  }

  /**
   * The bucket of a counter with a {@code windowMillis} window that the Redis server at {@code url} is in
   * now (its {@code TIME}, as the scripts read it; {@link SlidingWindow#bucketMillis}).
   */
  public static long bucket(String url, long windowMillis) {
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      List<String> time = c.sync().time();
      long millis = Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
      return millis / SlidingWindow.bucketMillis(windowMillis);
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
  }

  @Override
  public synchronized void close() {
    if (server != null && server.isActive()) {
      down();
    }
  }

}
