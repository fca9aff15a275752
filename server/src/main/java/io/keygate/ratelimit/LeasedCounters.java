package io.keygate.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Shared counters at in-process speed: each sidecar leases slices of a counter's allowance from the
 * {@link LeaseStore} and spends them locally, so most decisions touch no shared store at all.
 *
 * <p><b>Why the fleet never admits more than a limit in any window of its length.</b> The store's
 * counter is a bucketed sliding window (as {@link SlidingWindow}); a lease reserves permits in the
 * bucket that is current in the store's clock, counted there at once. A sidecar spends a permit only
 * while that bucket is still current by its own reckoning — its estimate of the bucket's end is taken
 * from when it <em>sent</em> the lease request, less a margin for the store's whole milliseconds and
 * the two clocks' rates ({@link #spendableNanos}), so it ends the bucket early, never late — and so every
 * admission falls in the bucket that counts it. Hence, at any time and for every bucket, the store
 * holds at least as many requests as were admitted in it, and the store never grants past the limit:
 * admissions in any window ≤ the store's count for it ≤ the limit. Unused permits of an ended bucket
 * are handed back with the next lease of the counter (lowering that bucket's count to what was
 * admitted in it, never below), or lapse with their bucket; either way only allowance is lost, never
 * exactness. Slices shrink as the allowance runs low ({@code lease.lua} grants at most a quarter of
 * what is left, at least one), so the last requests of a window are counted one at a time.
 *
 * <p><b>Locally refused:</b> a counter the store reports full is refused here until its reset time
 * (measured from when the answer arrived: late, never early), without asking again. A counter only
 * checked ({@link LimitSpec#peek}, the failed-authentication guard) is answered from its last reading
 * for up to {@value #SNAPSHOT_MILLIS} ms.
 *
 * <p>All or none, as {@link Counters#count}: a request is admitted only when every limit has a permit
 * here, and then takes one from each. {@link LimitSpec#exact} limits go to {@code exact}, the
 * per-request script on the same counters, with the whole request — as does a request that found
 * no permit left after {@value #ROUNDS} rounds of leasing (others took them), and one in the last
 * moments of a bucket, where a fresh slice could not be spent (this sidecar's unspent permits of
 * that bucket are handed back first, with a lease that asks for none). The price of leasing
 * is allowance, not exactness: a permit reserved by one sidecar and not used before its bucket ends
 * is unavailable to the others until it is handed back — at most a slice per sidecar and counter
 * (twice what its last slice served, at most {@value #MAX_LEASE}), and a quarter of what is left
 * near the limit.
 */
public final class LeasedCounters implements Counters {
  /** The largest slice one lease asks for. */
  static final long MAX_LEASE = 1024;
  /** How long a peeked counter's last reading stands. */
  static final long SNAPSHOT_MILLIS = 1000;
  /** Rounds of leasing one request may wait for before it is refused (permits taken by others meanwhile). */
  private static final int ROUNDS = 3;
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final LeaseStore store;
  private final Counters exact;
  private final LongSupplier nanoTime;
  private final Cache<Key, State> states;

  /**
   * @param exact counts the requests whose limits are {@link LimitSpec#exact}
   * @param nanoTime the monotonic clock leases are timed by (tests move it by hand)
   */
  public LeasedCounters(LeaseStore store, Counters exact, int maxCounters, LongSupplier nanoTime) {
    this.store = store;
    this.exact = exact;
    this.nanoTime = nanoTime;
    this.states = Caffeine.newBuilder().maximumSize(maxCounters).expireAfterAccess(Duration.ofDays(1)).build();
  }

  private record Key(String counter, long windowMillis) {}

  /** What this sidecar knows of one counter. Guarded by the LeasedCounters' lock. */
  private static final class State {
    long bucket = Long.MIN_VALUE;
    long permits;
    long bucketEndNanos;
    /** When the store's bucket ends at the latest: between the two, a slice could not be spent. */
    long storeBucketEndNanos;
    long exhaustedUntilNanos;
    long total;
    long resetMillis;
    long readNanos;
    long usedOfLastGrant;
    long spentInBucket;
    CompletableFuture<Void> leasing;

    /** Nothing known yet: every time past ({@code nanoTime} has an arbitrary origin, maybe negative). */
    State(long now) {
      bucketEndNanos = now;
      storeBucketEndNanos = now;
      exhaustedUntilNanos = now;
      readNanos = now - 2 * SNAPSHOT_MILLIS * 1_000_000;
    }
  }

  @Override
  public List<LimitStatus> count(List<LimitSpec> limits) {
    if (anyExact(limits)) {
      return exact.count(limits);
    }
    try {
      return attempt(limits, 0).toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Null only when an exact limit's backend cannot answer without blocking now (then {@link #count}). */
  @Override
  public CompletionStage<List<LimitStatus>> countAsync(List<LimitSpec> limits) {
    return anyExact(limits) ? exact.countAsync(limits) : attempt(limits, 0);
  }

  private static boolean anyExact(List<LimitSpec> limits) {
    for (LimitSpec spec : limits) {
      if (spec.exact()) {
        return true;
      }
    }
    return false;
  }

  private CompletionStage<List<LimitStatus>> attempt(List<LimitSpec> limits, int round) {
    int n = limits.size();
    State[] state = new State[n];
    List<Integer> lacking = new ArrayList<>(0);
    boolean margin = false;
    List<Integer> leftovers = new ArrayList<>(0);
    synchronized (this) {
      // Read under the lock: never earlier than a time another request stored in a State (its creation's).
      long now = nanoTime.getAsLong();
      boolean refused = false;
      for (int i = 0; i < n; i++) {
        LimitSpec spec = limits.get(i);
        State s = states.get(new Key(spec.counter(), spec.windowMillis()), k -> new State(now));
        state[i] = s;
        boolean full = full(spec, s, now);
        if (full && !spec.informational()) {
          refused = true;
        } else if (lacks(spec, s, now)) {
          lacking.add(i);
          boolean inMargin = !spec.peek() && s.bucketEndNanos - now <= 0 && s.storeBucketEndNanos - now > 0;
          margin |= inMargin;
          if (inMargin && s.permits > 0) {
            leftovers.add(i);
          }
        }
      }
      if (refused || lacking.isEmpty()) {
        return CompletableFuture.completedFuture(statuses(limits, state, !refused, now));
      }
    }
    // In the last moments of a bucket (its margin) a fresh slice could not be spent: this request is counted
    // exactly, once this sidecar's unspent permits of the bucket are handed back (the store counts them).
    if (margin && !leftovers.isEmpty() && round < ROUNDS) {
      CompletableFuture<?>[] returns = new CompletableFuture<?>[leftovers.size()];
      for (int j = 0; j < returns.length; j++) {
        int i = leftovers.get(j);
        returns[j] = lease(limits.get(i), state[i], true);
      }
      return CompletableFuture.allOf(returns).thenCompose(done -> attempt(limits, round + 1));
    }
    if (round >= ROUNDS || margin) {
      // Others took the fresh permits each time: count this one request exactly, as the script does.
      CompletionStage<List<LimitStatus>> counted = exact.countAsync(limits);
      return counted != null ? counted : CompletableFuture.supplyAsync(() -> exact.count(limits));
    }
    CompletableFuture<?>[] leases = new CompletableFuture<?>[lacking.size()];
    for (int j = 0; j < leases.length; j++) {
      int i = lacking.get(j);
      leases[j] = lease(limits.get(i), state[i], false);
    }
    return CompletableFuture.allOf(leases).thenCompose(done -> attempt(limits, round + 1));
  }

  /** Whether {@code s} holds a permit it may spend now. */
  private static boolean holds(State s, long now) {
    return s.permits > 0 && s.bucketEndNanos - now > 0;
  }

  /**
   * Whether the counter is known full for a request now: refused here (an informational limit: not counted).
   * Permits this sidecar holds were counted in the store when leased, so they are spent whatever it says of
   * the rest; a peek reads the store's count, and holds none.
   */
  private static boolean full(LimitSpec spec, State s, long now) {
    return s.exhaustedUntilNanos - now > 0 && (spec.peek() || !holds(s, now));
  }

  /** Whether a request needs a lease of the counter first: no permit to spend, or (a peek) no fresh reading. */
  private static boolean lacks(LimitSpec spec, State s, long now) {
    if (full(spec, s, now)) {
      return false;
    }
    return spec.peek() ? now - s.readNanos > SNAPSHOT_MILLIS * 1_000_000 : !holds(s, now);
  }

  /** Consumes a permit of every counted limit when {@code admit}; the statuses either way. Under the lock. */
  private List<LimitStatus> statuses(List<LimitSpec> limits, State[] state, boolean admit, long now) {
    LimitStatus[] out = new LimitStatus[limits.size()];
    for (int i = 0; i < out.length; i++) {
      LimitSpec spec = limits.get(i);
      State s = state[i];
      if (admit && !spec.peek() && holds(s, now)) {
        s.permits--;
        s.usedOfLastGrant++;
        s.spentInBucket++;
      }
      // What was admitted so far: the store's count less the permits this sidecar could still spend.
      long total = spec.peek() || !holds(s, now) ? s.total : s.total - s.permits;
      if (!admit && !spec.informational() && full(spec, s, now)) {
        total = Math.max(total, spec.limit()); // the limit that refused the request denies it
      }
      long reset = Math.max(0, s.resetMillis - (now - s.readNanos) / 1_000_000);
      out[i] = LimitStatus.of(spec, total, reset, !admit);
    }
    return Arrays.asList(out);
  }

  /**
   * One lease request for {@code s}, shared by every request that needs it meanwhile; none when what it was
   * for is done already (another request's lease answered since this one found the counter lacking), so a
   * sidecar never leases more of a counter it can still spend.
   */
  private CompletableFuture<Void> lease(LimitSpec spec, State s, boolean returnOnly) {
    long want;
    long returned;
    long returnedBucket;
    long sent;
    CompletableFuture<Void> leasing;
    synchronized (this) {
      if (s.leasing != null) {
        return s.leasing;
      }
      long now = nanoTime.getAsLong();
      boolean ended = s.bucketEndNanos - now <= 0;
      if (returnOnly ? !(ended && s.permits > 0) : !lacks(spec, s, now)) {
        return DONE;
      }
      // Twice what the last slice served: doubles while demand outruns it, shrinks when it lapses unused;
      // in a bucket right after a busy one, what that one spent and a quarter more.
      long bucketNanos = Math.max(1, (spec.windowMillis() + 59) / 60) * 1_000_000;
      long previous = ended && now - s.bucketEndNanos < bucketNanos ? s.spentInBucket + s.spentInBucket / 4 : 0;
      want = spec.peek() || returnOnly ? 0
          : Math.min(MAX_LEASE, Math.max(1, Math.max(2 * s.usedOfLastGrant, previous)));
      returned = ended ? s.permits : 0;
      returnedBucket = s.bucket;
      if (returned > 0) {
        s.permits = 0;
      }
      leasing = new CompletableFuture<>();
      s.leasing = leasing;
      sent = now;
    }
    store.lease(spec, want, returned, returnedBucket).whenComplete((grant, error) -> {
      synchronized (this) {
        s.leasing = null;
        if (error == null) {
          apply(s, grant, sent, nanoTime.getAsLong(), spec);
        }
      }
      if (error != null) {
        leasing.completeExceptionally(error);
      } else {
        leasing.complete(null);
      }
    });
    return leasing;
  }

  /** What the store answered, in this sidecar's time: the bucket ends early, the counter stays full late. */
  private static void apply(State s, LeaseStore.Grant grant, long sentNanos, long receivedNanos, LimitSpec spec) {
    if (grant.bucket() != s.bucket) {
      s.permits = 0; // an ended bucket's leftovers were handed back, or lapse
      s.bucket = grant.bucket();
      s.spentInBucket = 0;
    }
    s.permits += grant.granted();
    if (grant.granted() > 0) {
      s.usedOfLastGrant = 0;
    }
    s.bucketEndNanos = sentNanos + spendableNanos(grant.bucketEndMillis());
    s.storeBucketEndNanos = receivedNanos + (grant.bucketEndMillis() + 1 + grant.bucketEndMillis() / 1000) * 1_000_000;
    s.total = grant.total();
    s.resetMillis = grant.resetMillis();
    s.readNanos = receivedNanos;
    boolean full = grant.total() >= spec.limit() && (spec.peek() || grant.granted() == 0);
    s.exhaustedUntilNanos = receivedNanos + (full ? Math.max(1, grant.resetMillis()) * 1_000_000 : 0);
  }

  /**
   * How long after sending a lease request its slice may be spent: the store's time left in the bucket
   * (whole ms, so up to 1 ms too long) less 1 ms, less 1 ms per second for the two clocks' rates.
   */
  static long spendableNanos(long bucketEndMillis) {
    return Math.max(0, bucketEndMillis - 1 - bucketEndMillis / 1000) * 1_000_000;
  }

  /** Counters known here now (approximately). */
  public long size() {
    states.cleanUp();
    return states.estimatedSize();
  }

  @Override
  public void close() {
    exact.close();
  }
}
