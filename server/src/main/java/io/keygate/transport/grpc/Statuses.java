package io.keygate.transport.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.keygate.KeygateException;
import io.keygate.telemetry.ThrottledLog;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** The one place where failures become gRPC statuses. Nothing leaves as UNKNOWN. */
public final class Statuses {
  private static final Logger LOG = LoggerFactory.getLogger(Statuses.class);
  /** A client that can trigger an unexpected failure can trigger it on every call: one stack trace a minute. */
  private static final ThrottledLog UNEXPECTED = new ThrottledLog(LOG, Level.ERROR, Duration.ofMinutes(1));
  private static final Map<KeygateException.Kind, Status.Code> CODES = new EnumMap<>(Map.of(
      KeygateException.Kind.INVALID_ARGUMENT, Status.Code.INVALID_ARGUMENT,
      KeygateException.Kind.NOT_FOUND, Status.Code.NOT_FOUND,
      KeygateException.Kind.ALREADY_EXISTS, Status.Code.ALREADY_EXISTS,
      KeygateException.Kind.PERMISSION_DENIED, Status.Code.PERMISSION_DENIED,
      KeygateException.Kind.UNAUTHENTICATED, Status.Code.UNAUTHENTICATED,
      KeygateException.Kind.FAILED_PRECONDITION, Status.Code.FAILED_PRECONDITION,
      KeygateException.Kind.RESOURCE_EXHAUSTED, Status.Code.RESOURCE_EXHAUSTED,
      KeygateException.Kind.UNAVAILABLE, Status.Code.UNAVAILABLE,
      KeygateException.Kind.INTERNAL, Status.Code.INTERNAL));

  private Statuses() {}

  public static StatusRuntimeException toStatus(Throwable failure) {
    if (failure instanceof StatusRuntimeException status) {
      return status;
    }
    if (failure instanceof KeygateException e) {
      return Status.fromCode(CODES.get(e.kind())).withDescription(e.getMessage()).asRuntimeException();
    }
    UNEXPECTED.log(ThrottledLog.keyOf(failure), "unexpected failure", failure);
    return Status.INTERNAL.withDescription("internal error").asRuntimeException();
  }
}
