package io.keygate.decision;

import io.keygate.authz.CredentialRecord;
import io.keygate.authz.TenantPolicy;
import io.keygate.ratelimit.LimitSpec;
import io.keygate.ratelimit.LimitStatus;

/**
 * The counters a decision touches, by client ({@link io.keygate.ratelimit.ClientAddress#client}):
 *
 * <ul>
 *   <li>the <b>tenant's per-IP limit</b> ({@code ip_limit_requests} per {@code ip_limit_window}),
 *       counter {@code ip:<tenant>:<client>}: every request with a credential of the tenant, refused
 *       ones included — that tenant's only, so one tenant's traffic never uses up another's;
 *   <li>the <b>key's per-minute limit</b>, counter {@code key:<id>}: allowed requests;
 *   <li>the deployment's <b>failed-authentication guard</b> ({@code KEYGATE_AUTH_FAILURE_LIMIT} per
 *       {@code KEYGATE_AUTH_FAILURE_WINDOW_SECONDS}), counter {@code authfail:<client>}: every refused
 *       credential counts; a client over it is <em>flagged</em>. Checked without counting before a
 *       lookup, and for a valid key whose tenant lets the guard block valid keys;
 *   <li>the <b>lookups a flagged client may still make</b> ({@code KEYGATE_FLAGGED_LOOKUPS_PER_MINUTE}),
 *       counter {@code flagged:<client>}, so that a valid key can still be recognised while a flood
 *       of unknown ones stays cheap.
 * </ul>
 */
public final class Limits {
  private static final long MINUTE = 60_000;

  /** No guard: failures are not counted. */
  public static final Limits NO_GUARD = new Limits(0, MINUTE, 0);

  private final long failureLimit;
  private final long failureWindowMillis;
  private final long flaggedLookupsPerMinute;

  public Limits(long failureLimit, long failureWindowMillis, long flaggedLookupsPerMinute) {
    this.failureLimit = failureLimit;
    this.failureWindowMillis = failureWindowMillis;
    this.flaggedLookupsPerMinute = flaggedLookupsPerMinute;
  }

  /** Whether the failed-authentication guard is on. */
  boolean guarded() {
    return failureLimit > 0;
  }

  /** Checks, without counting, whether the client is over the guard. */
  LimitSpec guardCheck(String client) {
    return new LimitSpec(LimitStatus.Scope.IP, "authfail:" + client, failureLimit, failureWindowMillis, false, true);
  }

  /** Counts one refused credential (never refuses by itself; {@link #over} tells). */
  LimitSpec failure(String client) {
    return new LimitSpec(LimitStatus.Scope.IP, "authfail:" + client, failureLimit, failureWindowMillis, true);
  }

  /** One lookup of a flagged client; null when flagged clients get none. */
  LimitSpec flaggedLookup(String client) {
    return flaggedLookupsPerMinute == 0 ? null
        : new LimitSpec(LimitStatus.Scope.IP, "flagged:" + client, flaggedLookupsPerMinute, MINUTE, false);
  }

  /** The tenant's per-IP limit for the client; null when the tenant sets none. */
  static LimitSpec tenantIp(TenantPolicy policy, String client) {
    return policy.ipLimitRequests() == 0 ? null : new LimitSpec(LimitStatus.Scope.IP,
        "ip:" + policy.tenantId() + ":" + client, policy.ipLimitRequests(), policy.ipLimitWindowSeconds() * 1000L,
        false, false, policy.exactRateLimits());
  }

  /** The key's per-minute limit; null when it has none. */
  static LimitSpec key(CredentialRecord key, TenantPolicy policy) {
    return key.keyLimitPerMinute() == 0 ? null : new LimitSpec(LimitStatus.Scope.KEY, "key:" + key.apiKeyId(),
        key.keyLimitPerMinute(), MINUTE, !key.keyLimitEnforced(), false, policy.exactRateLimits());
  }

  /** True when a counted failure's status says the client is now over the guard. */
  static boolean over(LimitStatus failures) {
    return failures != null && failures.exceeded();
  }

  /** The guard's status as the refusal reports it (429 with its limit and reset). */
  static LimitStatus refusing(LimitStatus guard) {
    return new LimitStatus(LimitStatus.Scope.IP, guard.limit(), 0, guard.resetSeconds(), guard.windowSeconds(), true,
        false);
  }
}
