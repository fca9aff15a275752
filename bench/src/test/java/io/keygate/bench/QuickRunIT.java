package io.keygate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The CI smoke run of the benchmark set ({@code --quick}): every measurement runs against real
 * sidecar processes and prints a figure. Speed targets are not asserted here (a shared CI machine
 * says nothing about them; docs/performance.md has the figures) — only what is exact whatever the
 * machine: every section measured, at most one Redis round trip per call, and the invalid-key flood costing
 * at most one lookup per distinct secret and none on a repeat, and the fleet's PostgreSQL connections
 * independent of its sidecars.
 */
class QuickRunIT {
  private static final Path JAR = Path.of("..", "server", "target", "keygate.jar");

  @Test
  void quickRunMeasuresEverySection() throws Exception {
    Report report = Bench.run(Bench.Plan.of(Set.of(), true, 0), JAR.toAbsolutePath());
    List<Report.Row> rows = report.rows();

    Set<String> sections = rows.stream().map(r -> r.section().substring(0, 1)).collect(Collectors.toSet());
    assertThat(sections).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(rows).allSatisfy(row -> assertThat(row.keygate()).isNotBlank().doesNotContain("n/a"));
    assertThat(rows).filteredOn(r -> r.section().startsWith("1"))
        .allSatisfy(row -> assertThat(row.keygate()).as(row.metric()).doesNotContain("failed!"));

    assertThat(rows).filteredOn(r -> r.section().startsWith("4")).hasSize(2)
        .allSatisfy(row -> assertThat(row.met()).as(row.metric() + ": " + row.compared()).isTrue());
    assertThat(rows).filteredOn(r -> r.section().equals("5 invalid-key flood")).hasSize(3)
        .allSatisfy(row -> assertThat(row.met()).as(row.metric() + ": " + row.keygate()).isTrue());
    assertThat(rows).filteredOn(r -> r.section().equals("9 fleet") && r.metric().startsWith("PostgreSQL client"))
        .isNotEmpty().allSatisfy(row -> assertThat(row.met()).as(row.metric() + ": " + row.keygate()).isTrue());
    // The run's sidecars started on the image's class-data-sharing archive, which the bench trained first.
    assertThat(rows).filteredOn(r -> r.section().equals("8 footprint") && r.metric().startsWith("peak RSS"))
        .hasSize(2).allSatisfy(row -> assertThat(row.metric()).contains("with the image's archive"));
  }

  @Test
  void footprintAloneMeasuresStartsButNoPeakUnderLoad() throws Exception {
    Report report = Bench.run(Bench.Plan.of(Set.of("footprint"), true, 0), JAR.toAbsolutePath());

    assertThat(report.rows()).as("nothing loaded the sidecars: their peak would be an idle one")
        .noneMatch(r -> r.metric().startsWith("peak RSS"));
    assertThat(report.notes()).anyMatch(n -> n.startsWith("footprint: no peak RSS rows"));
    assertThat(report.rows()).extracting(Report.Row::metric)
        .anyMatch(m -> m.startsWith("start: JVM spawn"))
        .anyMatch(m -> m.startsWith("idle RSS after start and one call"))
        // Both archives trained, as the image trains them: the Redis sidecar's start is measured on its own.
        .anyMatch(m -> m.startsWith("Redis limiter: start with the image's Redis archive"))
        .anyMatch(m -> m.startsWith("Redis limiter: idle RSS after start and one call"));
  }
}
