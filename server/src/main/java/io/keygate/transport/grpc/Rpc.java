package io.keygate.transport.grpc;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.keygate.manage.Caller;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs a unary handler: one answer, or one status from {@link Statuses}. */
public final class Rpc {
  private Rpc() {}

  public static <T> void unary(StreamObserver<T> observer, Supplier<T> work) {
    T response;
    try {
      if (Context.current().isCancelled()) {
        observer.onError(Status.CANCELLED.withDescription("the call was cancelled or its deadline passed")
            .asRuntimeException());
        return;
      }
      response = work.get();
    } catch (RuntimeException e) {
      observer.onError(Statuses.toStatus(e));
      return;
    }
    if (Context.current().isCancelled()) {
      // The deadline passed while deciding: answer with an error, never with a late allow.
      observer.onError(Status.DEADLINE_EXCEEDED.withDescription("the deadline passed while the call was being"
          + " decided").asRuntimeException());
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  /**
   * A decision handler that answers from memory on the calling (transport) thread when it can:
   * {@code fast} returns the answer's stage, or null when the call needs I/O that may block — then
   * {@code full} runs on {@code blocking}, in the call's context (so its deadline still applies).
   * The stage may complete on another thread (Redis's); the answer goes out from there.
   */
  public static <T> void decide(StreamObserver<T> observer, Executor blocking, Supplier<CompletionStage<T>> fast,
      Supplier<T> full) {
    Context context = Context.current();
    CompletionStage<T> stage;
    try {
      stage = context.isCancelled() ? null : fast.get();
    } catch (RuntimeException e) {
      observer.onError(Statuses.toStatus(e));
      return;
    }
    if (stage == null) {
      try {
        blocking.execute(context.wrap(() -> unary(observer, full)));
      } catch (RejectedExecutionException e) {
        observer.onError(Status.RESOURCE_EXHAUSTED.withDescription("keygate is overloaded; retry with backoff")
            .asRuntimeException());
      }
      return;
    }
    stage.whenComplete((response, error) -> context.run(() -> unary(observer, () -> {
      if (error != null) {
        throw error instanceof CompletionException && error.getCause() instanceof RuntimeException cause
            ? cause : error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
      }
      return response;
    })));
  }

  /** A unary handler that needs the authenticated caller. */
  static <T> void managed(StreamObserver<T> observer, Function<Caller, T> work) {
    unary(observer, () -> work.apply(CallerInterceptor.CALLER.get()));
  }
}
