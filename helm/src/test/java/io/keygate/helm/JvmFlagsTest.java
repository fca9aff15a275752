package io.keygate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JVM flags are declared once, as the chart's {@code javaToolOptions}; the image's default
 * {@code JAVA_TOOL_OPTIONS} (for a container started without the chart) must be the same string, so a
 * {@code docker run} measures and behaves as a pod does. The bench reads the chart's value itself.
 */
class JvmFlagsTest {
  private static final Path DOCKERFILE = Charts.CHART.getParent().getParent().resolve("Dockerfile");

  @Test
  void theImageSetsTheChartsJvmFlags() throws IOException {
    Object chart = Charts.load(Charts.CHART.resolve("values.yaml")).get("javaToolOptions");
    Matcher image = Pattern.compile("ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(Files.readString(DOCKERFILE));

    assertThat(image.find()).as("the Dockerfile sets JAVA_TOOL_OPTIONS").isTrue();
    assertThat(image.group(1)).isEqualTo(chart);
    assertThat(image.group(1)).as("the archive the image builds").contains("-XX:SharedArchiveFile=/app/keygate.jsa");
  }
}
