package io.keygate.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sidecars ({@link LeasedCounters}) called by several threads at once, as gRPC calls them, with the
 * store's answers arriving on each sidecar's own thread, as Lettuce delivers them: the interleavings
 * the single-threaded simulation of {@link LeasedCountersPropertiesTest} cannot produce (a request that
 * found a counter lacking and leases it after another's lease answered; a counter created by one
 * request while another waited for the lock). The store is a {@link LeaseModel} run on one thread of its
 * own, like Redis; every clock is the real monotonic one, so that the threads interleave as they do in
 * production (nothing waits on it: a trial lasts milliseconds, well inside one window).
 */
class LeasedCountersConcurrencyTest {
  private static final int SIDECARS = 3;
  private static final int THREADS_PER_SIDECAR = 3;
  private static final int REQUESTS_PER_THREAD = 20;
  private static final int KEY_LIMIT = 25;

  private final ExecutorService redis = Executors.newSingleThreadExecutor();
  private final List<ExecutorService> eventLoops = new ArrayList<>();
  private final ExecutorService callers = Executors.newFixedThreadPool(SIDECARS * THREADS_PER_SIDECAR);
  private final LeaseModel model = new LeaseModel(System::nanoTime);

  @AfterEach
  void stop() {
    redis.shutdownNow();
    eventLoops.forEach(ExecutorService::shutdownNow);
    callers.shutdownNow();
  }

  /** The model behind a network: run on Redis's thread, answered on the sidecar's event loop. */
  private final class Remote implements LeaseStore, Counters {
    private final ExecutorService eventLoop = Executors.newSingleThreadExecutor();

    Remote() {
      eventLoops.add(eventLoop);
    }

    @Override
    public CompletionStage<Grant> lease(LimitSpec spec, long want, long returned, long returnedBucket) {
      return CompletableFuture.supplyAsync(() -> model.grant(spec, want, returned, returnedBucket), redis)
          .thenApplyAsync(grant -> grant, eventLoop);
    }

    @Override
    public List<LimitStatus> count(List<LimitSpec> limits) {
      return countAsync(limits).toCompletableFuture().join();
    }

    @Override
    public CompletionStage<List<LimitStatus>> countAsync(List<LimitSpec> limits) {
      return CompletableFuture.supplyAsync(() -> model.count(limits), redis)
          .thenApplyAsync(statuses -> statuses, eventLoop);
    }

    @Override
    public void close() {}
  }

  @Test
  void concurrentRequestsOnSeveralSidecarsNeverPassTheLimitAndEveryRefusalDenies() throws Exception {
    List<LeasedCounters> fleet = new ArrayList<>();
    for (int i = 0; i < SIDECARS; i++) {
      Remote remote = new Remote();
      fleet.add(new LeasedCounters(remote, remote, 10_000, System::nanoTime));
    }
    int exactTrials = 0;
    for (int trial = 0; trial < 100; trial++) {
      String key = "key:k" + trial;
      long bucket = bucketNow();
      AtomicInteger admitted = new AtomicInteger();
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < SIDECARS; s++) {
        LeasedCounters sidecar = fleet.get(s);
        for (int t = 0; t < THREADS_PER_SIDECAR; t++) {
          String ip = "ip:t:" + trial + ":" + s + ":" + t; // each thread its own client, far from its limit
          running.add(callers.submit(() -> {
            for (int r = 0; r < REQUESTS_PER_THREAD; r++) {
              List<LimitStatus> statuses = sidecar.countAsync(List.of(
                  new LimitSpec(LimitStatus.Scope.IP, ip, 100, 60_000, false),
                  new LimitSpec(LimitStatus.Scope.KEY, key, KEY_LIMIT, 60_000, false))).toCompletableFuture().join();
              if (statuses.stream().noneMatch(LimitStatus::denies)) {
                admitted.incrementAndGet();
              }
            }
            return null;
          }));
        }
      }
      for (Future<?> f : running) {
        f.get();
      }
      String what = String.format("trial %d: %d requests against a limit of %d", trial,
          SIDECARS * THREADS_PER_SIDECAR * REQUESTS_PER_THREAD, KEY_LIMIT);
      assertThat(admitted.get()).as(what).isBetween(1, KEY_LIMIT);
      if (bucketNow() == bucket) {
        // Inside one bucket the allowance is all spent; across a boundary a sidecar may end holding part of a
        // slice of the new bucket (fewer admitted, never more: docs/rate-limiting.md).
        assertThat(admitted.get()).as(what + ", inside one bucket").isEqualTo(KEY_LIMIT);
        exactTrials++;
      }
    }
    assertThat(exactTrials).as("trials inside one bucket (a trial lasts milliseconds, a bucket 1 s)")
        .isGreaterThan(50);
  }

  /** The store's bucket of a one-minute counter now (the model's clock is the monotonic one, in ms). */
  private static long bucketNow() {
    return Math.floorDiv(System.nanoTime() / 1_000_000, SlidingWindow.bucketMillis(60_000));
  }
}
