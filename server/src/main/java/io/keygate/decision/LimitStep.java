package io.keygate.decision;

import io.keygate.authz.CredentialRecord;
import io.keygate.authz.Reason;
import io.keygate.authz.TenantPolicy;
import io.keygate.ratelimit.LimitSpec;
import io.keygate.ratelimit.LimitStatus;
import io.keygate.ratelimit.RateLimiter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Step 5: the limits of a found credential, counted in one call to the limiter (one Redis round
 * trip). The tenant's per-IP limit counts every request of the tenant, refused ones too; the key's
 * limit counts allowed requests. A credential the engine refused at authentication (401) counts
 * against the client's failed-authentication guard as well. A valid key from a client over that
 * guard is refused (429) when its tenant lets the guard block valid keys — checked here, in the
 * same call, when the key came from memory.
 */
final class LimitStep implements Step {
  private final RateLimiter limiter;
  private final Limits limits;
  private final FloodGuardStep guard;

  LimitStep(RateLimiter limiter, Limits limits, FloodGuardStep guard) {
    this.limiter = limiter;
    this.limits = limits;
    this.guard = guard;
  }

  @Override
  public CompletionStage<Decision> run(Exchange x) {
    CredentialRecord key = x.key;
    TenantPolicy policy = key.policy();
    boolean refused = x.reason.httpStatus() == 401;
    boolean guardBlocks = !refused && policy.failureGuardBlocksValidKeys() && limits.guarded();
    if (guardBlocks && x.flagged != null) {
      return Step.answer(new Decision(Reason.IP_RATE_LIMITED, null, Limits.refusing(x.flagged)));
    }
    List<LimitSpec> specs = new ArrayList<>(3);
    if (guardBlocks && !x.guardChecked) {
      specs.add(limits.guardCheck(x.client));
    }
    if (!x.management) {
      addIfSet(specs, Limits.tenantIp(policy, x.client));
      if (x.reason == Reason.OK) {
        addIfSet(specs, Limits.key(key, policy));
      }
    }
    if (specs.isEmpty()) {
      return refused ? guard.refuse(x, x.reason) : Step.answerOrNext(after(x, RateLimiter.Outcome.NONE));
    }
    // A refused credential stays refused (and counted) unless its tenant's IP limit is spent.
    return limiter.count(specs).thenCompose(outcome -> refused && !outcome.denies() ? guard.refuse(x, x.reason)
        : Step.answerOrNext(after(x, outcome)));
  }

  /** The answer the limits give, or null (go on) for an allowed request within them. */
  private static Decision after(Exchange x, RateLimiter.Outcome outcome) {
    CredentialRecord identity = x.reason.httpStatus() == 401 ? null : x.key;
    if (outcome.unavailable()) {
      return new Decision(Reason.RATE_LIMITER_UNAVAILABLE, identity, null);
    }
    LimitStatus binding = outcome.binding();
    if (outcome.denies()) {
      return new Decision(binding.scope() == LimitStatus.Scope.IP ? Reason.IP_RATE_LIMITED : Reason.KEY_RATE_LIMITED,
          identity, binding);
    }
    if (x.reason != Reason.OK) {
      return new Decision(x.reason, identity, binding);
    }
    x.binding = binding;
    return null;
  }

  private static void addIfSet(List<LimitSpec> specs, LimitSpec spec) {
    if (spec != null) {
      specs.add(spec);
    }
  }
}
