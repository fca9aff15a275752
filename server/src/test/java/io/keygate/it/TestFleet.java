package io.keygate.it;

import io.keygate.testing.TestClock;
import java.time.Clock;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers a test class shares — Keygate sidecars, their databases, a Redis — started when the
 * class asks for them (usually in its {@code @BeforeAll}) and all closed after its last test, newest
 * first. Register it as a static field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final TestFleet FLEET = new TestFleet();
 * </pre>
 */
public final class TestFleet implements AfterAllCallback {
  private final Deque<AutoCloseable> open = new ConcurrentLinkedDeque<>();

  /** A sidecar on a fresh database, with the default settings. */
  public TestKeygate keygate() {
    return keygate(TestPostgres.newDatabase(), Map.of());
  }

  /** A sidecar on a fresh database, with {@code settings} (environment variables) over the defaults. */
  public TestKeygate keygate(Map<String, String> settings) {
    return keygate(TestPostgres.newDatabase(), settings);
  }

  /** A sidecar on {@code jdbcUrl}, e.g. a second one on the database of the first. */
  public TestKeygate keygate(String jdbcUrl, Map<String, String> settings) {
    return keygate(jdbcUrl, settings, Clock.systemUTC());
  }

  /** As above, reading time from {@code clock} (a {@link TestClock} moves only when told). */
  public TestKeygate keygate(String jdbcUrl, Map<String, String> settings, Clock clock) {
    return closeAfterAll(TestKeygate.start(jdbcUrl, settings, clock));
  }

  /** A running Redis of its own. */
  public TestRedis redis() {
    return closeAfterAll(TestRedis.start());
  }

  /** {@code resource}, closed after the class's last test. */
  public <T extends AutoCloseable> T closeAfterAll(T resource) {
    open.push(resource);
    return resource;
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    Exception failure = null;
    for (AutoCloseable resource = open.poll(); resource != null; resource = open.poll()) {
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
