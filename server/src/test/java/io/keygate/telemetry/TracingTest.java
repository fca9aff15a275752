package io.keygate.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracing is off unless the OTEL_* variables turn it on; while off there is no SDK at all. */
class TracingTest {
  @Test
  void offByDefault() {
    assertThat(Tracing.wanted(Map.of())).isFalse();
    assertThat(Tracing.fromEnv(Map.of("OTEL_SERVICE_NAME", "x"))).isSameAs(Tracing.OFF);
    assertThat(Tracing.OFF.enabled()).isFalse();
  }

  @Test
  void onWithAnExporterOrAnEndpoint() {
    assertThat(Tracing.wanted(Map.of("OTEL_TRACES_EXPORTER", "otlp"))).isTrue();
    assertThat(Tracing.wanted(Map.of("OTEL_TRACES_EXPORTER", "none"))).isFalse();
    assertThat(Tracing.wanted(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"))).isTrue();
    assertThat(Tracing.wanted(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4318/v1/traces"))).isTrue();
  }

  @Test
  void theSdksOwnSwitchWins() {
    assertThat(Tracing.wanted(Map.of("OTEL_SDK_DISABLED", "false"))).isTrue();
    assertThat(Tracing.wanted(Map.of("OTEL_SDK_DISABLED", "true", "OTEL_TRACES_EXPORTER", "otlp"))).isFalse();
  }
}
