package io.keygate.ratelimit;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where the counts live. {@link #count} is atomic over its limits: either every limit has room and
 * the request is counted in all of them, or at least one enforced limit is full and it is counted in
 * none (a request that is turned away does not use up allowance).
 */
public interface Counters extends AutoCloseable {
  /** The state of each limit, in order, after counting (or refusing) one request. */
  List<LimitStatus> count(List<LimitSpec> limits);

  /**
   * {@link #count} without blocking the calling thread: completes with the statuses, or
   * exceptionally with a {@link io.keygate.KeygateException} of kind UNAVAILABLE. Null when this
   * backend cannot answer without blocking right now (e.g. not connected yet): call {@link #count}.
   */
  default CompletionStage<List<LimitStatus>> countAsync(List<LimitSpec> limits) {
    return null;
  }

  @Override
  default void close() {}
}
