package io.keygate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists exactly the declared settings, each with its default and meaning. */
class SettingsDocumentedTest {
  private static final Path DOC = Path.of("..", "docs", "configuration.md");

  @Test
  void theTableIsTheListOfSettings() throws IOException {
    String doc = Files.readString(DOC);
    String table = doc.substring(doc.indexOf("<!-- settings:start -->"), doc.indexOf("<!-- settings:end -->"));
    List<String> rows = new ArrayList<>();
    for (String line : table.split("\n")) {
      if (line.startsWith("| `KEYGATE_")) {
        rows.add(line);
      }
    }
    List<String> expected = Settings.all().stream().map(SettingsDocumentedTest::row).toList();
    assertThat(rows).as("the rows of docs/configuration.md; regenerate them from Settings").isEqualTo(expected);
  }

  /** The table row of a setting. */
  static String row(Setting<?> setting) {
    String fallback = setting.fallback().isEmpty() ? "unset"
        : "`" + setting.fallback().replace(System.getProperty("user.home"), "~") + "`";
    if (setting == Settings.EXECUTOR_THREADS) {
      fallback = "2 × CPUs, at least 4";
    }
    return "| `" + setting.name() + "` | " + fallback + " | " + setting.description().replace("|", "\\|") + " |";
  }
}
