package io.keygate.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.keygate.it.TestRedis;
import io.lettuce.core.AclCategory;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The client of Keygate's Redis counters against a real Redis: asynchronous commands only, and no
 * connection kept that it cannot use.
 */
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

  /** A Redis that takes the connection but refuses the script (an ACL without scripting): not kept open. */
  @Test
  void aConnectionWhoseScriptIsRefusedIsClosed() {
    try (TestRedis redis = TestRedis.start()) {
      TestRedis.call(redis.url(), r -> r.aclSetuser("default", AclSetuserArgs.Builder.removeCategory(
          AclCategory.SCRIPTING)));
      try (RedisCounters counters = new RedisCounters(RedisURI.create(redis.url()), Duration.ofSeconds(1), 10)) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(redis.info("clients"))
            .as("only the probe's own connection").contains("connected_clients:1\r"));
        assertThat(redis.info("commandstats")).as("the script was asked for").contains("cmdstat_script");
      }
    }
  }
}
