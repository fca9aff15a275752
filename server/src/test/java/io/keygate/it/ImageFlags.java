package io.keygate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JVM flags the container image starts Keygate with: the Dockerfile's {@code JAVA_TOOL_OPTIONS} (the
 * chart's javaToolOptions, word for word), less the archive only the image holds; tests that train an
 * archive of their own add it themselves.
 */
final class ImageFlags {
  private static final Path DOCKERFILE = Path.of("..", "Dockerfile");

  private ImageFlags() {}

  static List<String> withoutArchive() {
    try {
      Matcher options = Pattern.compile("ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(Files.readString(DOCKERFILE));
      if (!options.find()) {
        throw new IllegalStateException("the Dockerfile sets no JAVA_TOOL_OPTIONS");
      }
      return Stream.of(options.group(1).split("\\s+"))
          .filter(flag -> !flag.startsWith("-XX:SharedArchiveFile=")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
