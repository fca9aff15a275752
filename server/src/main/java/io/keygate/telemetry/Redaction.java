package io.keygate.telemetry;

import java.util.regex.Pattern;

/**
 * Anything shaped like a Keygate secret (a short prefix, an underscore and 16 or more hex
 * characters) replaced by {@code <prefix>_[REDACTED]}. Redaction lives in the logging layer
 * ({@link RedactingEncoder} applies it to every line it writes, in every format), so a secret that
 * reaches a log statement, an exception message or a library's log record by mistake still never
 * reaches a log.
 */
public final class Redaction {
  static final Pattern SECRET = Pattern.compile("([a-z][a-z0-9]{0,15})_[0-9a-fA-F]{16,}");

  private Redaction() {}

  /** {@code text} with secrets replaced; {@code null} stays {@code null}. */
  public static String redact(String text) {
    return text == null ? null : SECRET.matcher(text).replaceAll("$1_[REDACTED]");
  }
}
