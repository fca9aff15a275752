package io.keygate.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The real embedded Helm (helm-java) run on the chart under {@code helm/keygate}, and its output parsed. */
final class Charts {
  static final Path CHART = Path.of(System.getProperty("keygate.chart", "keygate")).toAbsolutePath();
  static final String RELEASE = "kg";
  static final String NAMESPACE = "edge";
  static final String KUBE_VERSION = "1.30.0";

  private Charts() {}

  static Path resource(String name) {
    try {
      return Path.of(Objects.requireNonNull(Charts.class.getResource("/" + name), name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code helm template} of {@code chart} with the given values files; throws when Helm refuses. */
  static Rendered templateChart(Path chart, Path... valuesFiles) {
    var command = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE)
        .withKubeVersion(KUBE_VERSION);
    for (Path file : valuesFiles) {
      command = command.withValuesFile(file);
    }
    return new Rendered(command.call());
  }

  static Rendered template(Path... valuesFiles) {
    return templateChart(CHART, valuesFiles);
  }

  /**
   * {@code helm lint --strict}. helm-java's lint takes no values file, so a non-default values file is
   * merged into the chart's values.yaml in a copy of the chart.
   */
  static LintResult lint(Path valuesFile, Path workDir) {
    Path chart = CHART;
    if (valuesFile != null) {
      chart = copy(CHART, workDir.resolve("keygate"));
      Map<String, Object> merged = deepMerge(load(chart.resolve("values.yaml")), load(valuesFile));
      write(chart.resolve("values.yaml"), new Yaml().dump(merged));
    }
    return new Helm(chart).lint().strict().call();
  }

  /**
   * helm-java's template and dry-run install return the manifest without hooks, so the migration Job
   * (a hook) is rendered from a copy of the chart whose {@code helm.sh/hook*} annotation keys are renamed
   * to {@code test.keygate.io/hook*}: Helm then treats it as an ordinary manifest and the test reads the
   * annotations under the renamed keys.
   */
  static Rendered templateWithHooks(Path workDir, Path... valuesFiles) {
    Path chart = copy(CHART, workDir.resolve("keygate-hooks"));
    try (Stream<Path> files = Files.list(chart.resolve("templates"))) {
      for (Path file : files.toList()) {
        String text = Files.readString(file);
        if (text.contains("helm.sh/hook")) {
          Files.writeString(file, text.replace("helm.sh/hook", HOOK_PREFIX));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return templateChart(chart, valuesFiles);
  }

  static final String HOOK_PREFIX = "test.keygate.io/hook";

  /** The test application chart with this chart unpacked as its subchart, in {@code workDir}. */
  static Path applicationChart(Path workDir) {
    Path app = copy(resource("app-chart"), workDir.resolve("demo-app"));
    copy(CHART, app.resolve("charts").resolve("keygate"));
    return app;
  }

  static Map<String, Object> load(Path file) {
    try {
      return yaml().load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Map<String, Object>> loadAll(String text) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : yaml().loadAll(text)) {
      if (document != null) {
        documents.add(map(document));
      }
    }
    return documents;
  }

  static Yaml yaml() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  /** {@code at(doc, "spec", "template", "spec")}: the nested map at that path, or null. */
  static Object at(Object root, String... path) {
    Object current = root;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }

  static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    over.forEach((key, value) -> {
      if (value instanceof Map<?, ?> && out.get(key) instanceof Map<?, ?>) {
        out.put(key, deepMerge(map(out.get(key)), map(value)));
      } else {
        out.put(key, value);
      }
    });
    return out;
  }

  private static Path copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The documents of one {@code helm template} run. */
  record Rendered(String text, List<Map<String, Object>> documents) {
    Rendered(String text) {
      this(text, loadAll(text));
    }

    List<Map<String, Object>> ofKind(String kind) {
      return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Map<String, Object> one(String kind, String name) {
      return documents.stream()
          .filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in:\n" + text));
    }

    boolean has(String kind) {
      return !ofKind(kind).isEmpty();
    }
  }
}
