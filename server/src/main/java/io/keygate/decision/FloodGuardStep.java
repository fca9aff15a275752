package io.keygate.decision;

import io.keygate.authz.CredentialRecord;
import io.keygate.authz.Reason;
import io.keygate.ratelimit.LimitSpec;
import io.keygate.ratelimit.RateLimiter;
import io.keygate.store.CredentialStore;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Step 2, the deployment's protection before any lookup: a credential refused by its shape, or one
 * memory knows to be unknown, counts against the client's failed-authentication guard and is
 * answered at once (401, or 429 once the client is over the guard); a credential memory holds goes on
 * without I/O; any other is looked up only if the client is under the guard, or, when it is over it,
 * within the few lookups a flagged client may still make ({@link Limits}). So a flood of malformed,
 * repeated or random credentials never reaches the database more than a few times a minute per
 * client, while a valid key can still be recognised — its tenant decides whether the guard blocks it
 * ({@link LimitStep}).
 */
final class FloodGuardStep implements Step {
  private final CredentialStore store;
  private final RateLimiter limiter;
  private final Limits limits;

  FloodGuardStep(CredentialStore store, RateLimiter limiter, Limits limits) {
    this.store = store;
    this.limiter = limiter;
    this.limits = limits;
  }

  @Override
  public CompletionStage<Decision> run(Exchange x) {
    if (x.refusal != null) {
      return refuse(x, x.refusal);
    }
    CredentialRecord cached = store.peek(x.digest);
    if (cached != null) {
      x.key = cached;
      return NEXT;
    }
    if (store.knownUnknown(x.digest)) {
      return refuse(x, Reason.CREDENTIAL_UNKNOWN);
    }
    if (!limits.guarded()) {
      return NEXT;
    }
    x.guardChecked = true;
    return limiter.count(List.of(limits.guardCheck(x.client))).thenCompose(guard -> {
      if (guard.unavailable()) {
        return Step.answer(Decision.refuse(Reason.RATE_LIMITER_UNAVAILABLE, null));
      }
      if (!guard.denies()) {
        return NEXT;
      }
      x.flagged = guard.binding();
      Decision refused = Decision.refuse(Reason.IP_RATE_LIMITED, Limits.refusing(x.flagged));
      LimitSpec lookup = limits.flaggedLookup(x.client);
      if (lookup == null) {
        return Step.answer(refused);
      }
      return limiter.count(List.of(lookup)).thenApply(budget -> budget.denies() || budget.unavailable() ? refused
          : null);
    });
  }

  /**
   * The refusal {@code reason} of a credential that was sent (401), counted against the client's
   * guard; 429 instead once the client is over it.
   */
  CompletionStage<Decision> refuse(Exchange x, Reason reason) {
    Decision refusal = Decision.refuse(reason, null);
    if (!limits.guarded()) {
      return Step.answer(refusal);
    }
    return limiter.count(List.of(limits.failure(x.client))).thenApply(counted -> Limits.over(counted.binding())
        ? Decision.refuse(Reason.IP_RATE_LIMITED, Limits.refusing(counted.binding())) : refusal);
  }
}
