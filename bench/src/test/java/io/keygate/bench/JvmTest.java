package io.keygate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench starts its sidecars with the chart's flags, read from the chart, not from a copy. */
class JvmTest {
  @Test
  void sidecarsGetTheChartsFlagsWithTheBenchsOwnArchiveAndTheSidecarsMemoryLimit() {
    List<String> chart = List.of(Jvm.chartValue("javaToolOptions").split(" "));

    assertThat(chart).contains("-XX:+UseSerialGC").anyMatch(f -> f.startsWith("-XX:SharedArchiveFile="));
    assertThat(Jvm.SHIPPED_FLAGS)
        .containsAll(chart.stream().filter(f -> !f.startsWith("-XX:SharedArchiveFile=")).toList())
        .noneMatch(f -> f.startsWith("-XX:SharedArchiveFile="))
        .endsWith("-XX:MaxRAM=256m");
  }

  @Test
  void aValueTheChartDoesNotHaveIsAnError() {
    assertThatThrownBy(() -> Jvm.chartValue("noSuchValue")).hasMessageContaining("noSuchValue");
  }
}
