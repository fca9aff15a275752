package io.keygate.cli.declare;

import io.keygate.cli.declare.Step.Change;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan as people read it, one line per change:
 *
 * <pre>
 * + create scope "Engineering/Platform" (kind: team, api_access_enabled: false)
 * ~ update role "support": permissions: [conversations:read] -&gt; [conversations:read, conversations:write]
 * - delete service account "old sync"
 *   not in file (kept): role "legacy"
 * </pre>
 */
public final class PlanText {
  private PlanText() {}

  /** The lines of one step: one for a create or a delete, one per changed field for an update. */
  public static List<String> lines(Step step) {
    List<String> lines = new ArrayList<>();
    switch (step.action()) {
      case CREATE -> lines.add("+ create " + step.target() + (step.changes().isEmpty() ? "" : step.changes().stream()
          .map(c -> c.field() + ": " + c.to()).collect(Collectors.joining(", ", " (", ")"))));
      case UPDATE -> {
        for (Change c : step.changes()) {
          lines.add("~ update " + step.target() + ": " + c.field() + ": " + c.from() + " -> " + c.to());
        }
      }
      default -> lines.add("- delete " + step.target());
    }
    return lines;
  }

  public static String kept(Ref ref) {
    return "  not in file (kept): " + ref;
  }

  /** Every step, the objects kept, and a summary line. */
  public static void print(Plan plan, PrintWriter out) {
    plan.steps().forEach(step -> lines(step).forEach(out::println));
    plan.kept().forEach(ref -> out.println(kept(ref)));
    out.println(summary(plan));
    out.flush();
  }

  static String summary(Plan plan) {
    String kept = plan.kept().isEmpty() ? "" : "; " + plan.kept().size() + " not in file (kept; --prune deletes)";
    if (!plan.hasChanges()) {
      return "No changes: tenant " + plan.tenant() + " matches the file" + kept + ".";
    }
    return "Plan for tenant " + plan.tenant() + ": " + plan.count(Step.Action.CREATE) + " to create, "
        + plan.count(Step.Action.UPDATE) + " to update, " + plan.count(Step.Action.DELETE) + " to delete" + kept + ".";
  }
}
