package io.keygate.telemetry;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * Logback's {@code %msg} with anything shaped like a Keygate secret (a short prefix, an underscore
 * and 16 or more hex characters) replaced by {@code <prefix>_[REDACTED]}. Redaction lives here, in
 * the logging layer, so a secret that reaches a log statement by mistake still never reaches a log.
 */
public final class RedactingMessageConverter extends MessageConverter {
  static final Pattern SECRET = Pattern.compile("([a-z][a-z0-9]{0,15})_[0-9a-fA-F]{16,}");

  @Override
  public String convert(ILoggingEvent event) {
    return redact(super.convert(event));
  }

  /** {@code text} with secrets replaced. */
  public static String redact(String text) {
    return text == null ? null : SECRET.matcher(text).replaceAll("$1_[REDACTED]");
  }
}
