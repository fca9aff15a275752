package io.keygate.ratelimit;

import io.keygate.KeygateException;
import io.keygate.authz.CredentialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits of SPEC § Tenant settings on a {@link Counters} backend:
 *
 * <ul>
 *   <li>deployment-wide per-IP limit ({@code KEYGATE_IP_LIMIT_REQUESTS} per
 *       {@code KEYGATE_IP_LIMIT_WINDOW_SECONDS}, default 1000 per 15 min), counted for every request,
 *       failed authentications included, before the key is looked up; the counter is per IP, so
 *       more keys never raise an IP's allowance;
 *   <li>the tenant's per-IP limit, in its own counter, when the tenant's setting differs from the
 *       deployment's (with the default settings they are one and the same counter);
 *   <li>the key's per-minute limit (the key's own, else the tenant's), {@code enforced} or
 *       {@code informational};
 *   <li>the failed-authentication guard ({@code KEYGATE_AUTH_FAILURE_LIMIT} per
 *       {@code KEYGATE_AUTH_FAILURE_WINDOW_SECONDS}, default 100 per 15 min): failures are counted
 *       by {@link #countFailure}; every request checks (without counting) that its IP is under it, in
 *       the same round trip as the IP limit. So guessing keys from one IP stops long before the IP
 *       limit would, for valid keys too, while normal traffic never touches it.
 * </ul>
 *
 * <p>Clients are counted as {@link ClientAddress#client}: an IPv6 address as its /64, a request
 * without a usable address as {@value ClientAddress#UNKNOWN}.
 *
 * <p>When the backend fails: fail-open counts in {@code fallback} (in-process) and reports
 * degraded; fail-closed answers {@link Outcome#unavailable()}. Failures are counted. After a
 * failure the backend is not asked again for {@value #BREAK_MILLIS} ms — the failure mode answers at
 * once — so a hung Redis costs a decision at most one command timeout, not one per limit it counts,
 * and the next request after the pause probes it again.
 */
public final class WindowedRateLimiter implements RateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(WindowedRateLimiter.class);
  private static final long MINUTE = 60_000;
  /** How long the backend is left alone after it failed. */
  static final long BREAK_MILLIS = 1_000;

  private final Counters counters;
  private final Counters fallback;
  private final boolean failOpen;
  private final long ipLimit;
  private final long ipWindowMillis;
  private final long failureLimit;
  private final long failureWindowMillis;
  private final AtomicLong errors = new AtomicLong();
  private final LongSupplier nanoTime;
  private volatile boolean degraded;
  private volatile long askAgainAtNanos;
  private volatile Throwable lastFailure;

  public WindowedRateLimiter(Counters counters, Counters fallback, boolean failOpen, long ipLimit,
      long ipWindowMillis) {
    this(counters, fallback, failOpen, ipLimit, ipWindowMillis, 0, 60_000);
  }

  public WindowedRateLimiter(Counters counters, Counters fallback, boolean failOpen, long ipLimit,
      long ipWindowMillis, long failureLimit, long failureWindowMillis) {
    this(counters, fallback, failOpen, ipLimit, ipWindowMillis, failureLimit, failureWindowMillis, System::nanoTime);
  }

  /** As above, with the pause after a failure timed by {@code nanoTime} (tests move it by hand). */
  public WindowedRateLimiter(Counters counters, Counters fallback, boolean failOpen, long ipLimit,
      long ipWindowMillis, long failureLimit, long failureWindowMillis, LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.counters = counters;
    this.fallback = fallback;
    this.failOpen = failOpen;
    this.ipLimit = ipLimit;
    this.ipWindowMillis = ipWindowMillis;
    this.failureLimit = failureLimit;
    this.failureWindowMillis = failureWindowMillis;
  }

  @Override
  public Outcome countIp(String clientIp) {
    List<LimitSpec> limits = new ArrayList<>(2);
    if (ipLimit > 0) {
      limits.add(deploymentIp(clientIp));
    }
    if (failureLimit > 0) {
      limits.add(failureGuard(clientIp, true));
    }
    return limits.isEmpty() ? Outcome.NONE : count(limits);
  }

  @Override
  public void countFailure(String clientIp) {
    if (failureLimit > 0) {
      count(List.of(failureGuard(clientIp, false)));
    }
  }

  @Override
  public Outcome checkFailures(String clientIp) {
    return failureLimit > 0 ? count(List.of(failureGuard(clientIp, true))) : Outcome.NONE;
  }

  @Override
  public Outcome countKey(CredentialRecord key, String clientIp, boolean ipCounted, boolean allowed) {
    List<LimitSpec> limits = keyLimits(key, clientIp, ipCounted, allowed);
    return limits.isEmpty() ? Outcome.NONE : count(limits);
  }

  @Override
  public CompletionStage<Outcome> countKeyAsync(CredentialRecord key, String clientIp, boolean ipCounted,
      boolean allowed) {
    List<LimitSpec> limits = keyLimits(key, clientIp, ipCounted, allowed);
    if (limits.isEmpty()) {
      return CompletableFuture.completedFuture(Outcome.NONE);
    }
    if (resting()) {
      return CompletableFuture.completedFuture(failed(limits, lastFailure, false));
    }
    CompletionStage<List<LimitStatus>> counted = counters.countAsync(limits);
    if (counted == null) {
      return null;
    }
    return counted.handle((statuses, error) -> error == null ? counted(limits, statuses)
        : failed(limits, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error,
            true));
  }

  private List<LimitSpec> keyLimits(CredentialRecord key, String clientIp, boolean ipCounted, boolean allowed) {
    List<LimitSpec> limits = new ArrayList<>(3);
    long tenantLimit = key.policy().ipLimitRequests();
    long tenantWindow = key.policy().ipLimitWindowSeconds() * 1000L;
    boolean sameAsDeployment = tenantLimit == ipLimit && tenantWindow == ipWindowMillis;
    if (!ipCounted && ipLimit > 0) {
      limits.add(deploymentIp(clientIp));
    }
    if (!ipCounted && failureLimit > 0) {
      limits.add(failureGuard(clientIp, true));
    }
    if (tenantLimit > 0 && !sameAsDeployment) {
      limits.add(new LimitSpec(LimitStatus.Scope.IP, "ip:" + key.tenantId() + ":" + ClientAddress.client(clientIp),
          tenantLimit, tenantWindow, false));
    }
    if (allowed && key.keyLimitPerMinute() > 0) {
      limits.add(new LimitSpec(LimitStatus.Scope.KEY, "key:" + key.apiKeyId(), key.keyLimitPerMinute(), MINUTE,
          !key.keyLimitEnforced()));
    }
    return limits;
  }

  /** Backend failures since start (each one answered by the failure mode). */
  public long errors() {
    return errors.get();
  }

  /** True while the backend is failing and fail-open counts in-process. */
  public boolean degraded() {
    return degraded;
  }

  /** Checked (peek) on every request; counted (informational: never refuses) on each failure. */
  private LimitSpec failureGuard(String clientIp, boolean check) {
    return new LimitSpec(LimitStatus.Scope.IP, "authfail:" + ClientAddress.client(clientIp), failureLimit,
        failureWindowMillis, !check, check);
  }

  private LimitSpec deploymentIp(String clientIp) {
    return new LimitSpec(LimitStatus.Scope.IP, "ip:" + ClientAddress.client(clientIp), ipLimit, ipWindowMillis,
        false);
  }

  private Outcome count(List<LimitSpec> limits) {
    if (resting()) {
      return failed(limits, lastFailure, false);
    }
    List<LimitStatus> statuses;
    try {
      statuses = counters.count(limits);
    } catch (KeygateException e) {
      return failed(limits, e, true);
    }
    return counted(limits, statuses);
  }

  /** True during the pause after a failure: the backend is not asked. */
  private boolean resting() {
    return degraded && nanoTime.getAsLong() - askAgainAtNanos < 0;
  }

  private Outcome counted(List<LimitSpec> limits, List<LimitStatus> statuses) {
    if (degraded) {
      degraded = false;
      LOG.info("rate-limit store is back; counting there again");
    }
    return new Outcome(binding(limits, statuses), false);
  }

  /**
   * The failure mode: fail-open counts in this process, fail-closed answers unavailable. {@code asked}:
   * the backend was asked and failed (counted, and it is left alone for a while); otherwise it was
   * not asked, during that pause.
   */
  private Outcome failed(List<LimitSpec> limits, Throwable error, boolean asked) {
    if (asked) {
      errors.incrementAndGet();
      lastFailure = error;
      askAgainAtNanos = nanoTime.getAsLong() + BREAK_MILLIS * 1_000_000;
      if (!degraded) {
        LOG.warn("rate-limit store failed ({}); {}", error.getMessage(), failOpen
            ? "fail-open: counting in this sidecar only until it is back"
            : "fail-closed: denying requests until it is back");
      }
    }
    degraded = true;
    if (!failOpen) {
      return new Outcome(null, true);
    }
    return new Outcome(binding(limits, fallback.count(limits)), false);
  }

  /** The binding limit; a guard that was only checked binds only when it refuses. */
  static LimitStatus binding(List<LimitSpec> limits, List<LimitStatus> statuses) {
    List<LimitStatus> candidates = new ArrayList<>(statuses.size());
    for (int i = 0; i < statuses.size(); i++) {
      if (!limits.get(i).peek() || statuses.get(i).denies()) {
        candidates.add(statuses.get(i));
      }
    }
    return binding(candidates);
  }

  /** The limit that denies, else the enforced one with the least room, else the one with the least room. */
  static LimitStatus binding(List<LimitStatus> statuses) {
    LimitStatus best = null;
    for (LimitStatus s : statuses) {
      best = LimitStatus.tighter(best, s);
    }
    return best;
  }
}
