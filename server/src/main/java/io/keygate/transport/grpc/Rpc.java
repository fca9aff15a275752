package io.keygate.transport.grpc;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.keygate.manage.Caller;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** Runs a unary handler: one answer, or one status from {@link Statuses}. */
public final class Rpc {
  private Rpc() {}

  public static <T> void unary(StreamObserver<T> observer, Supplier<T> work) {
    T response;
    try {
      if (Context.current().isCancelled()) {
        observer.onError(Statuses.status(Status.Code.CANCELLED, "CANCELLED",
            "the call was cancelled or its deadline passed"));
        return;
      }
      response = work.get();
    } catch (RuntimeException e) {
      observer.onError(Statuses.toStatus(e));
      return;
    }
    if (Context.current().isCancelled()) {
      // The deadline passed while deciding: answer with an error, never with a late allow.
      observer.onError(lateAnswer());
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  /**
   * A decision handler: {@code begin} starts the decision on the calling (transport) thread and the
   * answer goes out from whichever thread completes it, in the call's context (so a deadline that
   * passed while deciding turns into DEADLINE_EXCEEDED, never a late allow).
   */
  public static <T> void decide(StreamObserver<T> observer, Supplier<CompletionStage<T>> begin) {
    Context context = Context.current();
    if (context.isCancelled()) {
      unary(observer, () -> null); // answers CANCELLED
      return;
    }
    CompletableFuture<T> answer;
    try {
      answer = begin.get().toCompletableFuture();
    } catch (RuntimeException e) {
      observer.onError(Statuses.toStatus(e));
      return;
    }
    if (answer.isDone()) {
      // Answered on this thread (a key in memory): still in the call's context, so no context switch.
      answer.whenComplete((response, error) -> respond(observer, context, response, error));
      return;
    }
    answer.whenComplete((response, error) -> context.run(() -> respond(observer, context, response, error)));
  }

  /** Sends {@code response}, or the status of {@code error}; a deadline passed meanwhile wins over both. */
  private static <T> void respond(StreamObserver<T> observer, Context context, T response, Throwable error) {
    if (error != null) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      observer.onError(Statuses.toStatus(cause));
      return;
    }
    if (context.isCancelled()) {
      // The deadline passed while deciding: answer with an error, never with a late allow.
      observer.onError(lateAnswer());
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  private static io.grpc.StatusRuntimeException lateAnswer() {
    return Statuses.status(Status.Code.DEADLINE_EXCEEDED, "DEADLINE_EXCEEDED",
        "the deadline passed while the call was being decided");
  }

  /** A unary handler that needs the authenticated caller. */
  static <T> void managed(StreamObserver<T> observer, Function<Caller, T> work) {
    unary(observer, () -> work.apply(CallerInterceptor.CALLER.get()));
  }
}
