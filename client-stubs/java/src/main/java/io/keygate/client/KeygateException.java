package io.keygate.client;

import io.grpc.Status;

/**
 * Keygate could not decide: the sidecar is unreachable, too slow for the deadline, or refused the
 * request as malformed. Not a denial; the caller's fail-open/fail-closed policy decides what to do.
 */
public final class KeygateException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Status status;

  KeygateException(Status status, Throwable cause) {
    super("Keygate could not decide: " + status.getCode() + describe(status), cause);
    this.status = status;
  }

  /** The gRPC status of the failed Authorize call (UNAVAILABLE, DEADLINE_EXCEEDED, INVALID_ARGUMENT…). */
  public Status status() {
    return status;
  }

  private static String describe(Status status) {
    return status.getDescription() == null ? "" : " (" + status.getDescription() + ")";
  }
}
