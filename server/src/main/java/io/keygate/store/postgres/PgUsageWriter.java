package io.keygate.store.postgres;

import io.keygate.store.Usage;
import io.keygate.store.UsageWriter;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes usage batches: tokens' last-used times, keys' request counts and last-used times, in one transaction. */
public final class PgUsageWriter implements UsageWriter {
  private final Database database;

  public PgUsageWriter(Database database) {
    this.database = database;
  }

  @Override
  public void write(List<Usage> batch) {
    if (batch.isEmpty()) {
      return;
    }
    Map<String, long[]> perKey = new HashMap<>();
    for (Usage u : batch) {
      long[] k = perKey.computeIfAbsent(u.apiKeyId(), id -> new long[2]);
      k[0] += u.count();
      k[1] = Math.max(k[1], u.lastUsedMillis());
    }
    database.inTransaction(c -> {
      try (PreparedStatement tokens = c.prepareStatement(
          "update tokens set last_used_at = greatest(coalesce(last_used_at, ?), ?) where id = ?")) {
        for (Usage u : batch) {
          OffsetDateTime at = utc(u.lastUsedMillis());
          tokens.setObject(1, at);
          tokens.setObject(2, at);
          tokens.setString(3, u.tokenId());
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
  }

  private static OffsetDateTime utc(long epochMillis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }
}
