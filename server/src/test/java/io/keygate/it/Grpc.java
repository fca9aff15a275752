package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on gRPC failures. */
public final class Grpc {
  private Grpc() {}

  /** Asserts that {@code call} fails with {@code code}; returns the assertion for more checks. */
  public static AbstractThrowableAssert<?, ? extends Throwable> assertStatus(Status.Code code, ThrowingCallable call) {
    return assertThatThrownBy(call)
        .isInstanceOf(StatusRuntimeException.class)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((StatusRuntimeException) e).getStatus().getCode())
            .as("status of %s", e.getMessage()).isEqualTo(code));
  }
}
