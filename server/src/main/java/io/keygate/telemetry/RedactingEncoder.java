package io.keygate.telemetry;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The encoder of Keygate's log (see {@link LogConfiguration}): renders each event as a line of text
 * (the {@link #setPattern pattern}, stack trace included) or as one JSON object ({@link JsonLayout}),
 * then {@link Redaction redacts} the whole line, so every field — message, MDC, exception message
 * and stack trace, in either format — is redacted by construction before a byte is written. The
 * format is chosen at start ({@code KEYGATE_LOG_FORMAT}, see {@link Logging#configure}).
 */
public final class RedactingEncoder extends EncoderBase<ILoggingEvent> {
  /** The formats {@link #setFormat} accepts. */
  public static final List<String> FORMATS = List.of("text", "json");

  private String pattern = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
  private volatile String format = "text";
  private volatile Layout<ILoggingEvent> layout;
  private Layout<ILoggingEvent> text;
  private Layout<ILoggingEvent> json;

  /** The text format's logback pattern; the stack trace of an event with a throwable follows it. */
  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  public String getFormat() {
    return format;
  }

  /** {@code text} or {@code json}; takes effect at once, also on a started encoder. */
  public void setFormat(String format) {
    if (!FORMATS.contains(format)) {
      throw new IllegalArgumentException("log format must be one of " + String.join(", ", FORMATS) + ", got '"
          + format + "'");
    }
    this.format = format;
    if (isStarted()) {
      layout = layoutOf(format);
    }
  }

  @Override
  public void start() {
    PatternLayout textLayout = new PatternLayout();
    textLayout.setContext(getContext());
    textLayout.setPattern(pattern);
    textLayout.start();
    JsonLayout jsonLayout = new JsonLayout();
    jsonLayout.setContext(getContext());
    jsonLayout.start();
    this.text = textLayout;
    this.json = jsonLayout;
    this.layout = layoutOf(format);
    super.start();
  }

  @Override
  public void stop() {
    super.stop();
    text.stop();
    json.stop();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return Redaction.redact(layout.doLayout(event)).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  private Layout<ILoggingEvent> layoutOf(String name) {
    return name.equals("json") ? json : text;
  }
}
