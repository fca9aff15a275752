package io.keygate.decision;

import io.keygate.authz.Reason;
import io.keygate.store.UsageSink;
import java.util.concurrent.CompletionStage;

/**
 * Step 6: an allowed request is tallied for its key's last-used time and request count (in memory;
 * flushed in the background), and answered with the key's identity and the binding limit. A
 * management call is answered without a tally.
 */
final class UsageStep implements Step {
  private final UsageSink usage;

  UsageStep(UsageSink usage) {
    this.usage = usage;
  }

  @Override
  public CompletionStage<Decision> run(Exchange x) {
    if (!x.management) {
      usage.used(x.key, x.now);
    }
    return Step.answer(new Decision(Reason.OK, x.key, x.binding));
  }
}
