package io.keygate.transport.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load shedding: at most {@code limit} calls are in flight (counted by a stream tracer from the
 * moment a stream opens until it closes, whatever happens to it); a call beyond that is refused at
 * once with RESOURCE_EXHAUSTED, on the transport thread, instead of queueing behind work that cannot
 * start. So a stuck database or a burst turns into fast, retryable refusals (Envoy applies its
 * {@code status_on_error}), and the executor's queue — a few tasks per admitted call — stays bounded.
 *
 * <p>The decision is taken when the call is created ({@link #getExecutor}, on the event loop: the
 * server's executor is direct, only admitted calls go to the pool), and
 * carried to {@link #interceptCall} in an internal header, which is always removed from what the
 * client sent first.
 */
public final class Admission implements ServerCallExecutorSupplier, ServerInterceptor {
  private static final Metadata.Key<String> SHED = Metadata.Key.of("keygate-internal-shed",
      Metadata.ASCII_STRING_MARSHALLER);
  private static final Executor DIRECT = Runnable::run;

  private final Executor pool;
  private final int limit;
  private final Set<String> nonBlocking;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final LongAdder shed = new LongAdder();

  /**
   * Runs admitted calls on {@code pool} and sheds calls beyond {@code limit} in flight. The server's
   * own executor must be direct, so that this decision never waits for a pool thread.
   */
  public Admission(Executor pool, int limit) {
    this(pool, limit, Set.of());
  }

  /**
   * As above; the methods named in {@code nonBlocking} (full names) run on the transport thread:
   * their handlers never block it and move what may block to the pool themselves (the decision
   * services: a cached key is decided in memory, without two thread hops).
   */
  public Admission(Executor pool, int limit, Set<String> nonBlocking) {
    this.pool = pool;
    this.limit = limit;
    this.nonBlocking = Set.copyOf(nonBlocking);
  }

  /** Counts streams from open to close; register with the server builder. */
  public ServerStreamTracer.Factory tracer() {
    return new ServerStreamTracer.Factory() {
      @Override
      public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
        inFlight.incrementAndGet();
        return new ServerStreamTracer() {
          private final AtomicBoolean closed = new AtomicBoolean();

          @Override
          public void streamClosed(Status status) {
            if (closed.compareAndSet(false, true)) {
              inFlight.decrementAndGet();
            }
          }
        };
      }
    };
  }

  @Override
  public <ReqT, RespT> Executor getExecutor(ServerCall<ReqT, RespT> call, Metadata headers) {
    if (headers.containsKey(SHED)) {
      headers.discardAll(SHED); // a client's own; discardAll alone would expand every header
    }
    if (inFlight.get() > limit) {
      headers.put(SHED, "1");
      return DIRECT;
    }
    return nonBlocking.contains(call.getMethodDescriptor().getFullMethodName()) ? DIRECT : pool;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
      ServerCallHandler<ReqT, RespT> next) {
    if (headers.containsKey(SHED)) {
      shed.increment();
      call.close(Status.RESOURCE_EXHAUSTED.withDescription("keygate is overloaded; retry with backoff"),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
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
