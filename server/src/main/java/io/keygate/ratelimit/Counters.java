package io.keygate.ratelimit;

import java.util.List;

/**
 * Where the counts live. {@link #count} is atomic over its limits: either every limit has room and
 * the request is counted in all of them, or at least one enforced limit is full and it is counted in
 * none (a request that is turned away does not use up allowance).
 */
public interface Counters extends AutoCloseable {
  /** The state of each limit, in order, after counting (or refusing) one request. */
  List<LimitStatus> count(List<LimitSpec> limits);

  @Override
  default void close() {}
}
