package io.keygate.store.postgres;

import io.keygate.manage.ChangeListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the change notifications every sidecar's commits send (channel {@code keygate_changes},
 * sent by the triggers of migration V2) and hands them to a {@link ChangeListener}. Runs one
 * daemon thread with its own connection. When the connection breaks it reconnects with backoff,
 * and after every (re)connect calls {@code onGap}: notifications sent while it was away are lost,
 * so the cache must be dropped. During the outage the cache keeps serving (a database outage must
 * not turn into an authorization outage) and its TTL bounds staleness.
 */
public final class PgChangeFeed implements AutoCloseable {
  public static final String CHANNEL = "keygate_changes";
  private static final Logger LOG = LoggerFactory.getLogger(PgChangeFeed.class);
  private static final int POLL_MILLIS = 500;
  private static final long MAX_BACKOFF_MILLIS = 5_000;

  private final Database database;
  private final ChangeListener listener;
  private final Runnable onGap;
  private final Thread thread;
  private final AtomicLong received = new AtomicLong();
  private volatile boolean running = true;
  private volatile boolean connected;
  private volatile Connection connection;

  public PgChangeFeed(Database database, ChangeListener listener, Runnable onGap) {
    this.database = database;
    this.listener = listener;
    this.onGap = onGap;
    this.thread = new Thread(this::run, "keygate-change-feed");
    thread.setDaemon(true);
  }

  public PgChangeFeed start() {
    thread.start();
    return this;
  }

  /** True while the feed is listening; false during an outage (the cache TTL then bounds staleness). */
  public boolean connected() {
    return connected;
  }

  /** Notifications received since start. */
  public long received() {
    return received.get();
  }

  private void run() {
    long backoff = 100;
    while (running) {
      try (Connection c = database.openDedicated("keygate-change-feed")) {
        connection = c;
        try (Statement statement = c.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        if (!connected) {
          onGap.run();
        }
        connected = true;
        backoff = 100;
        LOG.info("change feed listening on PostgreSQL channel {}", CHANNEL);
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
          if (notifications != null) {
            for (PGNotification n : notifications) {
              received.incrementAndGet();
              dispatch(n.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          break;
        }
        if (connected) {
          LOG.warn("change feed lost its connection ({}); reconnecting, cached keys expire within the TTL meanwhile",
              e.getMessage());
        }
        connected = false;
        sleep(backoff);
        backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
      }
    }
    connected = false;
  }

  void dispatch(String payload) {
    String[] parts = payload.split(":", -1);
    if (parts.length == 3 && parts[0].equals("k")) {
      listener.keyChanged(parts[1], parts[2]);
    } else if (parts.length == 2 && parts[0].equals("t")) {
      listener.tenantChanged(parts[1]);
    } else {
      LOG.warn("ignoring a change notification of unknown shape ({} characters)", payload.length());
      onGap.run();
    }
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
