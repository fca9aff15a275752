package io.keygate.store;

/**
 * Where a sidecar learns of committed changes: the change log itself (database mode) or the central
 * tier's stream of it (edge mode). Either tells its {@link ChangeListener} every change in commit
 * order, replays what it missed after an outage, and resyncs the listener only when it cannot.
 */
public interface ChangeFeed extends AutoCloseable {
  /** Starts following; returns this. */
  ChangeFeed start();

  /** True while it follows the changes as they commit; false during an outage (the cache TTL then bounds staleness). */
  boolean connected();

  /** The highest change-log sequence told so far. */
  long position();

  /** Changes (or notifications of them) received since start. */
  long received();

  /** Times the listener had to resync because changes could not be replayed. */
  long resyncs();

  @Override
  void close();
}
