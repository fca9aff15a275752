package io.keygate.ratelimit;

import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * A simulated network and clock in front of a {@link LeaseModel}: a lease request reaches the store
 * after a random delay, and its answer reaches the sidecar after another (the answer applied later
 * than sent). Events run in time order; the clock jumps to each.
 */
final class LeaseModelNetwork {
  private record Event(long atNanos, long seq, Runnable action) {}

  private final PriorityQueue<Event> events = new PriorityQueue<>(
      (a, b) -> a.atNanos != b.atNanos ? Long.compare(a.atNanos, b.atNanos) : Long.compare(a.seq, b.seq));
  private final Random random;
  private final long maxLatencyNanos;
  private long seq;
  long nowNanos;
  final LeaseModel store = new LeaseModel(() -> nowNanos);

  LeaseModelNetwork(Random random, long maxLatencyNanos) {
    this.random = random;
    this.maxLatencyNanos = maxLatencyNanos;
  }

  long now() {
    return nowNanos;
  }

  void at(long atNanos, Runnable action) {
    events.add(new Event(Math.max(atNanos, nowNanos), seq++, action));
  }

  private long latency() {
    return maxLatencyNanos == 0 ? 0 : (long) (random.nextDouble() * maxLatencyNanos);
  }

  /** The store one sidecar sees: its own latencies on the shared model. */
  LeaseStore sidecarView() {
    return (spec, want, returned, returnedBucket) -> {
      CompletableFuture<LeaseStore.Grant> answer = new CompletableFuture<>();
      at(nowNanos + latency(), () -> {
        LeaseStore.Grant grant = store.grant(spec, want, returned, returnedBucket);
        at(nowNanos + latency(), () -> answer.complete(grant));
      });
      return answer;
    };
  }

  /** Runs every event up to {@code untilNanos} (bounded: at most {@code maxEvents}). */
  void runUntil(long untilNanos, int maxEvents) {
    for (int i = 0; i < maxEvents && !events.isEmpty() && events.peek().atNanos <= untilNanos; i++) {
      Event e = events.poll();
      nowNanos = e.atNanos;
      e.action.run();
    }
    if (!events.isEmpty() && events.peek().atNanos <= untilNanos) {
      throw new AssertionError("more than " + maxEvents + " events");
    }
    nowNanos = Math.max(nowNanos, untilNanos);
  }

  boolean idle() {
    return events.isEmpty();
  }
}
