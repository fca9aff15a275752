package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.v1.Reason;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a concurrent burst against a shared key limit must show, leased or counted exactly. */
final class LimitBursts {
  private static final Logger LOG = LoggerFactory.getLogger(LimitBursts.class);

  private LimitBursts() {}

  /** {@link #assertLimitHeld(Map, Reason, int, int, boolean)} for a key's limit. */
  static boolean assertLimitHeld(Map<Reason, Integer> reasons, int limit, int offered, boolean exactly) {
    return assertLimitHeld(reasons, Reason.REASON_KEY_RATE_LIMITED, limit, offered, exactly);
  }

  /**
   * A burst of {@code offered} requests against a limit of {@code limit}: never more admitted, the rest
   * refused by that limit ({@code refusal}), and exactly the limit admitted when {@code exactly} (counted
   * exactly, or leased within one bucket of the counter). Leased across a bucket boundary, fewer may be
   * admitted: a sidecar whose requests ended may hold part of a slice of the new bucket (allowance, never
   * exactness; docs/rate-limiting.md). True when the limit was used up, so any further request is refused.
   */
  static boolean assertLimitHeld(Map<Reason, Integer> reasons, Reason refusal, int limit, int offered,
      boolean exactly) {
    int admitted = reasons.getOrDefault(Reason.REASON_OK, 0);
    assertThat(reasons.keySet()).as("outcomes").isSubsetOf(Reason.REASON_OK, refusal);
    assertThat(admitted + reasons.getOrDefault(refusal, 0)).isEqualTo(offered);
    if (exactly) {
      assertThat(admitted).as("%d requests against a limit of %d", offered, limit).isEqualTo(limit);
    } else {
      LOG.info("the burst crossed a bucket boundary: {} of a limit of {} admitted", admitted, limit);
      assertThat(admitted).as("%d requests against a limit of %d, across a bucket boundary", offered, limit)
          .isBetween(1, limit);
    }
    return admitted == limit;
  }
}
