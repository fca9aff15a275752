package io.keygate.cli.declare;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.v1.Tenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example file in docs/cli.md is a file this CLI reads, and shows every settings key. */
class DeclarationDocumentedTest {
  private static final Path DOC = Path.of("..", "docs", "cli.md");

  @Test
  void documentedExampleParsesAndShowsEverySetting() throws IOException {
    String doc = Files.readString(DOC);
    int section = doc.indexOf("## diff and apply: declarative configuration");
    assertThat(section).as("the section in docs/cli.md").isPositive();
    int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
    String example = doc.substring(start, doc.indexOf("```", start));

    Declaration declaration = DeclarationParser.parse(example);

    assertThat(declaration.users()).isPresent();
    assertThat(declaration.serviceAccounts()).isPresent();
    for (SettingField field : SettingField.values()) {
      assertThat(field.isSet(declaration.settings().orElseThrow())).as(field.key).isTrue();
    }
    Actual empty = new Actual(Tenant.newBuilder().setId("ten_docs").setName("docs").build(), true, List.of(),
        List.of(), List.of());
    assertThat(Planner.plan(declaration, empty, true).count(Step.Action.CREATE)).as("plannable").isEqualTo(10);
  }
}
