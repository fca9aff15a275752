package io.keygate.transport.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.keygate.KeygateException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a unary handler answers: one response, or one status from the domain's failure kinds, never
 * UNKNOWN; a cancelled call gets CANCELLED; a deadline that passed while deciding gets
 * DEADLINE_EXCEEDED, never the late answer; a full pool gets RESOURCE_EXHAUSTED.
 */
class RpcTest {
  private final ScheduledExecutorService timer = new ScheduledThreadPoolExecutor(1);

  /** What a handler sent. */
  private static final class Recorded<T> implements StreamObserver<T> {
    final CompletableFuture<T> value = new CompletableFuture<>();
    volatile Status status;

    @Override
    public void onNext(T v) {
      value.complete(v);
    }

    @Override
    public void onError(Throwable t) {
      status = Status.fromThrowable(t);
      value.completeExceptionally(t);
    }

    @Override
    public void onCompleted() {
      status = Status.OK;
    }
  }

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  @Test
  void anAnswerIsSentAndCompleted() {
    Recorded<String> out = new Recorded<>();
    Rpc.unary(out, () -> "yes");
    assertThat(out.value).isCompletedWithValue("yes");
    assertThat(out.status).isEqualTo(Status.OK);
  }

  @Test
  void aDomainFailureBecomesItsStatusWithItsMessage() {
    Recorded<String> out = new Recorded<>();
    Rpc.unary(out, () -> {
      throw KeygateException.invalid("name", "name is required");
    });
    assertThat(out.status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(out.status.getDescription()).isEqualTo("name is required");
  }

  @Test
  void anUnexpectedFailureIsInternalWithoutItsDetail() {
    Recorded<String> out = new Recorded<>();
    Rpc.unary(out, () -> {
      throw new IllegalStateException("secret detail");
    });
    assertThat(out.status.getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(out.status.getDescription()).doesNotContain("secret detail");
  }

  @Test
  void aCancelledCallIsNotWorkedOn() throws Exception {
    Context.CancellableContext cancelled = Context.current().withCancellation();
    cancelled.cancel(null);
    Recorded<String> out = new Recorded<>();
    cancelled.run(() -> Rpc.unary(out, () -> {
      throw new AssertionError("must not run");
    }));
    assertThat(out.status.getCode()).isEqualTo(Status.Code.CANCELLED);
  }

  @Test
  void aDeadlinePassingWhileDecidingIsAnErrorNotALateAnswer() throws Exception {
    Context.CancellableContext call = Context.current().withDeadline(Deadline.after(5, TimeUnit.SECONDS), timer);
    Recorded<String> out = new Recorded<>();
    call.run(() -> Rpc.unary(out, () -> {
      call.cancel(null); // as the deadline does when it passes
      return "late allow";
    }));
    assertThat(out.status.getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(out.value).isCompletedExceptionally();
  }

  @Test
  void anAnswerThatFailsAtOnceIsItsStatus() {
    Recorded<String> out = new Recorded<>();
    Rpc.decide(out, () -> CompletableFuture.failedFuture(new KeygateException(
        KeygateException.Kind.RESOURCE_EXHAUSTED, "keygate is overloaded; retry with backoff")));
    assertThat(out.status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
  }

  @Test
  void anAnswerThatThrowsWhileBeginningIsItsStatus() {
    Recorded<String> out = new Recorded<>();
    Rpc.decide(out, () -> {
      throw KeygateException.invalid("input", "bad input");
    });
    assertThat(out.status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void anAnswerCompletedLaterIsSentFromWhereItCompletes() throws Exception {
    CompletableFuture<String> later = new CompletableFuture<>();
    Recorded<String> out = new Recorded<>();
    Rpc.decide(out, () -> later);
    assertThat(out.value).isNotDone();
    later.completeExceptionally(new KeygateException(KeygateException.Kind.UNAVAILABLE, "redis down"));
    assertThat(out.status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(out.status.getDescription()).isEqualTo("redis down");
  }
}
