package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.store.Change;
import io.keygate.store.ChangeListener;
import io.keygate.store.postgres.Database;
import io.keygate.store.postgres.PgChangeFeed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The change log of migration V3 on a real PostgreSQL: one gapless sequence in commit order, one row
 * per changed object, the writer told its own changes, a feed that replays what it missed and resyncs
 * only when the log no longer reaches back far enough.
 */
class ChangeLogIT {
  private static String url;
  private static Database database;

  @BeforeAll
  static void migrate() {
    url = TestPostgres.newDatabase();
    database = new Database(url, "postgres", "", 4);
    database.migrate();
    sql("insert into tenants (id, name) values ('ten_log', 'log')");
    sql("insert into principals (id, tenant_id, kind, display_name) values ('prn_log', 'ten_log', 'user', 'p')");
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void aWriterIsToldItsOwnChangesOnceCommittedWithOneSequenceForTheTransaction() {
    Recorder told = new Recorder();
    database.publishChangesTo(told);
    try {
      long before = PgChangeFeed.currentPosition(database);
      database.inTransaction(c -> {
        update(c, "insert into api_keys (id, tenant_id, owner_id, name) values ('key_a', 'ten_log', 'prn_log', 'a')");
        update(c, "insert into api_keys (id, tenant_id, owner_id, name) values ('key_b', 'ten_log', 'prn_log', 'b')");
        update(c, "update tenants set name = 'renamed' where id = 'ten_log'");
        return null;
      });
      assertThat(told.changes).containsExactlyInAnyOrder(Change.key(before + 1, "ten_log", "key_a"),
          Change.key(before + 1, "ten_log", "key_b"), Change.tenant(before + 1, "ten_log"));
      assertThat(PgChangeFeed.currentPosition(database)).isEqualTo(before + 1);
    } finally {
      database.publishChangesTo(ChangeListener.NONE);
    }
  }

  @Test
  void aRolledBackTransactionTakesNoSequenceAndTellsNothing() {
    Recorder told = new Recorder();
    database.publishChangesTo(told);
    try {
      long before = PgChangeFeed.currentPosition(database);
      try {
        database.inTransaction(c -> {
          update(c, "update tenants set name = 'doomed' where id = 'ten_log'");
          throw new IllegalStateException("fails half-way");
        });
      } catch (IllegalStateException expected) {
        // the change and its sequence are gone
      }
      assertThat(told.changes).isEmpty();
      assertThat(PgChangeFeed.currentPosition(database)).isEqualTo(before);
      assertThat(count("select count(*) from change_log where seq > " + before)).isZero();
    } finally {
      database.publishChangesTo(ChangeListener.NONE);
    }
  }

  @Test
  void usageBookkeepingIsNoChange() {
    sql("insert into api_keys (id, tenant_id, owner_id, name) values ('key_used', 'ten_log', 'prn_log', 'u')");
    long before = PgChangeFeed.currentPosition(database);
    sql("update api_keys set use_count = use_count + 5, last_used_at = now() where id = 'key_used'");
    assertThat(PgChangeFeed.currentPosition(database)).isEqualTo(before);
  }

  /** Many writers at once: every committed transaction gets the next number, none twice, none skipped. */
  @Test
  void concurrentWritersGetAGaplessSequenceInCommitOrder() throws Exception {
    long before = PgChangeFeed.currentPosition(database);
    int writers = 8;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    AtomicInteger names = new AtomicInteger();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            database.inTransaction(c -> update(c, "update tenants set name = 'n" + names.incrementAndGet()
                + "' where id = 'ten_log'"));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<Long> seqs = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select seq from change_log where seq > " + before + " order by seq")) {
      while (rs.next()) {
        seqs.add(rs.getLong(1));
      }
    }
    List<Long> expected = new ArrayList<>();
    for (long seq = before + 1; seq <= before + writers * each; seq++) {
      expected.add(seq);
    }
    assertThat(seqs).isEqualTo(expected);
  }

  /** A feed that was away replays exactly what it missed from the log: no resync, nothing lost. */
  @Test
  void aFeedResumingFromItsPositionReplaysWhatItMissed() {
    long position = PgChangeFeed.currentPosition(database);
    sql("insert into api_keys (id, tenant_id, owner_id, name) values ('key_r1', 'ten_log', 'prn_log', 'r1')");
    sql("update api_keys set name = 'r1b' where id = 'key_r1'");
    sql("update tenants set name = 'while away' where id = 'ten_log'");
    Recorder replayed = new Recorder();
    try (PgChangeFeed feed = new PgChangeFeed(database, replayed, Duration.ofHours(1), position).start()) {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> feed.position() >= position + 3);
      assertThat(replayed.changes).containsExactly(Change.key(position + 1, "ten_log", "key_r1"),
          Change.key(position + 2, "ten_log", "key_r1"), Change.tenant(position + 3, "ten_log"));
      assertThat(replayed.resyncs).hasValue(0);
      // And it follows what commits from now on, by notification.
      sql("update api_keys set name = 'r1c' where id = 'key_r1'");
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> replayed.changes.contains(
          Change.key(position + 4, "ten_log", "key_r1")));
    }
  }

  /** When the log no longer holds every change after the feed's position, the listener resyncs. */
  @Test
  void aGapLargerThanTheLogRetainsDropsTheCache() {
    long position = PgChangeFeed.currentPosition(database);
    sql("update tenants set name = 'pruned 1' where id = 'ten_log'");
    sql("update tenants set name = 'pruned 2' where id = 'ten_log'");
    sql("delete from change_log where seq = " + (position + 1)); // as retention would have pruned it
    Recorder replayed = new Recorder();
    try (PgChangeFeed feed = new PgChangeFeed(database, replayed, Duration.ofHours(1), position).start()) {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> feed.position() >= position + 2);
      assertThat(replayed.resyncs).hasValue(1);
      assertThat(feed.resyncs()).isEqualTo(1);
    }
  }

  private static final class Recorder implements ChangeListener {
    final List<Change> changes = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger resyncs = new AtomicInteger();

    @Override
    public void changed(Change change) {
      changes.add(change);
    }

    @Override
    public void resync() {
      resyncs.incrementAndGet();
    }
  }

  private static Object update(Connection c, String statement) throws java.sql.SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
    return null;
  }

  private static void sql(String statement) {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(String query) {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
