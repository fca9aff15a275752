package io.keygate.ratelimit.redis;

import io.lettuce.core.RedisChannelWriter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StatefulRedisConnectionImpl;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.json.JsonParser;
import io.lettuce.core.protocol.PushHandler;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A Lettuce client whose connections have no synchronous API. Lettuce builds one for every connection, a
 * dynamic proxy over its whole command interface with a map of its methods, and that was ~250–300 ms of a
 * Redis sidecar's start on its main thread (docs/performance.md); Keygate sends only asynchronous commands.
 * {@code sync()} of such a connection throws.
 */
final class AsyncRedisClient extends RedisClient {
  static final String ASYNC_ONLY = "Keygate's Redis connections are asynchronous only";

  AsyncRedisClient(RedisURI uri) {
    super(null, uri); // null: resources of its own, shut down with the client (as RedisClient.create)
  }

  @Override
  protected <K, V> StatefulRedisConnectionImpl<K, V> newStatefulRedisConnection(RedisChannelWriter writer,
      PushHandler pushHandler, RedisCodec<K, V> codec, Duration timeout) {
    return asyncOnly(writer, pushHandler, codec, timeout, getOptions().getJsonParser());
  }

  /** A connection without the synchronous API: this client's, and a cluster node's (AsyncRedisClusterClient). */
  static <K, V> StatefulRedisConnectionImpl<K, V> asyncOnly(RedisChannelWriter writer, PushHandler pushHandler,
      RedisCodec<K, V> codec, Duration timeout, Supplier<JsonParser> parser) {
    return new StatefulRedisConnectionImpl<>(writer, pushHandler, codec, timeout, parser) {
      @Override
      protected RedisCommands<K, V> newRedisSyncCommandsImpl() {
        return null; // called by the constructor: the proxy is never built
      }

      @Override
      public RedisCommands<K, V> sync() {
        throw new UnsupportedOperationException(ASYNC_ONLY);
      }
    };
  }
}
