package io.keygate.ratelimit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * An in-memory model of the Redis store for tests: {@code lease.lua} ({@link #lease}) and
 * {@code sliding_window.lua} ({@link #count}) on the same bucketed counters, on a clock the test moves.
 * Answers at once; {@link LeaseModelNetwork} puts latency in front of it.
 */
final class LeaseModel implements LeaseStore, Counters {
  private static final int BUCKETS = 60;
  private static final int FAN = 4;

  private final LongSupplier nanoTime;
  private final Map<String, TreeMap<Long, Long>> counters = new HashMap<>();
  final List<String> calls = new ArrayList<>();
  long leases;
  long exactCounts;
  RuntimeException failure;

  LeaseModel(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  private long now() {
    return Math.floorDiv(nanoTime.getAsLong(), 1_000_000);
  }

  private static long size(LimitSpec spec) {
    return Math.max(1, (spec.windowMillis() + BUCKETS - 1) / BUCKETS);
  }

  /** The live buckets of a counter, older ones dropped. */
  private TreeMap<Long, Long> live(LimitSpec spec, long current) {
    TreeMap<Long, Long> buckets = counters.computeIfAbsent(spec.counter() + ":" + spec.windowMillis(),
        k -> new TreeMap<>());
    buckets.headMap(current - BUCKETS).clear();
    return buckets;
  }

  private static long total(TreeMap<Long, Long> buckets) {
    return buckets.values().stream().mapToLong(Long::longValue).sum();
  }

  private static long reset(TreeMap<Long, Long> buckets, long total, long limit, long size, long now) {
    long need = total - limit + 1;
    long dropped = 0;
    for (Map.Entry<Long, Long> b : buckets.entrySet()) {
      dropped += b.getValue();
      if (need <= 0 || dropped >= need) {
        return Math.max(0, (b.getKey() + BUCKETS + 1) * size - now);
      }
    }
    return 0;
  }

  /** What the store's counter holds now (the test's view of Redis). */
  long stored(LimitSpec spec) {
    long current = Math.floorDiv(now(), size(spec));
    return total(live(spec, current));
  }

  @Override
  public CompletionStage<Grant> lease(LimitSpec spec, long want, long returned, long returnedBucket) {
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    return CompletableFuture.completedFuture(grant(spec, want, returned, returnedBucket));
  }

  /** lease.lua. */
  Grant grant(LimitSpec spec, long want, long returned, long returnedBucket) {
    leases++;
    calls.add(spec.counter() + " want=" + want + " returned=" + returned);
    long now = now();
    long size = size(spec);
    long current = Math.floorDiv(now, size);
    TreeMap<Long, Long> buckets = live(spec, current);
    if (returned > 0 && buckets.containsKey(returnedBucket)) {
      buckets.merge(returnedBucket, -Math.min(returned, buckets.get(returnedBucket)), Long::sum);
    }
    long total = total(buckets);
    long granted = 0;
    if (want > 0 && total < spec.limit()) {
      granted = Math.min(want, Math.max(1, (spec.limit() - total + FAN - 1) / FAN));
      buckets.merge(current, granted, Long::sum);
      total += granted;
    }
    return new Grant(granted, total, reset(buckets, total, spec.limit(), size, now), (current + 1) * size - now,
        current);
  }

  /** sliding_window.lua: one request, all or none. */
  @Override
  public List<LimitStatus> count(List<LimitSpec> limits) {
    if (failure != null) {
      throw failure;
    }
    exactCounts++;
    long now = now();
    boolean refused = false;
    List<TreeMap<Long, Long>> all = new ArrayList<>();
    for (LimitSpec spec : limits) {
      TreeMap<Long, Long> buckets = live(spec, Math.floorDiv(now, size(spec)));
      all.add(buckets);
      refused |= !spec.informational() && total(buckets) + 1 > spec.limit();
    }
    List<LimitStatus> out = new ArrayList<>();
    for (int i = 0; i < limits.size(); i++) {
      LimitSpec spec = limits.get(i);
      if (!refused && !spec.peek()) {
        all.get(i).merge(Math.floorDiv(now, size(spec)), 1L, Long::sum);
      }
      long total = total(all.get(i));
      out.add(LimitStatus.of(spec, total, reset(all.get(i), total, spec.limit(), size(spec), now), refused));
    }
    return out;
  }

  @Override
  public CompletionStage<List<LimitStatus>> countAsync(List<LimitSpec> limits) {
    try {
      return CompletableFuture.completedFuture(count(limits));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
