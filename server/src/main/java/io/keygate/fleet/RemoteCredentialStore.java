package io.keygate.fleet;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.keygate.telemetry.ThrottledLog;
import io.keygate.KeygateException;
import io.keygate.authz.CredentialRecord;
import io.keygate.authz.ScopePath;
import io.keygate.fleet.v1.FleetServiceGrpc;
import io.keygate.fleet.v1.LookupCredentialRequest;
import io.keygate.fleet.v1.LookupCredentialResponse;
import io.keygate.fleet.v1.LookupScopePathRequest;
import io.keygate.store.CredentialStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * A sidecar's lookups through the central tier (edge mode), one call each, within {@code timeout}.
 * The central tier unreachable or too slow is UNAVAILABLE — never "not found", so an outage is
 * never read as an unknown key and never becomes an allow; a replica going away meanwhile is
 * retried on another (the channel's retry policy) or waited out within the timeout.
 */
final class RemoteCredentialStore implements CredentialStore {
  private static final ThrottledLog FAILURES = new ThrottledLog(LoggerFactory.getLogger(RemoteCredentialStore.class),
      Level.WARN, Duration.ofMinutes(1));

  private final FleetServiceGrpc.FleetServiceBlockingStub fleet;
  private final long timeoutMillis;

  RemoteCredentialStore(Channel central, Duration timeout) {
    // Waits (within the timeout) for a replica to be ready instead of failing at once while the
    // channel moves off one that went away (a rolling restart).
    this.fleet = FleetServiceGrpc.newBlockingStub(central).withWaitForReady();
    this.timeoutMillis = timeout.toMillis();
  }

  @Override
  public Optional<CredentialRecord> findByDigest(byte[] digest) {
    LookupCredentialResponse found;
    try {
      found = fleet.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS).lookupCredential(
          LookupCredentialRequest.newBuilder().setDigest(ByteString.copyFrom(digest)).build());
    } catch (StatusRuntimeException e) {
      throw unavailable(e);
    }
    return found.hasRecord() ? Optional.of(FleetRecords.fromProto(found.getRecord())) : Optional.empty();
  }

  @Override
  public ScopePath scopePath(String tenantId, String scopeId) {
    try {
      return FleetRecords.fromProto(fleet.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS).lookupScopePath(
          LookupScopePathRequest.newBuilder().setTenantId(tenantId).setScopeId(scopeId).build()));
    } catch (StatusRuntimeException e) {
      throw unavailable(e);
    }
  }

  /**
   * What a caller is told when the central tier does not answer: its status code only. Why (a failed
   * handshake's description runs to kilobytes, larger than a client accepts in trailers) goes to the
   * log, once a minute for each code.
   */
  static KeygateException unavailable(StatusRuntimeException e) {
    FAILURES.log(e.getStatus().getCode().name(), "the central tier could not answer", e);
    return new KeygateException(KeygateException.Kind.UNAVAILABLE, "the central tier could not answer ("
        + e.getStatus().getCode() + ")");
  }
}
