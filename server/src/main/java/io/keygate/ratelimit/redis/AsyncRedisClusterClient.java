package io.keygate.ratelimit.redis;

import io.lettuce.core.RedisChannelWriter;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StatefulRedisConnectionImpl;
import io.lettuce.core.cluster.ClusterPushHandler;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.StatefulRedisClusterConnectionImpl;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.json.JsonParser;
import io.lettuce.core.protocol.PushHandler;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link AsyncRedisClient} for a Redis Cluster: neither the cluster connection nor its connections to
 * the nodes build Lettuce's synchronous API (a dynamic proxy each). {@code sync()} of either throws.
 */
final class AsyncRedisClusterClient extends RedisClusterClient {
  AsyncRedisClusterClient(List<RedisURI> seeds) {
    super(null, seeds); // null: resources of its own, shut down with the client (as RedisClusterClient.create)
  }

  @Override
  protected <K, V> StatefulRedisConnectionImpl<K, V> newStatefulRedisConnection(RedisChannelWriter writer,
      PushHandler pushHandler, RedisCodec<K, V> codec, Duration timeout, Supplier<JsonParser> parser) {
    return AsyncRedisClient.asyncOnly(writer, pushHandler, codec, timeout, parser);
  }

  @Override
  protected <V, K> StatefulRedisClusterConnectionImpl<K, V> newStatefulRedisClusterConnection(
      RedisChannelWriter writer, ClusterPushHandler pushHandler, RedisCodec<K, V> codec, Duration timeout,
      Supplier<JsonParser> parser) {
    return new StatefulRedisClusterConnectionImpl<>(writer, pushHandler, codec, timeout, parser) {
      @Override
      protected RedisAdvancedClusterCommands<K, V> newRedisAdvancedClusterCommandsImpl() {
        return null; // called by the constructor: the proxy is never built
      }

      @Override
      public RedisAdvancedClusterCommands<K, V> sync() {
        throw new UnsupportedOperationException(AsyncRedisClient.ASYNC_ONLY);
      }
    };
  }
}
