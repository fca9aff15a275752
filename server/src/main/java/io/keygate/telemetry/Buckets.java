package io.keygate.telemetry;

/** Upper bounds (seconds) of Keygate's latency histograms. */
final class Buckets {
  /** Decisions: from tens of microseconds (a key in memory) to the 250 ms Envoy waits by default. */
  static final double[] FAST = {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
      0.25, 0.5, 1};
  /** Round trips to PostgreSQL or Redis, and whole RPCs: up to the 5 s statement bound. */
  static final double[] IO = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
      2.5, 5, 10};

  private Buckets() {}
}
