package io.keygate.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.keygate.KeygateException;
import io.keygate.store.Change;
import io.keygate.store.ChangeListener;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL connection pool, the schema migrations, and transactions. Every SQL failure leaves
 * here as a {@link KeygateException}: connection trouble as UNAVAILABLE, constraint conflicts as
 * ALREADY_EXISTS or FAILED_PRECONDITION, anything else as INTERNAL with the detail only in the log.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource dataSource;
  private final String url;
  private final String user;
  private final String password;
  private volatile ChangeListener changeListener = ChangeListener.NONE;

  /** Work done with a connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Longest a pooled statement may run or wait for an answer (migrations excepted). */
  public static final int STATEMENT_TIMEOUT_MILLIS = 5_000;
  /** Longest a call waits for a pooled connection. */
  public static final int POOL_WAIT_MILLIS = 1_000;

  public Database(String url, String user, String password, int poolSize) {
    this.url = url;
    this.user = user;
    this.password = password;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(2, poolSize));
    config.setPoolName("keygate-db");
    config.setConnectionTimeout(POOL_WAIT_MILLIS);
    config.setValidationTimeout(1_000);
    config.setInitializationFailTimeout(-1);
    config.addDataSourceProperty("connectTimeout", "3");
    // No statement of the decision path or the management API may hold an RPC thread for long: a
    // locked table ends in an error after 5 s on the server's side (statement_timeout), a server that
    // answers nothing at all (frozen, partitioned) after 5 s on ours (socketTimeout).
    config.addDataSourceProperty("socketTimeout", Long.toString(STATEMENT_TIMEOUT_MILLIS / 1000));
    config.addDataSourceProperty("ApplicationName", "keygate");
    config.addDataSourceProperty("options", "-c statement_timeout=" + STATEMENT_TIMEOUT_MILLIS);
    this.dataSource = new HikariDataSource(config);
  }

  /**
   * A connection outside the pool, for a long-lived session such as {@code LISTEN}; the caller
   * closes it.
   */
  public Connection openDedicated(String applicationName) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("ApplicationName", applicationName);
    properties.setProperty("connectTimeout", "3");
    properties.setProperty("socketTimeout", "30");
    properties.setProperty("tcpKeepAlive", "true");
    return DriverManager.getConnection(url, properties);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * True when PostgreSQL answers now: a pooled connection is had within the pool's wait and
   * answers a validation within 2 s. For health checks; never throws.
   */
  public boolean ping() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Reports the pool's connections and timings to {@code metrics} (once, before or after the pool started). */
  public void trackMetrics(MetricsTrackerFactory metrics) {
    dataSource.setMetricsTrackerFactory(metrics);
  }

  /**
   * Applies the Flyway migrations, on their own connection (outside the pool and its statement
   * timeout: a migration may take longer). Safe with many sidecars starting at once: Flyway holds a
   * PostgreSQL advisory lock, so exactly one applies them and the others wait, then find nothing
   * left to do.
   */
  public int migrate() {
    var result = Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return result.migrationsExecuted;
  }

  /**
   * The schema version this build needs: the highest {@code V<n>__} migration it ships (a unit test
   * keeps the two in step).
   */
  public static final int SCHEMA_VERSION = 5;

  /**
   * For a start without migrations (a fleet whose migrations run as a separate step, as the Helm
   * chart's hook does): one query instead of Flyway, which is most of a sidecar's start-up time.
   * Throws with what to do when the schema is missing or older than {@link #SCHEMA_VERSION}.
   */
  public void checkSchema() {
    int version;
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select coalesce(max(version::int), 0) from flyway_schema_history"
            + " where success and version is not null")) {
      rs.next();
      version = rs.getInt(1);
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        version = 0;
      } else {
        throw translate(e);
      }
    }
    if (version < SCHEMA_VERSION) {
      throw new KeygateException(KeygateException.Kind.FAILED_PRECONDITION, "the database schema is at version "
          + version + " and this Keygate needs version " + SCHEMA_VERSION + ": run `keygate migrate` first (the"
          + " Helm chart's migration Job does) or start with KEYGATE_MIGRATE=true").because("SCHEMA_OUTDATED");
    }
  }

  /**
   * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. The
   * changes it made (the change log's rows of this transaction) are told to the listener of
   * {@link #publishChangesTo} right after the commit, so this process reads its own writes at once.
   */
  public <T> T inTransaction(Work<T> work) {
    List<Change> changes;
    T result;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        result = work.run(connection);
        changes = Sql.query(connection, "select seq, kind, tenant_id, api_key_id from keygate_transaction_changes()",
            ChangeLogRows::change);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      }
    } catch (SQLException e) {
      throw translate(e);
    }
    ChangeListener listener = changeListener;
    for (Change change : changes) {
      listener.changed(change);
    }
    return result;
  }

  /** Where committed changes of this process's transactions are told ({@link #inTransaction}). */
  public void publishChangesTo(ChangeListener listener) {
    this.changeListener = listener;
  }

  /** Runs read-only {@code work} on a pooled connection. */
  public <T> T read(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      // HikariCP resets the read-only flag when the connection goes back to the pool; resetting it
      // here would throw on a dead connection and hide the real error.
      connection.setReadOnly(true);
      return work.run(connection);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /** Maps a SQL failure onto the domain's error kinds. */
  public static KeygateException translate(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (e instanceof SQLTransientConnectionException || state.startsWith("08") || state.equals("57P01")
        || state.equals("57P03")) {
      LOG.warn("database unavailable: {}", e.getMessage());
      return new KeygateException(KeygateException.Kind.UNAVAILABLE, "the database is unavailable; retry", e)
          .because("DATABASE_UNAVAILABLE");
    }
    if (state.equals("57014")) {
      return new KeygateException(KeygateException.Kind.UNAVAILABLE, "the database did not answer in time", e)
          .because("DATABASE_TIMEOUT");
    }
    if (state.equals("23505")) {
      return new KeygateException(KeygateException.Kind.ALREADY_EXISTS, "an object with that name already exists",
          e).because("NAME_TAKEN");
    }
    if (state.equals("23503")) {
      return new KeygateException(KeygateException.Kind.FAILED_PRECONDITION,
          "the object is still referenced by others", e).because("STILL_REFERENCED");
    }
    LOG.error("database error (SQL state {})", state, e);
    return new KeygateException(KeygateException.Kind.INTERNAL, "internal storage error", e);
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the original failure is what matters
    }
  }
}
