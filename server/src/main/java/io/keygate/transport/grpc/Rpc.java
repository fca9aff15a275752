package io.keygate.transport.grpc;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.keygate.authz.Decision;
import io.keygate.decision.Authorizer;
import io.keygate.manage.Caller;
import java.util.concurrent.CompletableFuture;
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
   * A decision begun on the transport thread: the answer {@code now} (it may complete later, on
   * Redis's thread), or the work that remains, to run where it may {@code blocking}ly wait.
   */
  public record Answer<T>(CompletionStage<T> now, Supplier<T> blocking) {
    /** The authorizer's attempt, its decision turned into this service's response. */
    public static <T> Answer<T> of(Authorizer.Attempt attempt, Function<Decision, T> respond) {
      return attempt.now() != null ? new Answer<>(attempt.now().thenApply(respond), null)
          : new Answer<>(null, () -> respond.apply(attempt.blocking().get()));
    }

    public static <T> Answer<T> at(T response) {
      return new Answer<>(CompletableFuture.completedFuture(response), null);
    }
  }

  /**
   * A decision handler that answers from memory on the calling (transport) thread when it can, and
   * otherwise runs what remains on {@code pool} in the call's context (so its deadline still
   * applies). The answer goes out from whichever thread completes it.
   */
  public static <T> void decide(StreamObserver<T> observer, Executor pool, Supplier<Answer<T>> begin) {
    Context context = Context.current();
    if (context.isCancelled()) {
      unary(observer, () -> null); // answers CANCELLED
      return;
    }
    Answer<T> answer;
    try {
      answer = begin.get();
    } catch (RuntimeException e) {
      observer.onError(Statuses.toStatus(e));
      return;
    }
    if (answer.now() == null) {
      try {
        pool.execute(context.wrap(() -> unary(observer, answer.blocking())));
      } catch (RejectedExecutionException e) {
        observer.onError(Status.RESOURCE_EXHAUSTED.withDescription("keygate is overloaded; retry with backoff")
            .asRuntimeException());
      }
      return;
    }
    answer.now().whenComplete((response, error) -> context.run(() -> unary(observer, () -> {
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
