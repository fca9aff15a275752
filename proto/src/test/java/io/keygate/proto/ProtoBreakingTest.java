package io.keygate.proto;

import static io.keygate.proto.ProtoLintTest.installBuf;
import static io.keygate.proto.ProtoLintTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code buf breaking} (FILE rules, see {@code proto/buf.yaml}) against the last released
 * contract, {@code proto/released/v0.1.0.binpb} (a buf image). A change that would break a client
 * generated from the release fails the build. Skipped only where no npm is installed.
 */
class ProtoBreakingTest {
  static final String RELEASED = "released/v0.1.0.binpb";

  @Test
  void contractIsCompatibleWithTheLastRelease() throws Exception {
    Path module = Path.of("").toAbsolutePath();
    Path buf = installBuf(module.resolve("target/buf"));
    ProtoLintTest.Result breaking = run(module, List.of(buf.toString(), "breaking", "--against", RELEASED));
    assertThat(breaking.output()).as("buf breaking output").isEmpty();
    assertThat(breaking.exit()).isZero();
  }

  @Test
  void removingAFieldIsCaught(@TempDir Path copy) throws Exception {
    Path module = Path.of("").toAbsolutePath();
    Path buf = installBuf(module.resolve("target/buf"));
    copyTree(module.resolve("src/main/proto"), copy.resolve("src/main/proto"));
    Files.copy(module.resolve("buf.yaml"), copy.resolve("buf.yaml"));
    Path authorizer = copy.resolve("src/main/proto/keygate/v1/authorizer.proto");
    String original = Files.readString(authorizer);
    String edited = original.replace("  string message = 4;\n", "");
    assertThat(edited).as("the field to remove is in authorizer.proto").isNotEqualTo(original);
    Files.writeString(authorizer, edited);

    ProtoLintTest.Result breaking = run(copy, List.of(buf.toString(), "breaking", "--against",
        module.resolve(RELEASED).toString()));

    assertThat(breaking.exit()).isNotZero();
    assertThat(breaking.output()).contains("authorizer.proto").contains("\"message\"").contains("deleted");
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
