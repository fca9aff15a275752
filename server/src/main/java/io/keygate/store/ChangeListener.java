package io.keygate.store;

/**
 * Told of changes that committed, in commit order (the change log's sequence), so that caches drop
 * what a change made stale. Called on the thread that learnt of the change (a management call right
 * after its commit, or the change feed); implementations must be quick and must not throw. The same
 * change may be told more than once (by its writer and by the feed): applying it again is harmless.
 */
public interface ChangeListener {
  /** A committed change. */
  void changed(Change change);

  /**
   * Changes may have been missed (the log no longer reaches back far enough): whatever is cached may
   * be stale.
   */
  void resync();

  /** Tells each of {@code listeners}, in order. */
  static ChangeListener all(java.util.List<ChangeListener> listeners) {
    java.util.List<ChangeListener> each = java.util.List.copyOf(listeners);
    if (each.size() == 1) {
      return each.get(0);
    }
    return new ChangeListener() {
      @Override
      public void changed(Change change) {
        each.forEach(l -> l.changed(change));
      }

      @Override
      public void resync() {
        each.forEach(ChangeListener::resync);
      }
    };
  }

  /** Ignores every change (no cache to keep fresh). */
  ChangeListener NONE = new ChangeListener() {
    @Override
    public void changed(Change change) {}

    @Override
    public void resync() {}
  };
}
