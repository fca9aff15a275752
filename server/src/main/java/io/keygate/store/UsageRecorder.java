package io.keygate.store;

import io.keygate.authz.CredentialRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Keeps last-used times and request counts without a write per request: allowed requests are
 * tallied in memory per token and handed to a {@link UsageWriter} (the database, or the central
 * tier) in one batch every {@code interval} (and on close).
 * Bounded: at most {@code maxTokens} distinct tokens are tallied between flushes; requests of
 * further tokens are counted as dropped until the next flush. A crash loses at most the tally since
 * the last flush; a failed flush is logged and its tally dropped, never retried without bound.
 */
public final class UsageRecorder implements UsageSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UsageRecorder.class);

  private final UsageWriter writer;
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

  public UsageRecorder(UsageWriter writer, Duration interval, int maxTokens) {
    this.writer = writer;
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
    List<Usage> usage = new ArrayList<>(batch.size());
    batch.forEach((tokenId, t) -> usage.add(new Usage(tokenId, t.apiKeyId, t.count.sum(), t.lastUsedMillis.get())));
    writer.write(usage);
    long lost = dropped.getAndSet(0);
    if (lost > 0) {
      LOG.warn("usage tally was full ({} tokens): {} requests were not counted", maxTokens, lost);
    }
    return batch.size();
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
