package io.keygate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one exception type of the domain. Each carries a {@link Kind} that the transport edge maps to
 * a gRPC status, a message that is safe to show to the caller (it never contains a secret), and the
 * machine-readable part of the error: a stable {@code UPPER_SNAKE} reason (by default the kind's
 * {@link Kind#reason}), details such as the limit that was reached, and, for INVALID_ARGUMENT, the
 * field at fault. The edge sends them as {@code google.rpc.ErrorInfo} (and {@code BadRequest}).
 */
public final class KeygateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, in the caller's terms. Mapped one-to-one onto gRPC status codes. */
  public enum Kind {
    INVALID_ARGUMENT("INVALID_FIELD"),
    NOT_FOUND("NOT_FOUND"),
    ALREADY_EXISTS("ALREADY_EXISTS"),
    PERMISSION_DENIED("PERMISSION_DENIED"),
    UNAUTHENTICATED("UNAUTHENTICATED"),
    FAILED_PRECONDITION("FAILED_PRECONDITION"),
    RESOURCE_EXHAUSTED("RESOURCE_EXHAUSTED"),
    UNAVAILABLE("UNAVAILABLE"),
    INTERNAL("INTERNAL");

    private final String reason;

    Kind(String reason) {
      this.reason = reason;
    }

    /** The reason of a failure of this kind that names no more specific one. */
    public String reason() {
      return reason;
    }
  }

  private final Kind kind;
  private String reason;
  private String field;
  private final Map<String, String> details = new LinkedHashMap<>();

  public KeygateException(Kind kind, String message) {
    super(message);
    this.kind = kind;
    this.reason = kind.reason();
  }

  public KeygateException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.reason = kind.reason();
  }

  public Kind kind() {
    return kind;
  }

  /** The stable {@code UPPER_SNAKE} reason, e.g. {@code MISSING_PERMISSION}. */
  public String reason() {
    return reason;
  }

  /** The request field at fault (a path such as {@code settings.ip_limit_window}); null when none. */
  public String field() {
    return field;
  }

  /** Details for {@code ErrorInfo.metadata}, e.g. {@code permission} or {@code limit}; never a secret. */
  public Map<String, String> details() {
    return Collections.unmodifiableMap(details);
  }

  /** Names the reason ({@code UPPER_SNAKE}); returns this exception, for {@code throw}. */
  public KeygateException because(String reason) {
    this.reason = reason;
    return this;
  }

  /** Adds a detail (a lower_snake key); returns this exception, for {@code throw}. */
  public KeygateException with(String key, Object value) {
    details.put(key, String.valueOf(value));
    return this;
  }

  /** INVALID_ARGUMENT for {@code field}; {@code message} names the field and the rule. */
  public static KeygateException invalid(String field, String message) {
    KeygateException e = new KeygateException(Kind.INVALID_ARGUMENT, message);
    e.field = field;
    return e.with("field", field);
  }

  public static KeygateException notFound(String what, String id) {
    return new KeygateException(Kind.NOT_FOUND, what + " " + id + " not found")
        .with("resource_type", what.toLowerCase(Locale.ROOT).replace(' ', '_')).with("id", id);
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
