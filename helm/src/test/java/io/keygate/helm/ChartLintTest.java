package io.keygate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code helm lint --strict}: warnings fail too. */
class ChartLintTest {
  @TempDir
  Path work;

  @Test
  void defaultValuesLintCleanUnderStrict() {
    LintResult result = Charts.lint(null, work);
    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  @Test
  void nonDefaultValuesLintCleanUnderStrict() {
    LintResult result = Charts.lint(Charts.resource("custom-values.yaml"), work);
    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  @Test
  void lintFailsOnValuesTheSchemaRefuses() {
    // Proves the lint check bites: the same merge path with a bad value must fail.
    LintResult result = Charts.lint(Charts.resource("bad-failure-mode.yaml"), work);
    assertThat(result.isFailed()).isTrue();
    assertThat(String.join("\n", result.getMessages())).contains("failureMode");
  }
}
