package io.keygate.transport.grpc;

import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where each call runs, and load shedding. The server runs on the direct executor — grpc-java's
 * fastest shape: handlers on the transport thread, no executor queue — and this interceptor moves
 * every call that may block (all but the methods named non-blocking, the decision services) to
 * {@code pool}, its callbacks in order and in the call's context. At most {@code limit} calls are in
 * flight (counted by a stream tracer from the moment a stream opens until it closes, whatever happens
 * to it); a call beyond that is refused at once with RESOURCE_EXHAUSTED, on the transport thread,
 * instead of queueing behind work that cannot start. So a stuck database or a burst turns into fast,
 * retryable refusals (Envoy applies its {@code status_on_error}), and the pool's queue stays bounded.
 * Long-lived streams (the central tier's change stream to each edge sidecar) hold no thread and are
 * open for hours: they are neither counted nor shed, or a central tier could feed only {@code limit}
 * sidecars.
 */
public final class Admission implements ServerInterceptor {
  private final Executor pool;
  private final int limit;
  private final Set<String> nonBlocking;
  private final Set<String> longLived;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final LongAdder shed = new LongAdder();

  /** Runs calls on {@code pool} and sheds calls beyond {@code limit} in flight. */
  public Admission(Executor pool, int limit) {
    this(pool, limit, Set.of(), Set.of());
  }

  /**
   * As above; the methods named in {@code nonBlocking} (full names) run on the transport thread:
   * their handlers never block it and move what may block to the pool themselves (the decision
   * services: a key in memory is decided without any thread hop). Those named in {@code longLived}
   * (streams) are not counted in flight.
   */
  public Admission(Executor pool, int limit, Set<String> nonBlocking, Set<String> longLived) {
    this.pool = pool;
    this.limit = limit;
    this.nonBlocking = Set.copyOf(nonBlocking);
    this.longLived = Set.copyOf(longLived);
  }

  /** Counts streams from open to close; register with the server builder. */
  public ServerStreamTracer.Factory tracer() {
    return new ServerStreamTracer.Factory() {
      @Override
      public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
        if (longLived.contains(fullMethodName)) {
          return UNCOUNTED;
        }
        inFlight.incrementAndGet();
        return new Counted();
      }
    };
  }

  /** A stream counted in flight until it closes (once, however often it is told). */
  private final class Counted extends ServerStreamTracer {
    private volatile int closed;

    @Override
    public void streamClosed(Status status) {
      if (CLOSED.compareAndSet(this, 0, 1)) {
        inFlight.decrementAndGet();
      }
    }
  }

  private static final ServerStreamTracer UNCOUNTED = new ServerStreamTracer() {};

  private static final AtomicIntegerFieldUpdater<Counted> CLOSED = AtomicIntegerFieldUpdater.newUpdater(
      Counted.class, "closed");

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    if (inFlight.get() > limit && !longLived.contains(method)) {
      return refuse(call);
    }
    if (nonBlocking.contains(method)) {
      return next.startCall(call, headers);
    }
    return new OnPool<>(call, headers, next, Context.current());
  }

  private <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call) {
    shed.increment();
    Statuses.close(call, Statuses.status(Status.Code.RESOURCE_EXHAUSTED, "OVERLOADED",
        "keygate is overloaded; retry with backoff"));
    return new ServerCall.Listener<>() {};
  }

  /**
   * A call run on the pool: the handler is started there and every callback follows it there, one at
   * a time and in order, in the call's context (its deadline and values).
   */
  private final class OnPool<Q, R> extends ServerCall.Listener<Q> {
    private final Executor serial = MoreExecutors.newSequentialExecutor(pool);
    private final ServerCall<Q, R> call;
    private final Context context;
    private ServerCall.Listener<Q> delegate; // written and read only by tasks of {@code serial}
    private boolean refused;

    OnPool(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next, Context context) {
      this.call = call;
      this.context = context;
      run(() -> {
        try {
          delegate = next.startCall(call, headers);
        } catch (RuntimeException e) {
          delegate = new ServerCall.Listener<>() {};
          Statuses.close(call, Statuses.toStatus(e));
        }
      });
    }

    private void run(Runnable task) {
      try {
        serial.execute(context.wrap(task));
      } catch (RejectedExecutionException e) {
        synchronized (this) {
          if (!refused) {
            refused = true;
            refuse(call);
          }
        }
      }
    }

    @Override
    public void onMessage(Q message) {
      run(() -> delegate.onMessage(message));
    }

    @Override
    public void onHalfClose() {
      run(() -> delegate.onHalfClose());
    }

    @Override
    public void onCancel() {
      run(() -> delegate.onCancel());
    }

    @Override
    public void onComplete() {
      run(() -> delegate.onComplete());
    }

    @Override
    public void onReady() {
      run(() -> delegate.onReady());
    }
  }

  /** Calls in flight now. */
  public int inFlight() {
    return inFlight.get();
  }

  /** Calls refused since start. */
  public long shed() {
    return shed.sum();
  }
}
