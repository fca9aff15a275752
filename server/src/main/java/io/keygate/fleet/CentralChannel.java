package io.keygate.fleet;

import io.grpc.ChannelCredentials;
import io.grpc.ConnectivityState;
import io.grpc.EquivalentAddressGroup;
import io.grpc.ManagedChannel;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.keygate.transport.grpc.FleetToken;
import io.keygate.config.HostPort;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A sidecar's one channel to the central tier: every configured address (a Kubernetes Service is
 * one; a list of replicas several), plaintext or TLS ({@code KEYGATE_CENTRAL_TLS}: the certificate must name
 * the first address's host), calls spread round-robin over the ready ones, keepalive to
 * notice a dead peer, the fleet token on every call, and lookups retried on another replica when
 * one fails before answering (a rolling restart). In the call's context, so deadlines propagate.
 */
final class CentralChannel {
  private static final String SCHEME = "keygate-central";

  private CentralChannel() {}

  static {
    NameResolverRegistry.getDefaultRegistry().register(new Fixed());
  }

  static ManagedChannel open(List<HostPort> addresses, FleetToken token, ChannelCredentials credentials) {
    String list = String.join(",", addresses.stream().map(HostPort::toString).toList());
    ManagedChannel channel = NettyChannelBuilder.forTarget(SCHEME + ":///" + list, credentials)
        .defaultServiceConfig(serviceConfig())
        .enableRetry()
        .keepAliveTime(30, TimeUnit.SECONDS)
        .keepAliveTimeout(10, TimeUnit.SECONDS)
        .intercept(token.attach())
        .build();
    retryAtOnceWhenTheLastReadyReplicaGoes(channel, ConnectivityState.IDLE);
    return channel;
  }

  /**
   * When the channel loses its last ready replica, the others are tried again at once instead of
   * after their reconnect backoff (up to two minutes): in a rolling restart the replica that came
   * back a moment ago is still backing off from the refusals it gave while down, and the lookups
   * would wait for it although it is up. Once per loss of readiness, so a central tier that is down
   * is not dialled in a loop.
   */
  private static void retryAtOnceWhenTheLastReadyReplicaGoes(ManagedChannel channel, ConnectivityState was) {
    ConnectivityState now = channel.getState(false);
    if (was == ConnectivityState.READY && now != ConnectivityState.READY) {
      channel.resetConnectBackoff();
    }
    if (now != ConnectivityState.SHUTDOWN) {
      channel.notifyWhenStateChanged(now, () -> retryAtOnceWhenTheLastReadyReplicaGoes(channel, now));
    }
  }

  /** Round-robin; the lookups and usage batches retried up to twice on UNAVAILABLE. */
  private static Map<String, Object> serviceConfig() {
    Map<String, Object> retry = Map.of(
        "maxAttempts", 3.0,
        "initialBackoff", "0.02s",
        "maxBackoff", "0.2s",
        "backoffMultiplier", 2.0,
        "retryableStatusCodes", List.of("UNAVAILABLE"));
    Map<String, Object> lookups = Map.of(
        "name", List.of(
            Map.of("service", "keygate.fleet.v1.FleetService", "method", "LookupCredential"),
            Map.of("service", "keygate.fleet.v1.FleetService", "method", "LookupScopePath"),
            Map.of("service", "keygate.fleet.v1.FleetService", "method", "RecordUsage")),
        "retryPolicy", retry);
    return Map.of("loadBalancingConfig", List.of(Map.of("round_robin", Map.of())),
        "methodConfig", List.of(lookups));
  }

  /**
   * Resolves {@code keygate-central:///host:port,host:port} to those addresses, once; the authority
   * (the name a TLS certificate is checked for) is the first host.
   */
  private static final class Fixed extends NameResolverProvider {
    @Override
    public NameResolver newNameResolver(URI target, NameResolver.Args args) {
      if (!SCHEME.equals(target.getScheme())) {
        return null;
      }
      List<EquivalentAddressGroup> groups = new ArrayList<>();
      List<HostPort> addresses = new ArrayList<>();
      for (String address : target.getPath().substring(1).split(",")) {
        HostPort at = HostPort.parse(address);
        addresses.add(at);
        groups.add(new EquivalentAddressGroup(new InetSocketAddress(at.host(), at.port())));
      }
      String authority = addresses.get(0).host();
      return new NameResolver() {
        @Override
        public String getServiceAuthority() {
          return authority;
        }

        @Override
        public void start(Listener2 listener) {
          listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
        }

        @Override
        public void shutdown() {}
      };
    }

    @Override
    public String getDefaultScheme() {
      return SCHEME;
    }

    @Override
    protected boolean isAvailable() {
      return true;
    }

    @Override
    protected int priority() {
      return 5;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
      return List.of(InetSocketAddress.class);
    }
  }
}
