package io.keygate.cli.manage;

import io.keygate.cli.KeygateCli;
import io.keygate.cli.declare.Plan;
import io.keygate.cli.declare.PlanText;
import io.keygate.cli.declare.Stubs;
import picocli.CommandLine.Command;

/** {@code keygate diff -f FILE}: what apply would change, with diff(1)'s exit codes. */
@Command(name = "diff",
    description = {"Compare a tenant described in a YAML file with Keygate and print what apply would change.",
        "Reads only; exits 0 when nothing differs, 1 when something would change, 2 on any error."},
    footer = {"", "The file never holds keys or tokens: secrets stay imperative. See docs/cli.md."})
public final class DiffCommand extends DeclareCommand {
  @Override
  void use(Plan plan, Stubs stubs) {
    PlanText.print(plan, out());
    exitCode = plan.hasChanges() ? KeygateCli.EXIT_FAILURE : 0;
  }

  /** Exit 1 means "differs" here, so a refusal is an error like any other: 2. */
  @Override
  int refusedExitCode() {
    return KeygateCli.EXIT_USAGE;
  }
}
