package io.keygate.fleet;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.keygate.fleet.v1.FleetServiceGrpc;
import io.keygate.fleet.v1.WatchChangesRequest;
import io.keygate.fleet.v1.WatchChangesResponse;
import io.keygate.store.ChangeFeed;
import io.keygate.store.ChangeListener;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sidecar's change feed in edge mode: one {@code WatchChanges} stream from the central tier, its
 * changes told to the listener (the cache) in commit order. After a disconnection it reconnects
 * with backoff — to any replica — asking for the changes after the last one it applied, so it
 * misses none; the listener resyncs only when the central tier says the log no longer reaches back
 * that far. The first connection asks "from now" and, once told where now is, drops whatever the
 * cache may have read before the stream began (it could have missed changes nobody will replay).
 */
final class RemoteChangeFeed implements ChangeFeed {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteChangeFeed.class);
  private static final long MIN_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 5_000;

  private final FleetServiceGrpc.FleetServiceStub fleet;
  private final ChangeListener listener;
  private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "keygate-central-feed");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong resyncs = new AtomicLong();
  /** The last sequence applied; -1 until the first stream says where "now" is. */
  private volatile long position = -1;
  private volatile boolean connected;
  private volatile boolean running = true;
  private volatile ClientCallStreamObserver<WatchChangesRequest> current;
  private long backoff = MIN_BACKOFF_MILLIS;

  RemoteChangeFeed(Channel central, ChangeListener listener) {
    this.fleet = FleetServiceGrpc.newStub(central);
    this.listener = listener;
  }

  @Override
  public RemoteChangeFeed start() {
    reconnects.execute(this::connect);
    return this;
  }

  private void connect() {
    if (!running) {
      return;
    }
    WatchChangesRequest.Builder request = WatchChangesRequest.newBuilder();
    if (position >= 0) {
      request.setAfterSequence(position);
    }
    fleet.watchChanges(request.build(), new Watcher());
  }

  /** The observer of one stream. Called on gRPC's threads, one message at a time. */
  private final class Watcher implements ClientResponseObserver<WatchChangesRequest, WatchChangesResponse> {
    @Override
    public void beforeStart(ClientCallStreamObserver<WatchChangesRequest> call) {
      current = call;
    }

    @Override
    public void onNext(WatchChangesResponse message) {
      received.incrementAndGet();
      switch (message.getEventCase()) {
        case CHANGE -> {
          listener.changed(FleetRecords.fromProto(message.getChange()));
          position = Math.max(position, message.getChange().getSequence());
        }
        case RESYNC -> {
          LOG.warn("the central tier cannot replay every change after sequence {}; dropping the cache", position);
          listener.resync();
          position = message.getResync().getSequence();
          resyncs.incrementAndGet(); // counted once done: whoever reads the count sees the cache dropped
        }
        case CAUGHT_UP -> {
          if (position < 0) {
            listener.resync(); // records read before the first stream began may have missed changes
          }
          position = Math.max(position, message.getCaughtUp().getSequence());
          if (!connected) {
            LOG.info("following the central tier's changes from sequence {}", position);
          }
          connected = true;
          backoff = MIN_BACKOFF_MILLIS;
        }
        default -> { }
      }
    }

    @Override
    public void onError(Throwable error) {
      lost(Status.fromThrowable(error).toString());
    }

    @Override
    public void onCompleted() {
      lost("the central tier ended the stream");
    }
  }

  private void lost(String why) {
    if (!running) {
      return;
    }
    if (connected) {
      LOG.warn("lost the central tier's change stream ({}); reconnecting, then replaying from sequence {}", why,
          position);
    }
    connected = false;
    long wait = backoff;
    backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
    try {
      reconnects.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  @Override
  public boolean connected() {
    return connected;
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public long received() {
    return received.get();
  }

  @Override
  public long resyncs() {
    return resyncs.get();
  }

  @Override
  public void close() {
    running = false;
    ClientCallStreamObserver<WatchChangesRequest> call = current;
    if (call != null) {
      call.cancel("the sidecar is closing", null);
    }
    reconnects.shutdownNow();
  }
}
