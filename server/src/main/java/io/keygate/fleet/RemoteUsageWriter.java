package io.keygate.fleet;

import com.google.protobuf.Timestamp;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.keygate.fleet.v1.FleetServiceGrpc;
import io.keygate.fleet.v1.RecordUsageRequest;
import io.keygate.fleet.v1.TokenUsage;
import io.keygate.store.Usage;
import io.keygate.store.UsageWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A sidecar's usage batches, sent to the central tier, which stores them (edge mode). */
final class RemoteUsageWriter implements UsageWriter {
  private final FleetServiceGrpc.FleetServiceBlockingStub fleet;
  private final long timeoutMillis;

  RemoteUsageWriter(Channel central, Duration timeout) {
    this.fleet = FleetServiceGrpc.newBlockingStub(central);
    this.timeoutMillis = timeout.toMillis();
  }

  @Override
  public void write(List<Usage> batch) {
    if (batch.isEmpty()) {
      return;
    }
    RecordUsageRequest.Builder request = RecordUsageRequest.newBuilder();
    for (Usage u : batch) {
      request.addUsage(TokenUsage.newBuilder().setTokenId(u.tokenId()).setApiKeyId(u.apiKeyId()).setCount(u.count())
          .setLastUsedTime(Timestamp.newBuilder().setSeconds(Math.floorDiv(u.lastUsedMillis(), 1000))
              .setNanos((int) Math.floorMod(u.lastUsedMillis(), 1000) * 1_000_000)));
    }
    try {
      fleet.withDeadlineAfter(timeoutMillis * 5, TimeUnit.MILLISECONDS).recordUsage(request.build());
    } catch (StatusRuntimeException e) {
      throw RemoteCredentialStore.unavailable(e);
    }
  }
}
