package io.keygate.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** values.schema.json refuses bad values before anything renders; the message names the field. */
class ValuesSchemaTest {
  @Test
  void unknownRateLimitFailureModeIsRefused() {
    assertThatThrownBy(() -> Charts.template(Charts.resource("bad-failure-mode.yaml")))
        .hasMessageContaining("/rateLimit/failureMode")
        .hasMessageContaining("open");
  }

  @Test
  void unknownLogFormatIsRefused() {
    assertThatThrownBy(() -> Charts.template(Charts.resource("bad-log-format.yaml")))
        .hasMessageContaining("/logFormat")
        .hasMessageContaining("json");
  }

  @Test
  void portGivenAsAStringIsRefused() {
    assertThatThrownBy(() -> Charts.template(Charts.resource("bad-port.yaml")))
        .hasMessageContaining("/grpc/port")
        .hasMessageContaining("integer");
  }

  @Test
  void misspeltTopLevelKeyIsRefused() {
    assertThatThrownBy(() -> Charts.template(Charts.resource("bad-unknown-key.yaml")))
        .hasMessageContaining("databse");
  }

  @Test
  void anImageDigestThatIsNotASha256IsRefused() {
    assertThatThrownBy(() -> Charts.template(Charts.resource("bad-digest.yaml")))
        .hasMessageContaining("digest");
  }
}
