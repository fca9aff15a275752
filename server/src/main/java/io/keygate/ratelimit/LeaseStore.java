package io.keygate.ratelimit;

import java.util.concurrent.CompletionStage;

/**
 * Where a sidecar leases slices of a shared counter's allowance: Redis ({@code lease.lua}). A
 * lease is counted in the store at once, as if its requests had been made.
 */
public interface LeaseStore {
  /**
   * What the store answered.
   *
   * @param granted permits reserved in {@code bucket} for this sidecar to spend (0 when the counter is full)
   * @param total the counter's total over its window, the grant included
   * @param resetMillis until one more request fits (when full), else until the oldest counted one leaves
   * @param bucketEndMillis until {@code bucket} ends: the grant may be spent only before then
   * @param bucket the index of the current bucket
   */
  record Grant(long granted, long total, long resetMillis, long bucketEndMillis, long bucket) {}

  /**
   * Reserves up to {@code want} permits of {@code spec}'s counter in its current bucket ({@code want}
   * 0: only reads it), after giving back {@code returned} unused permits reserved in
   * {@code returnedBucket}. Completes exceptionally (UNAVAILABLE) when the store cannot answer.
   */
  CompletionStage<Grant> lease(LimitSpec spec, long want, long returned, long returnedBucket);
}
