package io.keygate.cli.manage;

import io.grpc.StatusRuntimeException;
import io.keygate.cli.declare.Applier;
import io.keygate.cli.declare.Plan;
import io.keygate.cli.declare.PlanText;
import io.keygate.cli.declare.Step;
import io.keygate.cli.declare.Stubs;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keygate apply -f FILE}: makes the plan's calls through the management API, printing each change once
 * Keygate has made it. The first refusal stops the run and says what was already applied.
 */
@Command(name = "apply",
    description = {"Make Keygate match a tenant described in a YAML file: scopes, roles, principals, settings.",
        "Every change is one management call with $KEYGATE_API_KEY, authorised and audited like any other;",
        "applying the same file again changes nothing."},
    footer = {"", "The file never holds keys or tokens: secrets stay imperative. See docs/cli.md."})
public final class ApplyCommand extends DeclareCommand {
  @Option(names = "--dry-run", description = "Print the plan and change nothing (like keygate diff, exit 0).")
  boolean dryRun;

  @Override
  void use(Plan plan, Stubs stubs) {
    PrintWriter out = out();
    if (dryRun || !plan.hasChanges()) {
      PlanText.print(plan, out);
      if (dryRun) {
        output.note("Dry run: nothing was changed.");
      }
      return;
    }
    List<Step> steps = plan.steps();
    int[] applied = {0};
    try {
      new Applier(stubs).apply(plan, (step, id) -> {
        List<String> lines = PlanText.lines(step);
        for (int i = 0; i < lines.size(); i++) {
          out.println(lines.get(i) + (i == 0 && step.action() == Step.Action.CREATE ? "  [" + id + "]" : ""));
        }
        out.flush();
        applied[0]++;
      });
    } catch (StatusRuntimeException e) {
      exitCode = failed(e.getStatus(), spec.commandLine().getErr());
      Step stopped = steps.get(applied[0]);
      output.note("Stopped at: " + PlanText.lines(stopped).get(0));
      output.note(applied[0] == 0 ? "Nothing was applied."
          : "Applied before it: " + applied[0] + " of " + steps.size() + " steps (printed above); the other "
              + (steps.size() - applied[0]) + " were not made. Fix the cause and apply again: what is done is"
              + " not repeated.");
      return;
    }
    plan.kept().forEach(ref -> out.println(PlanText.kept(ref)));
    out.println("Applied to tenant " + plan.tenant() + ": " + plan.count(Step.Action.CREATE) + " created, "
        + plan.count(Step.Action.UPDATE) + " updated, " + plan.count(Step.Action.DELETE) + " deleted"
        + (plan.kept().isEmpty() ? "" : "; " + plan.kept().size() + " not in file (kept)") + ".");
    out.flush();
  }
}
