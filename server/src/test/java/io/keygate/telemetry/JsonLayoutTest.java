package io.keygate.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.google.gson.JsonObject;
import io.keygate.testing.StrictJson;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLayoutTest {
  private static String layout(ch.qos.logback.classic.spi.ILoggingEvent event) {
    JsonLayout layout = new JsonLayout();
    layout.setContext(LogEvents.CONTEXT);
    layout.start();
    return layout.doLayout(event);
  }

  @Test
  void anEventIsOneLineWithTheStandardFieldsInIsoUtcTime() {
    String line = layout(LogEvents.event("io.keygate.server.KeygateServer", Level.INFO, "keygate listening on {}",
        null, new Object[] {"127.0.0.1:7070"}, Map.of()));

    assertThat(line).endsWith("\n").hasLineCount(1);
    JsonObject json = StrictJson.parseObject(line);
    assertThat(json.keySet()).containsExactly("timestamp", "level", "logger", "thread", "message");
    assertThat(json.get("timestamp").getAsString()).isEqualTo("2027-01-15T08:30:05.123Z");
    assertThat(json.get("level").getAsString()).isEqualTo("INFO");
    assertThat(json.get("logger").getAsString()).isEqualTo("io.keygate.server.KeygateServer");
    assertThat(json.get("thread").getAsString()).isEqualTo("keygate-rpc-1");
    assertThat(json.get("message").getAsString()).isEqualTo("keygate listening on 127.0.0.1:7070");
  }

  @Test
  void traceAndSpanIdsAreTopLevelAndTheOtherMdcEntriesNestedSoTheyCannotCollideWithAField() {
    JsonObject json = StrictJson.parseObject(layout(LogEvents.event("x", Level.WARN, "m", null, null,
        Map.of("trace_id", "t1", "span_id", "s1", "level", "not the level", "tenant", "ten_1"))));

    assertThat(json.get("trace_id").getAsString()).isEqualTo("t1");
    assertThat(json.get("span_id").getAsString()).isEqualTo("s1");
    assertThat(json.get("level").getAsString()).isEqualTo("WARN");
    assertThat(json.getAsJsonObject("mdc").keySet()).containsExactly("level", "tenant");
  }

  @Test
  void anEventLoggedInsideASpanCarriesItsTraceAndSpanIds() {
    SpanContext context = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
        TraceFlags.getSampled(), TraceState.getDefault());
    JsonObject json;
    try (Scope ignored = Span.wrap(context).makeCurrent()) {
      json = StrictJson.parseObject(layout(LogEvents.event("x", Level.WARN, "m", null, null, Map.of())));
    }
    assertThat(json.get("trace_id").getAsString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(json.get("span_id").getAsString()).isEqualTo("b7ad6b7169203331");
    JsonObject outside = StrictJson.parseObject(layout(LogEvents.event("x", Level.WARN, "m", null, null, Map.of())));
    assertThat(outside.has("trace_id")).isFalse();
  }

  @Test
  void aThrowableGivesItsClassMessageAndStackTraceAsStrings() {
    IOException failure = new IOException("disk \"full\"", new IllegalStateException());
    JsonObject json = StrictJson.parseObject(layout(LogEvents.event("x", Level.ERROR, "m", failure, null, Map.of())));

    assertThat(json.get("exception_class").getAsString()).isEqualTo("java.io.IOException");
    assertThat(json.get("exception_message").getAsString()).isEqualTo("disk \"full\"");
    assertThat(json.get("stack_trace").getAsString()).startsWith("java.io.IOException: disk \"full\"\n\tat ")
        .contains("Caused by: java.lang.IllegalStateException");
  }

  @Test
  void aThrowableWithoutMessageHasANullMessage() {
    JsonObject json = StrictJson.parseObject(layout(LogEvents.event("x", Level.ERROR, "m",
        new NullPointerException(), null, Map.of())));

    assertThat(json.get("exception_message").isJsonNull()).isTrue();
  }

  @Test
  void quotesControlCharactersAndNonAsciiTextAreEscapedOrKept() {
    String message = "line 1\nline 2\t\"quoted\" back\\slash \u0001 é 漢 \ud83d\udd11 \u2028";
    JsonObject json = StrictJson.parseObject(layout(LogEvents.event("x", Level.INFO, message, null, null,
        Map.of())));

    assertThat(json.get("message").getAsString()).isEqualTo(message);
  }
}
