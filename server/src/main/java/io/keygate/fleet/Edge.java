package io.keygate.fleet;

import io.grpc.ChannelCredentials;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.ServerServiceDefinition;
import io.keygate.transport.grpc.FleetToken;
import io.keygate.config.HostPort;
import io.keygate.store.ChangeFeed;
import io.keygate.store.ChangeListener;
import io.keygate.store.CredentialStore;
import io.keygate.store.UsageWriter;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.AuditServiceGrpc;
import io.keygate.v1.PrincipalServiceGrpc;
import io.keygate.v1.RoleServiceGrpc;
import io.keygate.v1.ScopeServiceGrpc;
import io.keygate.v1.TenantServiceGrpc;
import java.time.Duration;
import java.util.List;

/**
 * What a sidecar in edge mode stands on instead of a database: the central tier, through one channel
 * — its lookups, its change stream, its usage batches, and the management API passed on to it.
 */
public final class Edge {
  private final ManagedChannel channel;
  private final Duration timeout;

  private Edge(ManagedChannel channel, Duration timeout) {
    this.channel = channel;
    this.timeout = timeout;
  }

  /**
   * The central tier at {@code addresses}, reached with {@code token} over {@code credentials} (plaintext or
   * TLS); calls bounded by {@code timeout}.
   */
  public static Edge open(List<HostPort> addresses, FleetToken token, ChannelCredentials credentials,
      Duration timeout) {
    if (token == null) {
      throw new IllegalArgumentException("KEYGATE_CENTRAL_ADDRESS needs KEYGATE_FLEET_TOKEN, the deployment's fleet"
          + " credential (the same as the central tier's)");
    }
    return new Edge(CentralChannel.open(addresses, token, credentials), timeout);
  }

  public ManagedChannel channel() {
    return channel;
  }

  /** Whether a central replica is connected now (asks the channel to connect when it is idle). */
  public boolean reachable() {
    return channel.getState(true) == ConnectivityState.READY;
  }

  /** Lookups by digest and of scope paths. */
  public CredentialStore store() {
    return new RemoteCredentialStore(channel, timeout);
  }

  /** The change stream, told to {@code listener}. */
  public ChangeFeed feed(ChangeListener listener) {
    return new RemoteChangeFeed(channel, listener);
  }

  /** Usage batches. */
  public UsageWriter usage() {
    return new RemoteUsageWriter(channel, timeout);
  }

  /** The management services, each method passed on to the central tier. */
  public List<ServerServiceDefinition> management() {
    ManagementForwarder forwarder = new ManagementForwarder(channel);
    return List.of(
        forwarder.forward(TenantServiceGrpc.getServiceDescriptor()),
        forwarder.forward(ScopeServiceGrpc.getServiceDescriptor()),
        forwarder.forward(PrincipalServiceGrpc.getServiceDescriptor()),
        forwarder.forward(RoleServiceGrpc.getServiceDescriptor()),
        forwarder.forward(ApiKeyServiceGrpc.getServiceDescriptor()),
        forwarder.forward(AuditServiceGrpc.getServiceDescriptor()));
  }
}
