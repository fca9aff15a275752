package io.keygate;

/**
 * The one exception type of the domain. Each carries a {@link Kind} that the transport edge maps to
 * a gRPC status, and a message that is safe to show to the caller: it never contains a secret.
 */
public final class KeygateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, in the caller's terms. Mapped one-to-one onto gRPC status codes. */
  public enum Kind {
    INVALID_ARGUMENT,
    NOT_FOUND,
    ALREADY_EXISTS,
    PERMISSION_DENIED,
    UNAUTHENTICATED,
    FAILED_PRECONDITION,
    RESOURCE_EXHAUSTED,
    UNAVAILABLE,
    INTERNAL
  }

  private final Kind kind;

  public KeygateException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public KeygateException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static KeygateException invalid(String message) {
    return new KeygateException(Kind.INVALID_ARGUMENT, message);
  }

  public static KeygateException notFound(String what, String id) {
    return new KeygateException(Kind.NOT_FOUND, what + " " + id + " not found");
  }

  public static KeygateException denied(String message) {
    return new KeygateException(Kind.PERMISSION_DENIED, message);
  }

  public static KeygateException precondition(String message) {
    return new KeygateException(Kind.FAILED_PRECONDITION, message);
  }

  public static KeygateException unauthenticated(String message) {
    return new KeygateException(Kind.UNAUTHENTICATED, message);
  }
}
