package io.keygate.fleet;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.keygate.KeygateException;
import io.keygate.fleet.v1.FleetServiceGrpc;
import io.keygate.fleet.v1.LookupCredentialRequest;
import io.keygate.fleet.v1.LookupCredentialResponse;
import io.keygate.fleet.v1.LookupScopePathRequest;
import io.keygate.fleet.v1.LookupScopePathResponse;
import io.keygate.fleet.v1.RecordUsageRequest;
import io.keygate.fleet.v1.RecordUsageResponse;
import io.keygate.fleet.v1.TokenUsage;
import io.keygate.fleet.v1.WatchChangesRequest;
import io.keygate.fleet.v1.WatchChangesResponse;
import io.keygate.keys.Ids;
import io.keygate.store.CredentialStore;
import io.keygate.store.Usage;
import io.keygate.store.UsageWriter;
import io.keygate.transport.grpc.Rpc;
import io.keygate.transport.grpc.Statuses;
import java.util.ArrayList;
import java.util.List;

/**
 * The central tier's side of the fleet API (keygate/fleet/v1/fleet.proto): lookups read the
 * database directly — a fresh snapshot, so a record is never older than the changes its sidecar
 * has been told of — changes come from the {@link ChangeHub}, usage goes to the database in batches.
 */
public final class FleetGrpcService extends FleetServiceGrpc.FleetServiceImplBase {
  private static final int MAX_USAGE_BATCH = 100_000;

  private final CredentialStore store;
  private final ChangeHub hub;
  private final UsageWriter usage;

  /** {@code store} must read the database itself, not a cache. */
  public FleetGrpcService(CredentialStore store, ChangeHub hub, UsageWriter usage) {
    this.store = store;
    this.hub = hub;
    this.usage = usage;
  }

  @Override
  public void lookupCredential(LookupCredentialRequest request, StreamObserver<LookupCredentialResponse> observer) {
    Rpc.unary(observer, () -> {
      if (request.getDigest().size() != 32) {
        throw KeygateException.invalid("digest", "digest must be the 32 bytes of a SHA-256");
      }
      LookupCredentialResponse.Builder out = LookupCredentialResponse.newBuilder();
      store.findByDigest(request.getDigest().toByteArray()).ifPresent(r -> out.setRecord(FleetRecords.toProto(r)));
      return out.build();
    });
  }

  @Override
  public void lookupScopePath(LookupScopePathRequest request, StreamObserver<LookupScopePathResponse> observer) {
    Rpc.unary(observer, () -> {
      if (!Ids.looksLike("ten", request.getTenantId()) || !Ids.looksLike("scp", request.getScopeId())) {
        String field = !Ids.looksLike("ten", request.getTenantId()) ? "tenant_id" : "scope_id";
        throw KeygateException.invalid(field, "tenant_id and scope_id must be ids (ten_…, scp_…)");
      }
      return FleetRecords.toProto(store.scopePath(request.getTenantId(), request.getScopeId()));
    });
  }

  @Override
  public void watchChanges(WatchChangesRequest request, StreamObserver<WatchChangesResponse> observer) {
    try {
      hub.watch(request, (ServerCallStreamObserver<WatchChangesResponse>) observer);
    } catch (RuntimeException e) {
      observer.onError(Statuses.toStatus(e));
    }
  }

  @Override
  public void recordUsage(RecordUsageRequest request, StreamObserver<RecordUsageResponse> observer) {
    Rpc.unary(observer, () -> {
      if (request.getUsageCount() > MAX_USAGE_BATCH) {
        throw KeygateException.invalid("usage", "at most " + MAX_USAGE_BATCH + " tokens a batch");
      }
      List<Usage> batch = new ArrayList<>(request.getUsageCount());
      for (TokenUsage u : request.getUsageList()) {
        batch.add(new Usage(u.getTokenId(), u.getApiKeyId(), u.getCount(),
            u.getLastUsedTime().getSeconds() * 1000 + u.getLastUsedTime().getNanos() / 1_000_000));
      }
      usage.write(batch);
      return RecordUsageResponse.getDefaultInstance();
    });
  }
}
