package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the client-stubs example programs (Python, Node, Go) as subprocesses for PolyglotClientsIT. */
final class PolyglotClients {
  static final Path STUBS = Path.of("").toAbsolutePath().getParent().resolve("client-stubs");
  /** Debian's interpreter, which sees python3-grpcio; the first python3 on PATH may be another. */
  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final Path DEBIAN_GO_SOURCES = Path.of("/usr/share/gocode");

  private PolyglotClients() {}

  static List<String> python(String address, String input) throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3 (apt-get install python3-grpcio); Python skipped");
    assumeTrue(run(STUBS, Map.of(), "", PYTHON.toString(), "-c", "import grpc, google.protobuf").exit == 0,
        "Debian python3 lacks grpcio/protobuf (apt-get install python3-grpcio python3-protobuf); Python skipped");
    Result result = run(STUBS.resolve("python"), Map.of("KEYGATE_ADDRESS", address,
        "PYTHONPATH", STUBS.resolve("python").toString()), input, PYTHON.toString(), "examples/check.py");
    assertThat(result.exit).as("python check.py: %s", result.output).isZero();
    return result.lines();
  }

  static List<String> node(String address, String input) throws Exception {
    assumeTrue(onPath("node") && onPath("npm"), "node/npm not installed (apt-get install nodejs npm); Node skipped");
    Path module = STUBS.resolve("node");
    if (!Files.isDirectory(module.resolve("node_modules/@grpc/grpc-js"))) {
      Result ci = run(module, Map.of(), "", "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
      assertThat(ci.exit).as("npm ci: %s", ci.output).isZero();
    }
    Result result = run(module, Map.of("KEYGATE_ADDRESS", address), input, "node", "examples/check.js");
    assertThat(result.exit).as("node check.js: %s", result.output).isZero();
    return result.lines();
  }

  /** Builds the Go example in GOPATH mode against Debian's grpc-go and protobuf sources, then runs it. */
  static List<String> go(String address, String input, Path work) throws Exception {
    assumeTrue(onPath("go") && Files.isDirectory(DEBIAN_GO_SOURCES.resolve("src/google.golang.org/grpc")),
        "Go or Debian's grpc-go missing (apt-get install golang-go golang-google-grpc-dev "
            + "golang-github-golang-protobuf-1-5-dev); Go skipped");
    Path gopath = work.resolve("gopath");
    Path link = gopath.resolve("src/github.com/keygate/keygate/client-stubs/go");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, STUBS.resolve("go"));
    Path binary = work.resolve("check");
    Map<String, String> env = Map.of("GO111MODULE", "off", "GOPROXY", "off", "GOFLAGS", "",
        "GOPATH", gopath + File.pathSeparator + DEBIAN_GO_SOURCES,
        "GOCACHE", Path.of("target/go-cache").toAbsolutePath().toString());
    Result build = run(link, env, "", "go", "build", "-o", binary.toString(), "./examples/check");
    assertThat(build.exit).as("go build: %s", build.output).isZero();
    Result result = run(work, Map.of("KEYGATE_ADDRESS", address), input, binary.toString());
    assertThat(result.exit).as("go check: %s", result.output).isZero();
    return result.lines();
  }

  record Result(int exit, String output) {
    List<String> lines() {
      return output.isEmpty() ? List.of() : List.of(output.split("\n"));
    }
  }

  static Result run(Path dir, Map<String, String> env, String input, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
      try {
        return process.getInputStream().readAllBytes();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try (var stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in 3 minutes");
    }
    return new Result(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8).strip());
  }

  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
