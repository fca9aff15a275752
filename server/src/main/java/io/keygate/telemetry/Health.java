package io.keygate.telemetry;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.keygate.cache.CachingCredentialStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What {@code grpc.health.v1.Health} says, per service name, checked every {@code interval}:
 *
 * <ul>
 *   <li>the management services: SERVING while the source of truth answers — PostgreSQL
 *       ({@code Database#ping}), or in edge mode the central tier — else NOT_SERVING: every management
 *       call needs it;
 *   <li>the decision services (Authorize, Envoy's Check): SERVING while the source of truth answers or the cache
 *       holds key records it can still decide on; NOT_SERVING when neither (the cache is off or empty
 *       and the database is down: nothing valid can be answered);
 *   <li>{@code ""}, the server as a whole, follows the decision services: the sidecar's job.
 * </ul>
 *
 * <p>While draining ({@link #drain}) every name is NOT_SERVING, for good.
 */
public final class Health implements AutoCloseable {
  private final HealthStatusManager manager;
  private final BooleanSupplier sourceOfTruth;
  private final CachingCredentialStore cache;
  private final List<String> decisions;
  private final List<String> management;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "keygate-health");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean draining;

  /**
   * @param sourceOfTruth whether the database (or, in edge mode, the central tier) answers now; may block
   *     for a bounded time
   * @param cache the decision path's cache; null when caching is off
   * @param decisions names of the decision services; {@code management} those of the management API
   */
  public Health(HealthStatusManager manager, BooleanSupplier sourceOfTruth, CachingCredentialStore cache,
      List<String> decisions, List<String> management) {
    this.manager = manager;
    this.sourceOfTruth = sourceOfTruth;
    this.cache = cache;
    this.decisions = List.copyOf(decisions);
    this.management = List.copyOf(management);
  }

  /** Checks now, then every {@code interval}. */
  public void start(Duration interval) {
    check();
    timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One check: the source of truth, then the status of every name. */
  synchronized void check() {
    if (draining) {
      return;
    }
    boolean answers = sourceOfTruth.getAsBoolean();
    boolean decide = answers || cache != null && cache.size() > 0;
    set(management, answers);
    set(decisions, decide);
    manager.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status(decide));
  }

  private void set(List<String> services, boolean serving) {
    for (String service : services) {
      manager.setStatus(service, status(serving));
    }
  }

  private static ServingStatus status(boolean serving) {
    return serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
  }

  /** Every name NOT_SERVING from now on (shutdown). */
  public synchronized void drain() {
    draining = true;
    timer.shutdownNow();
    manager.enterTerminalState();
  }

  @Override
  public void close() {
    drain();
  }
}
