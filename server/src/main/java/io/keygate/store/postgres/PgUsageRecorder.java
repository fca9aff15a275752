package io.keygate.store.postgres;

import io.keygate.authz.CredentialRecord;
import io.keygate.store.UsageSink;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps last-used times and request counts without a database write per request: allowed requests
 * are tallied in memory per token and written in one batch every {@code interval} (and on close).
 * Bounded: at most {@code maxTokens} distinct tokens are tallied between flushes; requests of
 * further tokens are counted as dropped until the next flush. A crash loses at most the tally since
 * the last flush; a failed flush is logged and its tally dropped, never retried without bound.
 */
public final class PgUsageRecorder implements UsageSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PgUsageRecorder.class);

  private final Database database;
  private final int maxTokens;
  private final ScheduledExecutorService flusher;
  private final AtomicLong dropped = new AtomicLong();
  private volatile ConcurrentHashMap<String, Tally> pending = new ConcurrentHashMap<>();

  private static final class Tally {
    final String apiKeyId;
    final LongAdder count = new LongAdder();
    final AtomicLong lastUsedMillis = new AtomicLong();

    Tally(String apiKeyId) {
      this.apiKeyId = apiKeyId;
    }
  }

  public PgUsageRecorder(Database database, Duration interval, int maxTokens) {
    this.database = database;
    this.maxTokens = maxTokens;
    this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "keygate-usage-flush");
      t.setDaemon(true);
      return t;
    });
    flusher.scheduleWithFixedDelay(this::flushQuietly, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void used(CredentialRecord key, Instant at) {
    Map<String, Tally> map = pending;
    Tally tally = map.get(key.tokenId());
    if (tally == null) {
      if (map.size() >= maxTokens) {
        dropped.incrementAndGet();
        return;
      }
      tally = map.computeIfAbsent(key.tokenId(), id -> new Tally(key.apiKeyId()));
    }
    tally.count.increment();
    tally.lastUsedMillis.accumulateAndGet(at.toEpochMilli(), Math::max);
  }

  /** Requests not tallied because the bound was reached. */
  public long dropped() {
    return dropped.get();
  }

  /** Writes the tally gathered so far; returns how many tokens it updated. */
  public synchronized int flush() {
    ConcurrentHashMap<String, Tally> batch = pending;
    pending = new ConcurrentHashMap<>();
    if (batch.isEmpty()) {
      return 0;
    }
    Map<String, long[]> perKey = new HashMap<>();
    for (Tally t : batch.values()) {
      long[] k = perKey.computeIfAbsent(t.apiKeyId, id -> new long[2]);
      k[0] += t.count.sum();
      k[1] = Math.max(k[1], t.lastUsedMillis.get());
    }
    database.inTransaction(c -> {
      try (PreparedStatement tokens = c.prepareStatement(
          "update tokens set last_used_at = greatest(coalesce(last_used_at, ?), ?) where id = ?")) {
        for (Map.Entry<String, Tally> e : batch.entrySet()) {
          OffsetDateTime at = utc(e.getValue().lastUsedMillis.get());
          tokens.setObject(1, at);
          tokens.setObject(2, at);
          tokens.setString(3, e.getKey());
          tokens.addBatch();
        }
        tokens.executeBatch();
      }
      try (PreparedStatement keys = c.prepareStatement("update api_keys set use_count = use_count + ?,"
          + " last_used_at = greatest(coalesce(last_used_at, ?), ?) where id = ?")) {
        for (Map.Entry<String, long[]> e : perKey.entrySet()) {
          OffsetDateTime at = utc(e.getValue()[1]);
          keys.setLong(1, e.getValue()[0]);
          keys.setObject(2, at);
          keys.setObject(3, at);
          keys.setString(4, e.getKey());
          keys.addBatch();
        }
        keys.executeBatch();
      }
      return null;
    });
    long lost = dropped.getAndSet(0);
    if (lost > 0) {
      LOG.warn("usage tally was full ({} tokens): {} requests were not counted", maxTokens, lost);
    }
    return batch.size();
  }

  private static OffsetDateTime utc(long epochMillis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.warn("could not record key usage (this batch is dropped): {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    flusher.shutdown();
    try {
      flusher.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushQuietly();
  }
}
