package io.keygate.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.keygate.fleet.v1.FleetServiceGrpc;
import io.keygate.fleet.v1.WatchChangesRequest;
import io.keygate.fleet.v1.WatchChangesResponse;
import io.keygate.store.Change;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The central tier's fan-out on an in-process server: order, no repeats, and a slow reader dropped, not buffered. */
class ChangeHubTest {
  private static final int MAX_QUEUED = 10;

  private final ChangeHub hub = new ChangeHub(null, 100, MAX_QUEUED);
  private final String name = InProcessServerBuilder.generateName();
  private final Server server;
  private final ManagedChannel channel;

  ChangeHubTest() throws Exception {
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(new FleetGrpcService(null, hub, batch -> { })).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void close() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Reads what the stream sends; requests {@code initial} messages, then only when told. */
  private static final class Reader implements ClientResponseObserver<WatchChangesRequest, WatchChangesResponse> {
    final List<WatchChangesResponse> received = new CopyOnWriteArrayList<>();
    final AtomicReference<Status> error = new AtomicReference<>();
    final int initial;
    ClientCallStreamObserver<WatchChangesRequest> call;

    Reader(int initial) {
      this.initial = initial;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<WatchChangesRequest> stream) {
      call = stream;
      if (initial >= 0) {
        stream.disableAutoRequestWithInitial(initial);
      }
    }

    @Override
    public void onNext(WatchChangesResponse message) {
      received.add(message);
    }

    @Override
    public void onError(Throwable t) {
      error.set(Status.fromThrowable(t));
    }

    @Override
    public void onCompleted() {}
  }

  @Test
  void aStreamFromNowIsToldWhereNowIsThenEveryChangeInOrder() {
    Reader reader = new Reader(-1);
    FleetServiceGrpc.newStub(channel).watchChanges(WatchChangesRequest.getDefaultInstance(), reader);
    await().atMost(Duration.ofSeconds(5)).until(() -> hub.streams() == 1);
    for (int i = 1; i <= 50; i++) {
      hub.changed(Change.key(100 + i, "ten_1", "key_" + i));
    }
    hub.changed(Change.key(120, "ten_1", "key_20")); // told again: no repeat
    await().atMost(Duration.ofSeconds(5)).until(() -> reader.received.size() == 51);
    assertThat(reader.received.get(0).getCaughtUp().getSequence()).isEqualTo(100);
    for (int i = 1; i <= 50; i++) {
      assertThat(reader.received.get(i).getChange().getSequence()).isEqualTo(100 + i);
    }
  }

  @Test
  void aReaderThatFallsTooFarBehindIsDisconnectedInsteadOfBuffered() {
    Reader slow = new Reader(1);
    FleetServiceGrpc.newStub(channel).watchChanges(WatchChangesRequest.getDefaultInstance(), slow);
    await().atMost(Duration.ofSeconds(5)).until(() -> slow.received.size() == 1);
    for (int i = 1; i <= MAX_QUEUED * 5; i++) {
      hub.changed(Change.key(100 + i, "ten_1", "key_" + i));
    }
    assertThat(hub.dropped()).isEqualTo(1);
    assertThat(hub.streams()).isZero();
    slow.call.request(1000);
    await().atMost(Duration.ofSeconds(5)).until(() -> slow.error.get() != null);
    assertThat(slow.error.get().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
  }
}
