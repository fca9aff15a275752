package io.keygate.transport.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.keygate.KeygateException;
import io.keygate.telemetry.ThrottledLog;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The one place where failures become gRPC statuses. Nothing leaves as UNKNOWN, and every status
 * carries a {@code google.rpc.ErrorInfo} (domain {@value #DOMAIN}, a stable {@code UPPER_SNAKE}
 * reason, details such as the field or the limit as metadata); INVALID_ARGUMENT naming a field also
 * carries a {@code google.rpc.BadRequest} with its path. The details travel in the
 * {@code grpc-status-details-bin} trailer ({@link StatusProto}).
 */
public final class Statuses {
  /** {@code ErrorInfo.domain} of every Keygate error. */
  public static final String DOMAIN = "keygate";

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
      return status(CODES.get(e.kind()), e.reason(), e.getMessage(), e.details(), e.field());
    }
    UNEXPECTED.log(ThrottledLog.keyOf(failure), "unexpected failure", failure);
    return status(Status.Code.INTERNAL, "INTERNAL", "internal error", Map.of(), null);
  }

  /** A status with {@code reason} and no details: for failures the transport finds itself. */
  public static StatusRuntimeException status(Status.Code code, String reason, String message) {
    return status(code, reason, message, Map.of(), null);
  }

  /**
   * {@code code} with {@code message}, an {@code ErrorInfo} of {@code reason} and {@code details}, and,
   * when {@code field} is given, a {@code BadRequest} naming it.
   */
  public static StatusRuntimeException status(Status.Code code, String reason, String message,
      Map<String, String> details, String field) {
    com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
        .setCode(code.value())
        .setMessage(message == null ? "" : message)
        .addDetails(Any.pack(ErrorInfo.newBuilder().setDomain(DOMAIN).setReason(reason).putAllMetadata(details)
            .build()));
    if (field != null) {
      status.addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
          .setField(field).setDescription(message == null ? "" : message)).build()));
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }

  /** Closes {@code call} with {@code failure}, its details in the trailers. */
  public static void close(ServerCall<?, ?> call, StatusRuntimeException failure) {
    Metadata trailers = failure.getTrailers();
    call.close(failure.getStatus(), trailers == null ? new Metadata() : trailers);
  }
}
