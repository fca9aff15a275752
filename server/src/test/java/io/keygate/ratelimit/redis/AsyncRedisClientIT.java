package io.keygate.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.it.TestRedis;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The client of Keygate's Redis counters against a real Redis: asynchronous commands only. */
class AsyncRedisClientIT {
  @Test
  void itsConnectionsAnswerAsynchronouslyAndHaveNoSynchronousApi() {
    try (TestRedis redis = TestRedis.start()) {
      AsyncRedisClient client = new AsyncRedisClient(RedisURI.create(redis.url()));
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        assertThat(connection.async().set("k", "v").toCompletableFuture().join()).isEqualTo("OK");
        assertThat(connection.async().get("k").toCompletableFuture().join()).isEqualTo("v");
        assertThatThrownBy(connection::sync).isInstanceOf(UnsupportedOperationException.class)
            .hasMessageContaining("asynchronous only");
      } finally {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
      }
    }
  }
}
