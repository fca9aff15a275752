package io.keygate.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.keygate.keys.SecretFormat;
import io.keygate.testing.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class RedactingEncoderTest {
  private static final SecretFormat FORMAT = new SecretFormat(SecretFormat.DEFAULT_PREFIX);
  private static final String IN_MESSAGE = FORMAT.generate();
  private static final String IN_ARGUMENT = FORMAT.generate();
  private static final String IN_MDC = FORMAT.generate();
  private static final String IN_EXCEPTION = FORMAT.generate();
  private static final String IN_CAUSE = FORMAT.generate();
  private static final String IN_THREAD = FORMAT.generate();

  /** An event that carries a secret in every part it has. */
  private static LoggingEvent eventFullOfSecrets() {
    IllegalStateException cause = new IllegalStateException("cause saw " + IN_CAUSE);
    ExecutionException failure = new ExecutionException("lookup of " + IN_EXCEPTION + " failed", cause);
    return LogEvents.event("worker " + IN_THREAD, "io.keygate.decision.Authorizer", Level.ERROR,
        "refused " + IN_MESSAGE + " and {}", failure, new Object[] {IN_ARGUMENT},
        Map.of("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736", "span_id", "00f067aa0ba902b7",
            "client", "x-api-key=" + IN_MDC, IN_MDC, "as a key"));
  }

  private static RedactingEncoder encoder(String format) {
    RedactingEncoder encoder = new RedactingEncoder();
    encoder.setContext(LogEvents.CONTEXT);
    encoder.setFormat(format);
    encoder.start();
    return encoder;
  }

  private static String encode(RedactingEncoder encoder, LoggingEvent event) {
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  private static void assertNoSecret(String text) {
    for (String secret : new String[] {IN_MESSAGE, IN_ARGUMENT, IN_MDC, IN_EXCEPTION, IN_CAUSE, IN_THREAD}) {
      assertThat(text).doesNotContain(secret.substring(3)).doesNotContain(secret.substring(3, 19));
    }
  }

  @Test
  void jsonLineParsesAndEveryFieldIsRedacted() {
    String line = encode(encoder("json"), eventFullOfSecrets());

    assertThat(line).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
    JsonObject json = StrictJson.parseObject(line.strip());
    assertNoSecret(line);
    assertThat(json.get("message").getAsString()).isEqualTo("refused lk_[REDACTED] and lk_[REDACTED]");
    assertThat(json.get("thread").getAsString()).isEqualTo("worker lk_[REDACTED]");
    assertThat(json.get("trace_id").getAsString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(json.get("span_id").getAsString()).isEqualTo("00f067aa0ba902b7");
    JsonObject mdc = json.getAsJsonObject("mdc");
    assertThat(mdc.get("client").getAsString()).isEqualTo("x-api-key=lk_[REDACTED]");
    assertThat(mdc.get("lk_[REDACTED]").getAsString()).isEqualTo("as a key");
    assertThat(json.get("exception_class").getAsString()).isEqualTo(ExecutionException.class.getName());
    assertThat(json.get("exception_message").getAsString()).isEqualTo("lookup of lk_[REDACTED] failed");
    assertThat(json.get("stack_trace").getAsString())
        .startsWith(ExecutionException.class.getName() + ": lookup of lk_[REDACTED] failed\n")
        .contains("\tat io.keygate.telemetry.RedactingEncoderTest.eventFullOfSecrets(")
        .contains("Caused by: java.lang.IllegalStateException: cause saw lk_[REDACTED]");
    for (Map.Entry<String, JsonElement> field : json.entrySet()) {
      assertThat(field.getKey() + "=" + field.getValue()).as("field " + field.getKey()).satisfies(
          RedactingEncoderTest::assertNoSecret);
    }
  }

  @Test
  void textLineRedactsTheMessageItsArgumentsTheExceptionAndEveryCauseInTheStackTrace() {
    String lines = encode(encoder("text"), eventFullOfSecrets());

    assertNoSecret(lines);
    assertThat(lines).startsWith("08:30:05.123 ERROR i.k.d.Authorizer - refused lk_[REDACTED] and lk_[REDACTED]\n"
        + ExecutionException.class.getName() + ": lookup of lk_[REDACTED] failed\n")
        .contains("\tat io.keygate.telemetry.RedactingEncoderTest.eventFullOfSecrets(")
        .contains("Caused by: java.lang.IllegalStateException: cause saw lk_[REDACTED]");
  }

  @Test
  void theFormatChangesOnAStartedEncoder() {
    RedactingEncoder encoder = encoder("text");
    LoggingEvent event = LogEvents.event("io.keygate.x", Level.INFO, "hello", null, null, Map.of());
    assertThat(encode(encoder, event)).isEqualTo("08:30:05.123 INFO  io.keygate.x - hello\n");

    encoder.setFormat("json");

    assertThat(StrictJson.parseObject(encode(encoder, event)).get("message").getAsString()).isEqualTo("hello");
    assertThat(encoder.getFormat()).isEqualTo("json");
  }

  @Test
  void anUnknownFormatIsRefused() {
    assertThatThrownBy(() -> new RedactingEncoder().setFormat("xml")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("text, json");
  }
}
