package io.keygate.store.postgres;

import io.keygate.store.Change;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code change_log} table (migration V3): the changes after a position, read from one snapshot. */
public final class ChangeLogRows {
  /** A replay longer than this is slower than starting over: the reader resyncs instead. */
  public static final int MAX_REPLAY = 100_000;

  private ChangeLogRows() {}

  /**
   * What the log holds after a position.
   *
   * @param clock the log's newest sequence when it was read: every change up to it is in {@code changes}
   *     unless {@code complete} is false
   * @param complete false when the log no longer reaches back to the position (pruned) or the replay
   *     would be longer than {@link #MAX_REPLAY}: the reader must resync
   */
  public record Replay(long clock, List<Change> changes, boolean complete) {}

  /** The changes after sequence {@code from}, and the clock, from one snapshot. */
  public static Replay after(Connection c, long from) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    int isolation = c.getTransactionIsolation();
    long clock;
    List<Change> changes;
    c.setAutoCommit(false);
    try {
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      clock = clock(c);
      changes = Sql.query(c, "select seq, kind, tenant_id, api_key_id from change_log where seq > ?"
          + " order by seq limit ?", ChangeLogRows::change, from, MAX_REPLAY + 1);
      c.commit();
    } finally {
      c.setAutoCommit(autoCommit);
      c.setTransactionIsolation(isolation);
    }
    boolean complete = clock <= from
        || !changes.isEmpty() && changes.get(0).seq() == from + 1 && changes.size() <= MAX_REPLAY;
    return new Replay(clock, complete ? changes : List.of(), complete);
  }

  /** The log's newest sequence. */
  public static long clock(Connection c) throws SQLException {
    return Sql.queryOne(c, "select seq from change_clock", rs -> rs.getLong(1)).orElseThrow();
  }

  /** A {@code change_log} row (columns seq, kind, tenant_id, api_key_id) as a change. */
  static Change change(ResultSet rs) throws SQLException {
    return rs.getString("kind").equals("k")
        ? Change.key(rs.getLong("seq"), rs.getString("tenant_id"), rs.getString("api_key_id"))
        : Change.tenant(rs.getLong("seq"), rs.getString("tenant_id"));
  }
}
