package io.keygate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The committed Python, Go and Node stubs are exactly what {@code client-stubs/generate.sh} makes
 * from the .proto files today: regenerates them under {@code target/} and diffs. Skipped only where
 * the generators are not installed ({@code .ci/run} installs them).
 */
class ClientStubsDriftTest {
  static final Path STUBS = Path.of("").toAbsolutePath().getParent();
  static final List<String> GENERATED = List.of("python/keygate", "go/keygate", "node/proto", "node/gen");

  @Test
  void committedStubsMatchTheProtoFiles() throws Exception {
    for (String tool : List.of("protoc", "grpc_python_plugin", "protoc-gen-go", "protoc-gen-go-grpc", "npm", "diff")) {
      assumeTrue(onPath(tool), tool + " is not installed (apt-get install protobuf-compiler protobuf-compiler-grpc "
          + "protoc-gen-go protoc-gen-go-grpc nodejs npm); stub drift check skipped");
    }
    Path out = Path.of("target/stubs-drift").toAbsolutePath();
    run(List.of("rm", "-rf", out.toString()));
    String generate = run(List.of(STUBS.resolve("generate.sh").toString(), out.toString()));
    assertThat(generate).as("generate.sh output").doesNotContain("generate.sh:");
    for (String dir : GENERATED) {
      ProcessBuilder diff = new ProcessBuilder("diff", "-r", STUBS.resolve(dir).toString(), out.resolve(dir).toString())
          .redirectErrorStream(true);
      Process process = diff.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
      assertThat(output).as("client-stubs/%s differs from what generate.sh makes now; run client-stubs/generate.sh "
          + "and commit", dir).isEmpty();
    }
  }

  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).directory(STUBS.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
    assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
    return output;
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
