package io.keygate.telemetry;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.google.gson.stream.JsonWriter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * One log event as one line of JSON (written with Gson's streaming {@link JsonWriter}, which
 * grpc-java already ships): {@code timestamp} (ISO-8601, UTC, milliseconds), {@code level},
 * {@code logger}, {@code thread}, {@code message}; {@code trace_id} and {@code span_id} of the span
 * current where the event is logged (OpenTelemetry's, when tracing is on; the appender writes on the
 * logging thread) or of the MDC, the other MDC entries under {@code mdc}; for an event with a throwable,
 * {@code exception_class}, {@code exception_message} and {@code stack_trace} (causes included), as
 * strings. Redaction is not done here but on the whole line, by {@link RedactingEncoder}.
 */
public final class JsonLayout extends LayoutBase<ILoggingEvent> {
  /** MDC keys that become top-level fields (set by tracing). */
  static final String TRACE_ID = "trace_id";
  static final String SPAN_ID = "span_id";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter line = new StringWriter(256);
    try (JsonWriter json = new JsonWriter(line)) {
      json.beginObject();
      json.name("timestamp").value(TIMESTAMP.format(event.getInstant()));
      json.name("level").value(event.getLevel().toString());
      json.name("logger").value(event.getLoggerName());
      json.name("thread").value(event.getThreadName());
      json.name("message").value(event.getFormattedMessage());
      Map<String, String> mdc = event.getMDCPropertyMap() == null ? new TreeMap<>()
          : new TreeMap<>(event.getMDCPropertyMap());
      String traceId = mdc.remove(TRACE_ID);
      String spanId = mdc.remove(SPAN_ID);
      SpanContext span = Span.current().getSpanContext();
      if (traceId == null && span.isValid()) {
        traceId = span.getTraceId();
        spanId = span.getSpanId();
      }
      writeIfPresent(json, TRACE_ID, traceId);
      writeIfPresent(json, SPAN_ID, spanId);
      if (!mdc.isEmpty()) {
        json.name("mdc").beginObject();
        for (Map.Entry<String, String> entry : mdc.entrySet()) {
          json.name(entry.getKey()).value(entry.getValue());
        }
        json.endObject();
      }
      IThrowableProxy throwable = event.getThrowableProxy();
      if (throwable != null) {
        json.name("exception_class").value(throwable.getClassName());
        json.name("exception_message").value(throwable.getMessage());
        json.name("stack_trace").value(ThrowableProxyUtil.asString(throwable));
      }
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return line.append('\n').toString();
  }

  private static void writeIfPresent(JsonWriter json, String name, String value) throws IOException {
    if (value != null) {
      json.name(name).value(value);
    }
  }
}
