package io.keygate.fleet;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.keygate.fleet.v1.Position;
import io.keygate.fleet.v1.WatchChangesRequest;
import io.keygate.fleet.v1.WatchChangesResponse;
import io.keygate.store.Change;
import io.keygate.store.ChangeListener;
import io.keygate.store.postgres.ChangeLogRows;
import io.keygate.store.postgres.Database;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central tier's fan-out of the change log to its sidecars' {@code WatchChanges} streams. It
 * listens to the central's own change feed (commit order, replayed after outages) and hands every
 * change to every stream; a stream that asks for the changes after a position gets them from the
 * log first ({@link ChangeLogRows}), then the live ones, without a gap or a repeat; one whose
 * position the log no longer reaches is told to resync.
 *
 * <p>Bounded: each stream queues at most {@code maxQueued} messages while its sidecar does not
 * read (gRPC flow control); beyond that it is closed with RESOURCE_EXHAUSTED and the sidecar
 * reconnects and replays from where it was — a slow sidecar never makes the central tier buffer
 * without bound.
 */
public final class ChangeHub implements ChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeHub.class);

  private final Database database;
  private final int maxQueued;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private final AtomicLong dropped = new AtomicLong();
  private volatile long position;

  /** Starts at {@code position}, the central feed's own starting point. */
  public ChangeHub(Database database, long position, int maxQueued) {
    this.database = database;
    this.position = position;
    this.maxQueued = maxQueued;
  }

  @Override
  public void changed(Change change) {
    if (change.seq() > position) {
      position = change.seq();
    }
    WatchChangesResponse message = WatchChangesResponse.newBuilder().setChange(FleetRecords.toProto(change)).build();
    for (Stream stream : streams) {
      stream.offer(change.seq(), message);
    }
  }

  @Override
  public void resync() {
    long clock = database.read(ChangeLogRows::clock);
    position = Math.max(position, clock);
    WatchChangesResponse message = resyncAt(clock);
    for (Stream stream : streams) {
      stream.offer(clock, message);
    }
  }

  /** Streams open now. */
  public int streams() {
    return streams.size();
  }

  /** Streams closed because their sidecar fell too far behind. */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Serves one {@code WatchChanges} call: registers the stream (live changes queue from here on),
   * sends the replay or the position asked, then lets the queue flow. Blocks for the replay's read.
   */
  void watch(WatchChangesRequest request, ServerCallStreamObserver<WatchChangesResponse> observer) {
    Stream stream = new Stream(observer);
    observer.setOnCancelHandler(() -> streams.remove(stream));
    observer.setOnReadyHandler(stream::drain);
    streams.add(stream);
    if (!request.hasAfterSequence()) {
      long now = position;
      stream.begin(List.of(), now, caughtUp(now));
      return;
    }
    long after = request.getAfterSequence();
    ChangeLogRows.Replay replay = database.read(c -> ChangeLogRows.after(c, after));
    if (!replay.complete()) {
      stream.begin(List.of(), replay.clock(), resyncAt(replay.clock()));
      return;
    }
    List<WatchChangesResponse> changes = replay.changes().stream()
        .map(c -> WatchChangesResponse.newBuilder().setChange(FleetRecords.toProto(c)).build()).toList();
    stream.begin(changes, Math.max(after, replay.clock()), caughtUp(Math.max(after, replay.clock())));
  }

  private static WatchChangesResponse caughtUp(long sequence) {
    return WatchChangesResponse.newBuilder().setCaughtUp(Position.newBuilder().setSequence(sequence)).build();
  }

  private static WatchChangesResponse resyncAt(long sequence) {
    return WatchChangesResponse.newBuilder().setResync(Position.newBuilder().setSequence(sequence)).build();
  }

  private record Pending(long seq, WatchChangesResponse message) {}

  /** One sidecar's stream: what it has been sent up to, and what waits for it to read. */
  private final class Stream {
    private final ServerCallStreamObserver<WatchChangesResponse> observer;
    private final ArrayDeque<WatchChangesResponse> queue = new ArrayDeque<>();
    /** Live messages that arrived before the replay was sent. */
    private final ArrayDeque<Pending> early = new ArrayDeque<>();
    private boolean begun;
    private boolean closed;
    private long sent;

    Stream(ServerCallStreamObserver<WatchChangesResponse> observer) {
      this.observer = observer;
    }

    /** The replay (or position) first, then whatever came meanwhile and is newer. */
    synchronized void begin(List<WatchChangesResponse> replay, long upTo, WatchChangesResponse marker) {
      queue.addAll(replay);
      queue.add(marker);
      sent = upTo;
      begun = true;
      for (Pending p : early) {
        if (p.seq() > sent || p.message().hasResync()) {
          enqueue(p.seq(), p.message());
        }
      }
      early.clear();
      drain();
    }

    synchronized void offer(long seq, WatchChangesResponse message) {
      if (closed) {
        return;
      }
      if (!begun) {
        early.add(new Pending(seq, message));
        if (early.size() > maxQueued) {
          drop();
        }
        return;
      }
      if (seq <= sent && !message.hasResync()) {
        return; // already in the replay
      }
      enqueue(seq, message);
      drain();
    }

    private void enqueue(long seq, WatchChangesResponse message) {
      queue.add(message);
      sent = Math.max(sent, seq);
      if (queue.size() > maxQueued) {
        drop();
      }
    }

    synchronized void drain() {
      if (closed) {
        return;
      }
      try {
        while (!queue.isEmpty() && observer.isReady()) {
          observer.onNext(queue.poll());
        }
      } catch (RuntimeException e) {
        closed = true; // the call is gone (cancelled meanwhile)
        streams.remove(this);
      }
    }

    private void drop() {
      closed = true;
      streams.remove(this);
      queue.clear();
      dropped.incrementAndGet();
      LOG.warn("a sidecar's change stream fell more than {} messages behind; closing it (it reconnects and replays)",
          maxQueued);
      try {
        observer.onError(Status.RESOURCE_EXHAUSTED.withDescription("this change stream fell too far behind;"
            + " reconnect to replay from your position").asRuntimeException());
      } catch (RuntimeException e) {
        // already closed by the client
      }
    }
  }
}
