package io.keygate.ratelimit;

import io.keygate.KeygateException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate limiter on a {@link Counters} backend, with its failure mode. The limits themselves — which
 * counters a request touches — are the decision's ({@code io.keygate.decision.Limits}).
 *
 * <p>When the backend fails: fail-open counts in {@code fallback} (in-process) and reports
 * degraded; fail-closed answers {@link Outcome#unavailable()}. Failures are counted. After a
 * failure the backend is not asked again for {@value #BREAK_MILLIS} ms — the failure mode answers at
 * once — so a hung Redis costs a decision at most one command timeout, not one per request, and the
 * next request after the pause probes it again. A backend that cannot count without blocking right
 * now ({@link Counters#countAsync} null) is asked on {@code blocking}.
 */
public final class WindowedRateLimiter implements RateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(WindowedRateLimiter.class);
  /** How long the backend is left alone after it failed. */
  static final long BREAK_MILLIS = 1_000;

  private final Counters counters;
  private final Counters fallback;
  private final boolean failOpen;
  private final Executor blocking;
  private final AtomicLong errors = new AtomicLong();
  private final LongSupplier nanoTime;
  private volatile boolean degraded;
  private volatile long askAgainAtNanos;
  private volatile Throwable lastFailure;

  public WindowedRateLimiter(Counters counters, Counters fallback, boolean failOpen, Executor blocking) {
    this(counters, fallback, failOpen, blocking, System::nanoTime);
  }

  /** As above, with the pause after a failure timed by {@code nanoTime} (tests move it by hand). */
  public WindowedRateLimiter(Counters counters, Counters fallback, boolean failOpen, Executor blocking,
      LongSupplier nanoTime) {
    this.counters = counters;
    this.fallback = fallback;
    this.failOpen = failOpen;
    this.blocking = blocking;
    this.nanoTime = nanoTime;
  }

  @Override
  public CompletionStage<Outcome> count(List<LimitSpec> limits) {
    if (limits.isEmpty()) {
      return CompletableFuture.completedFuture(Outcome.NONE);
    }
    if (resting()) {
      return CompletableFuture.completedFuture(failed(limits, lastFailure, false));
    }
    CompletionStage<List<LimitStatus>> counted = counters.countAsync(limits);
    if (counted == null) {
      try {
        return CompletableFuture.supplyAsync(() -> countBlocking(limits), blocking);
      } catch (RejectedExecutionException e) {
        return CompletableFuture.failedFuture(new KeygateException(KeygateException.Kind.RESOURCE_EXHAUSTED,
            "keygate is overloaded; retry with backoff").because("OVERLOADED"));
      }
    }
    return counted.handle((statuses, error) -> error == null ? counted(limits, statuses)
        : failed(limits, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error,
            true));
  }

  private Outcome countBlocking(List<LimitSpec> limits) {
    List<LimitStatus> statuses;
    try {
      statuses = counters.count(limits);
    } catch (KeygateException e) {
      return failed(limits, e, true);
    }
    return counted(limits, statuses);
  }

  /** Backend failures since start (each one answered by the failure mode). */
  public long errors() {
    return errors.get();
  }

  /** True while the backend is failing and fail-open counts in-process. */
  public boolean degraded() {
    return degraded;
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
      return Outcome.UNAVAILABLE;
    }
    return new Outcome(binding(limits, fallback.count(limits)), false);
  }

  /**
   * The binding limit: one that denies, else the enforced one with the least room, else the one with
   * the least room. A counter only checked ({@link LimitSpec#peek}) binds only when it refuses.
   */
  static LimitStatus binding(List<LimitSpec> limits, List<LimitStatus> statuses) {
    LimitStatus best = null;
    for (int i = 0; i < statuses.size(); i++) {
      if (!limits.get(i).peek() || statuses.get(i).denies()) {
        best = LimitStatus.tighter(best, statuses.get(i));
      }
    }
    return best;
  }
}
