package io.keygate;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point down only, and packages form no cycle. The layers, top first: a package may
 * use its own layer and those below it, never one above. Ports (the interfaces a lower layer needs
 * from an upper one: {@code store.CredentialStore}, {@code store.ChangeListener},
 * {@code store.UsageSink}, {@code ratelimit.Counters}) live in the lower layer.
 */
class ArchitectureTest {
  /** Top first; a prefix covers its sub-packages unless a longer prefix names them. */
  static final List<String> LAYERS = List.of(
      "io.keygate.cli",
      "io.keygate.server",
      "io.keygate.fleet",
      "io.keygate.config",
      "io.keygate.transport",
      "io.keygate.telemetry",
      "io.keygate.manage",
      "io.keygate.decision",
      "io.keygate.cache",
      "io.keygate.store.postgres",
      "io.keygate.store",
      "io.keygate.ratelimit",
      "io.keygate.authz",
      "io.keygate.keys",
      "io.keygate");

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.keygate");

  @Test
  void everyPackageHasALayer() {
    List<String> unplaced = new ArrayList<>();
    for (JavaClass c : CLASSES) {
      if (!c.getPackageName().startsWith("io.keygate.v1") && layer(c.getPackageName()) < 0) {
        unplaced.add(c.getPackageName());
      }
    }
    assertThat(unplaced).isEmpty();
  }

  @Test
  void dependenciesPointDownOnly() {
    TreeSet<String> upward = new TreeSet<>();
    for (JavaClass c : CLASSES) {
      int from = layer(c.getPackageName());
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String target = d.getTargetClass().getPackageName();
        int to = layer(target);
        if (from >= 0 && to >= 0 && to < from) {
          upward.add(c.getPackageName() + " -> " + target + " (" + c.getSimpleName() + " uses "
              + d.getTargetClass().getSimpleName() + ")");
        }
      }
    }
    assertThat(upward).as("dependencies on a layer above").isEmpty();
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching("io.keygate.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  /** The index of the layer {@code pkg} belongs to (the longest matching prefix), or -1. */
  static int layer(String pkg) {
    int best = -1;
    int bestLength = -1;
    for (int i = 0; i < LAYERS.size(); i++) {
      String prefix = LAYERS.get(i);
      if ((pkg.equals(prefix) || pkg.startsWith(prefix + ".")) && prefix.length() > bestLength) {
        best = i;
        bestLength = prefix.length();
      }
    }
    return best;
  }
}
