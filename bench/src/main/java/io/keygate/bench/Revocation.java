package io.keygate.bench;

import io.grpc.ManagedChannel;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * 7. Revocation lag: a key revoked through one sidecar's management API while another sidecar,
 * which has it cached, answers Authorize for it back to back; the lag is from the revoke call's
 * return to the first denial on the other sidecar.
 */
final class Revocation {
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(5);
  private final Bench.Plan plan;
  private final Report report;
  private final Fixture fixture;

  Revocation(Bench.Plan plan, Report report, Fixture fixture) {
    this.plan = plan;
    this.report = report;
    this.fixture = fixture;
  }

  void run(Served revoking, Served serving) throws Exception {
    ManagedChannel admin = Fixture.channel(revoking);
    ManagedChannel other = serving.channels(1).get(0);
    List<Long> lags = new ArrayList<>();
    try {
      for (int i = 0; i < plan.revocations(); i++) {
        CreateApiKeyResponse key = fixture.createKey(admin, "revoke-" + i, true);
        AuthorizeRequest request = Load.authorizeRequest(key.getSecret(), "198.51.100.20");
        AuthorizerServiceGrpc.AuthorizerServiceBlockingStub stub = AuthorizerServiceGrpc.newBlockingStub(other);
        if (authorize(stub, request).getReason() != Reason.REASON_OK) {
          throw new IllegalStateException("a new key is not allowed on the other sidecar");
        }
        CompletableFuture<Long> firstDenial = CompletableFuture.supplyAsync(() -> {
          long giveUp = System.nanoTime() + GIVE_UP_NANOS + TimeUnit.SECONDS.toNanos(1);
          while (System.nanoTime() < giveUp) {
            if (authorize(stub, request).getReason() != Reason.REASON_OK) {
              return System.nanoTime();
            }
          }
          return Long.MAX_VALUE;
        });
        Served.sleep(20);
        fixture.revokeKey(admin, key.getApiKey().getId());
        long revoked = System.nanoTime();
        long denied = firstDenial.get(10, TimeUnit.SECONDS);
        lags.add(denied == Long.MAX_VALUE ? GIVE_UP_NANOS : Math.max(0, denied - revoked));
      }
    } finally {
      admin.shutdownNow();
    }
    Collections.sort(lags);
    double p50 = lags.get(lags.size() / 2) / 1e6;
    double p99 = lags.get(Math.min(lags.size() - 1, (int) Math.ceil(lags.size() * 0.99) - 1)) / 1e6;
    report.add("7 revocation lag", "revoke on one sidecar → first denial on another: p50 / p99 (" + lags.size()
        + " keys)", String.format("%.1f / %.1f ms", p50, p99), "", "max " + String.format("%.1f ms",
            lags.get(lags.size() - 1) / 1e6), "p99 ≤ 100 ms", p99 <= 100);
  }

  private static AuthorizeResponse authorize(AuthorizerServiceGrpc.AuthorizerServiceBlockingStub stub,
      AuthorizeRequest request) {
    return stub.withDeadlineAfter(2, TimeUnit.SECONDS).authorize(request);
  }
}
