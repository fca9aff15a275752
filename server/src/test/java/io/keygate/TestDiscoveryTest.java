package io.keygate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every test class in the tree runs under {@code mvn -B verify}: surefire picks up classes named
 * {@code *Test}, failsafe those named {@code *IT} (their default patterns, which no module
 * overrides). A class with test methods named otherwise would silently never run — so this fails
 * the build on one, in any module.
 */
class TestDiscoveryTest {
  /** JUnit Jupiter's and jqwik's test-method annotations. */
  private static final Pattern TEST_METHOD = Pattern.compile(
      "(?m)^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)\\b");
  private static final Pattern RUN_NAME = Pattern.compile(".*(Test|IT)\\.java");

  @Test
  void everyClassWithTestMethodsIsNamedSoThatItRuns() {
    List<Path> tests = testSources(repositoryRoot());
    assertThat(tests).as("test sources found in the tree").hasSizeGreaterThan(50);
    List<String> unnamed = new ArrayList<>();
    for (Path file : tests) {
      if (TEST_METHOD.matcher(read(file)).find() && !RUN_NAME.matcher(file.getFileName().toString()).matches()) {
        unnamed.add(repositoryRoot().relativize(file).toString());
      }
    }
    assertThat(unnamed).as("classes with test methods that neither surefire (*Test) nor failsafe (*IT) runs")
        .isEmpty();
  }

  @Test
  void noModuleNarrowsWhatSurefireOrFailsafeRun() throws Exception {
    List<String> narrowing = new ArrayList<>();
    List<Path> poms;
    try (Stream<Path> files = Files.walk(repositoryRoot(), 3)) {
      poms = files.filter(p -> p.getFileName().toString().equals("pom.xml") && !p.toString().contains("/target/"))
          .toList();
    }
    for (Path pom : poms) {
      Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
      NodeList plugins = document.getElementsByTagName("plugin");
      for (int i = 0; i < plugins.getLength(); i++) {
        Element plugin = (Element) plugins.item(i);
        String artifact = text(plugin, "artifactId");
        if (artifact.equals("maven-surefire-plugin") || artifact.equals("maven-failsafe-plugin")) {
          for (String narrowed : List.of("includes", "excludes", "test", "skip", "skipTests", "skipITs",
              "groups", "excludedGroups")) {
            if (plugin.getElementsByTagName(narrowed).getLength() > 0) {
              narrowing.add(repositoryRoot().relativize(pom) + ": " + artifact + " <" + narrowed + ">");
            }
          }
        }
      }
      for (String property : List.of("skipTests", "maven.test.skip", "skipITs")) {
        if (document.getElementsByTagName(property).getLength() > 0) {
          narrowing.add(repositoryRoot().relativize(pom) + ": <" + property + ">");
        }
      }
    }
    assertThat(poms).as("poms found").hasSizeGreaterThan(4);
    assertThat(narrowing).as("configuration that includes, excludes or skips tests").isEmpty();
  }

  private static String text(Element parent, String child) {
    NodeList nodes = parent.getElementsByTagName(child);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }

  /** The detector itself: a misnamed class with a test method is caught. */
  @Test
  void aMisnamedTestClassIsCaught() {
    String source = "class Checks {\n  @Test\n  void holds() {}\n}\n";
    assertThat(TEST_METHOD.matcher(source).find()).isTrue();
    assertThat(RUN_NAME.matcher("Checks.java").matches()).isFalse();
    assertThat(TEST_METHOD.matcher("class Helper {\n  // @Test in a comment\n}\n").find()).isFalse();
  }

  private static List<Path> testSources(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/test/java/")
          && !p.toString().contains("/target/") && !p.toString().contains("/node_modules/")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parent of this module: the directory whose pom lists the modules. */
  private static Path repositoryRoot() {
    Path module = Path.of("").toAbsolutePath();
    return Files.exists(module.resolveSibling("pom.xml")) ? module.getParent() : module;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
