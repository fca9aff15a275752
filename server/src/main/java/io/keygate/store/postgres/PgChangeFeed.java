package io.keygate.store.postgres;

import io.keygate.store.Change;
import io.keygate.store.ChangeFeed;
import io.keygate.store.ChangeListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the change log (migration V3) and hands every change to a {@link ChangeListener}, in
 * commit order. Notifications on channel {@code keygate_changes} carry each change as it commits;
 * the {@code change_log} table is the truth they are checked against: the feed keeps the highest
 * sequence it has applied ({@link #position()}), and whenever it could have missed some — after a
 * reconnect, or when a notification skips a sequence — it replays the rows after its position. Only
 * when the log no longer reaches back that far (rows older than {@code retention} are pruned) is
 * the listener told to {@link ChangeListener#resync() resync}.
 *
 * <p>Runs one daemon thread with its own connection and reconnects with backoff. During an outage
 * the cache keeps serving (a database outage must not become an authorization outage); its TTL
 * bounds staleness until the feed is back and has replayed what it missed.
 */
public final class PgChangeFeed implements ChangeFeed {
  public static final String CHANNEL = "keygate_changes";
  private static final Logger LOG = LoggerFactory.getLogger(PgChangeFeed.class);
  private static final int POLL_MILLIS = 500;
  private static final long MAX_BACKOFF_MILLIS = 5_000;
  private static final long PRUNE_EVERY_NANOS = Duration.ofMinutes(10).toNanos();

  private final Database database;
  private final ChangeListener listener;
  private final Duration retention;
  private final Thread thread;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong resyncs = new AtomicLong();
  private volatile long position;
  private volatile boolean running = true;
  private volatile boolean connected;
  private volatile Connection connection;
  private long lastPruneNanos = System.nanoTime() - PRUNE_EVERY_NANOS;

  /**
   * A feed that starts from the log's current position, read now: whatever a cache reads from here
   * on carries a version at least this high, so replaying from it when the feed connects misses
   * nothing, however late that is.
   */
  public PgChangeFeed(Database database, ChangeListener listener, Duration retention) {
    this(database, listener, retention, currentPosition(database));
  }

  /** A feed that resumes after sequence {@code position}: it replays what came after when it connects. */
  public PgChangeFeed(Database database, ChangeListener listener, Duration retention, long position) {
    this.database = database;
    this.listener = listener;
    this.retention = retention;
    this.position = position;
    this.thread = new Thread(this::run, "keygate-change-feed");
    thread.setDaemon(true);
  }

  /** The change log's newest sequence now. */
  public static long currentPosition(Database database) {
    return database.read(ChangeLogRows::clock);
  }

  @Override
  public PgChangeFeed start() {
    thread.start();
    return this;
  }

  /** True while the feed is listening; false during an outage (the cache TTL then bounds staleness). */
  @Override
  public boolean connected() {
    return connected;
  }

  /** Notifications received since start. */
  @Override
  public long received() {
    return received.get();
  }

  /** The highest change-log sequence applied so far. */
  @Override
  public long position() {
    return position;
  }

  /** Times the log did not reach back far enough and the listener had to resync. */
  @Override
  public long resyncs() {
    return resyncs.get();
  }

  private void run() {
    long backoff = 100;
    while (running) {
      try (Connection c = database.openDedicated("keygate-change-feed")) {
        connection = c;
        try (Statement statement = c.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        catchUp(c);
        connected = true;
        backoff = 100;
        LOG.info("change feed listening on PostgreSQL channel {} from sequence {}", CHANNEL, position);
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
          if (notifications != null) {
            for (PGNotification n : notifications) {
              received.incrementAndGet();
              dispatch(c, n.getParameter());
            }
          }
          pruneNow(c);
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          break;
        }
        if (connected) {
          LOG.warn("change feed lost its connection ({}); reconnecting, then replaying what it missed", e.getMessage());
        }
        connected = false;
        sleep(backoff);
        backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
      }
    }
    connected = false;
  }

  /** Applies one notification; replays from the log first when it skips a sequence. */
  void dispatch(Connection c, String payload) throws SQLException {
    Change change = parse(payload);
    if (change == null) {
      LOG.warn("ignoring a change notification of unknown shape ({} characters); replaying the log",
          payload.length());
      catchUp(c);
      return;
    }
    if (change.seq() > position + 1) {
      catchUp(c);
    }
    listener.changed(change);
    if (change.seq() > position) {
      position = change.seq();
    }
  }

  /**
   * Replays the log's rows after {@link #position}, or, when the log has been pruned past it (or the
   * replay would be too long), tells the listener to resync. Clock and rows come from one snapshot.
   */
  private void catchUp(Connection c) throws SQLException {
    long from = position;
    ChangeLogRows.Replay replay = ChangeLogRows.after(c, from);
    if (replay.clock() <= from) {
      return;
    }
    if (!replay.complete()) {
      LOG.warn("the change log no longer holds every change after sequence {} (it keeps {}); dropping the cache",
          from, retention);
      listener.resync();
      resyncs.incrementAndGet(); // counted once done: whoever reads the count sees the cache dropped
    } else {
      replay.changes().forEach(listener::changed);
    }
    position = Math.max(position, replay.clock());
  }

  private void pruneNow(Connection c) throws SQLException {
    long now = System.nanoTime();
    if (now - lastPruneNanos < PRUNE_EVERY_NANOS) {
      return;
    }
    lastPruneNanos = now;
    int pruned = Sql.update(c, "delete from change_log where committed_at < now() - make_interval(secs => ?)",
        (double) retention.toSeconds());
    if (pruned > 0) {
      LOG.debug("pruned {} change-log rows older than {}", pruned, retention);
    }
  }

  /** A notification's payload as a change; null when it has another shape. */
  static Change parse(String payload) {
    String[] parts = payload.split(":", -1);
    try {
      if (parts.length == 4 && parts[1].equals("k")) {
        return Change.key(Long.parseLong(parts[0]), parts[2], parts[3]);
      }
      if (parts.length == 3 && parts[1].equals("t")) {
        return Change.tenant(Long.parseLong(parts[0]), parts[2]);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    Connection c = connection;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.debug("closing the change feed connection: {}", e.getMessage());
      }
    }
  }
}
