package io.keygate.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code buf lint} (STANDARD and COMMENTS rules, see {@code proto/buf.yaml}) on the contract.
 * buf comes from the npm registry ({@code @bufbuild/buf}, pinned), installed under {@code target/}.
 * Skipped only where no npm is installed; {@code .ci/run} makes sure CI has it.
 */
class ProtoLintTest {
  static final String BUF_VERSION = "1.75.0";

  @Test
  void contractPassesBufLint() throws Exception {
    Path module = Path.of("").toAbsolutePath();
    Path buf = installBuf(module.resolve("target/buf"));
    Result lint = run(module, List.of(buf.toString(), "lint"));
    assertThat(lint.output).as("buf lint output").isEmpty();
    assertThat(lint.exit).isZero();
  }

  static Path installBuf(Path prefix) throws Exception {
    Path buf = prefix.resolve("node_modules/.bin/buf");
    if (!Files.isExecutable(buf)) {
      assumeTrue(onPath("npm"), "npm is not installed; buf lint skipped");
      Files.createDirectories(prefix);
      Result install = run(prefix, List.of("npm", "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund",
          "--loglevel=error", "@bufbuild/buf@" + BUF_VERSION));
      assertThat(install.exit).as("npm install @bufbuild/buf: %s", install.output).isZero();
    }
    return buf;
  }

  record Result(int exit, String output) {}

  static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8).strip());
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
