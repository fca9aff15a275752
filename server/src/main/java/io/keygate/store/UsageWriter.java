package io.keygate.store;

import java.util.List;

/** Stores a batch of usage (last-used times, request counts): the database, or the central tier. */
public interface UsageWriter {
  /** Writes the batch; throws when it cannot (the batch is then dropped, never retried without bound). */
  void write(List<Usage> batch);
}
