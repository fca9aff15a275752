package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.keys.Ids;
import io.keygate.store.postgres.Database;
import io.keygate.store.postgres.TenantRows;
import io.keygate.v1.Lifetime;
import io.keygate.v1.LifetimeUnit;
import io.keygate.v1.TenantSettings;
import java.util.Optional;

/**
 * First start: creates the system tenant and its admin key, once. The system tenant's tokens have no
 * lifetime cap, so the bootstrap key does not lapse unnoticed; rotate it like any other.
 */
public final class Bootstrap {
  private final Database database;
  private final TenantSetup setup;

  public Bootstrap(Database database, TenantSetup setup) {
    this.database = database;
    this.setup = setup;
  }

  /** What bootstrap made; {@code secret} is shown once. */
  public record Result(String tenantId, String apiKeyId, String secret) {
    @Override
    public String toString() {
      return "Result[tenantId=" + tenantId + ", apiKeyId=" + apiKeyId + ", secret=<redacted>]";
    }
  }

  /**
   * Issues a new admin key in the system tenant (for an operator who lost the bootstrap key and has
   * direct access to the database). Audited as an action of {@code system}.
   */
  public Result issueAdminKey() {
    return database.inTransaction(c -> {
      String tenantId = TenantRows.system(c)
          .orElseThrow(() -> KeygateException.precondition("not bootstrapped yet: start Keygate once first"))
          .getId();
      TenantSetup.Admin admin = setup.createAdmin(c, Caller.system(tenantId), tenantId,
          "admin " + java.time.LocalDate.now(java.time.ZoneOffset.UTC), "");
      return new Result(tenantId, admin.apiKeyId(), admin.secret());
    });
  }

  /** Bootstraps an empty database; empty if it was already bootstrapped (by us or a concurrent sidecar). */
  public Optional<Result> bootstrapIfEmpty() {
    try {
      return database.inTransaction(c -> {
        if (TenantRows.anyExists(c)) {
          return Optional.empty();
        }
        String tenantId = Ids.tenant();
        TenantSettings settings = TenantSettingsRules.merge(TenantSettingsRules.defaults(),
            TenantSettings.newBuilder()
                .setMaxTokenLifetime(Lifetime.newBuilder().setAmount(0).setUnit(LifetimeUnit.LIFETIME_UNIT_MONTHS))
                .build());
        TenantRows.insert(c, tenantId, "system", true, settings);
        TenantSetup.Admin admin = setup.createAdmin(c, Caller.system(tenantId), tenantId, "admin", "");
        return Optional.of(new Result(tenantId, admin.apiKeyId(), admin.secret()));
      });
    } catch (KeygateException e) {
      if (e.kind() == KeygateException.Kind.ALREADY_EXISTS) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
