package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.authz.CredentialParts;
import io.keygate.authz.CredentialRecord;
import io.keygate.keys.SecretFormat;
import io.keygate.store.postgres.Database;
import io.keygate.store.postgres.PgCredentialStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision path's lookups on a real PostgreSQL: a credential read in parts (its own rows, then
 * its tenant's settings and the role its permissions come from) joins into exactly the record the
 * whole lookup reads in one statement — for each permission source, with and without roles and own
 * limits, across expiries and grace periods — and a role is found only in its own tenant.
 */
class PgCredentialStoreIT {
  private static final Instant NOW = Instant.now();
  private static Database database;
  private static PgCredentialStore store;
  private static String url;

  @BeforeAll
  static void load() {
    url = TestPostgres.newDatabase();
    database = new Database(url, "postgres", "", 2);
    database.migrate();
    store = new PgCredentialStore(database, Clock.systemUTC());
    sql("insert into tenants (id, name, default_permissions, key_limit_per_minute, key_limit_mode)"
        + " values ('ten_k', 'by key role', '{logs:read:all}', 100, 'enforced')");
    sql("insert into tenants (id, name, default_permissions, permission_source, accepted_credentials, routes)"
        + " values ('ten_p', 'by owner role', '{}', 'principal_role', 'bearer', null)");
    sql("insert into roles (id, tenant_id, name, permissions) values"
        + " ('rol_k1', 'ten_k', 'reader', '{api-keys:read:all}'), ('rol_k2', 'ten_k', 'owner role', '{x:write:all}'),"
        + " ('rol_p', 'ten_p', 'owner', '{tokens:read:all,tokens:write:all}')");
    // Another transaction: its row version differs from the owner's role's.
    sql("insert into roles (id, tenant_id, name, permissions) values ('rol_pk', 'ten_p', 'key', '{y:read:all}')");
    sql("insert into principals (id, tenant_id, kind, display_name, role_id) values"
        + " ('prn_k', 'ten_k', 'user', 'k', 'rol_k2'), ('prn_p', 'ten_p', 'service_account', 'p', 'rol_p'),"
        + " ('prn_q', 'ten_p', 'user', 'q', null)");
    sql("insert into principals (id, tenant_id, kind, display_name, parent_id) values"
        + " ('prn_a', 'ten_k', 'agent', 'a', 'prn_k')");
    sql("insert into api_keys (id, tenant_id, owner_id, name, role_id, rate_limit_per_minute, rate_limit_mode,"
        + " expires_at) values ('key_1', 'ten_k', 'prn_k', 'one', 'rol_k1', 7, 'informational',"
        + " now() + interval '2 days')");
    sql("insert into api_keys (id, tenant_id, owner_id, name) values ('key_2', 'ten_k', 'prn_a', 'two'),"
        + " ('key_4', 'ten_p', 'prn_q', 'four')");
    sql("insert into api_keys (id, tenant_id, owner_id, name, role_id) values ('key_3', 'ten_p', 'prn_p', 'three',"
        + " 'rol_pk')");
    sql("insert into tokens (id, tenant_id, api_key_id, principal_id, name, access, hint, expires_at) values"
        + " ('tok_1', 'ten_k', 'key_1', 'prn_k', 't1', 'read_only', 'h', now() + interval '1 day'),"
        + " ('tok_2', 'ten_k', 'key_2', 'prn_a', 't2', 'read_write', 'h', null),"
        + " ('tok_3', 'ten_p', 'key_3', 'prn_p', 't3', 'read_write', 'h', null),"
        + " ('tok_4', 'ten_p', 'key_4', 'prn_q', 't4', 'read_write', 'h', null)");
    secret("one", "tok_1", null);
    secret("two", "tok_2", null);
    secret("two, rotated away, in its grace period", "tok_2", "now() + interval '1 hour'");
    secret("two, rotated away, grace over", "tok_2", "now() - interval '1 second'");
    secret("three", "tok_3", null);
    secret("four", "tok_4", null);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void aKeyWithItsOwnRoleAndLimitHoldsThemInPartsAsWhole() {
    CredentialRecord record = sameInPartsAsWhole("one");
    assertThat(record.roleId()).isEqualTo("rol_k1");
    assertThat(record.permissions()).containsExactly("api-keys:read:all");
    assertThat(record.keyLimitPerMinute()).isEqualTo(7);
    assertThat(record.keyLimitEnforced()).isFalse();
    assertThat(record.readOnly()).isTrue();
    assertThat(record.expiresAt()).as("the token's expiry, before the key's").isBefore(NOW.plus(Duration.ofHours(25)));
  }

  @Test
  void aKeyWithoutARoleHoldsItsTenantsDefaultsAndLimit() {
    CredentialRecord record = sameInPartsAsWhole("two");
    assertThat(record.roleId()).isNull();
    assertThat(record.permissions()).containsExactly("logs:read:all");
    assertThat(record.keyLimitPerMinute()).isEqualTo(100);
    assertThat(record.keyLimitEnforced()).isTrue();
    assertThat(record.parentPrincipalId()).isEqualTo("prn_k");
    assertThat(record.policy().tenantId()).isEqualTo("ten_k");
  }

  @Test
  void aSecretInItsGracePeriodIsFoundAndOneWhoseGraceIsOverIsNot() {
    assertThat(sameInPartsAsWhole("two, rotated away, in its grace period").expiresAt())
        .isBefore(NOW.plus(Duration.ofMinutes(61)));
    assertThat(store.findKey(digest("two, rotated away, grace over"))).isEmpty();
    assertThat(store.findByDigest(digest("two, rotated away, grace over"))).isEmpty();
    assertThat(store.findKey(digest("never issued"))).isEmpty();
  }

  @Test
  void inATenantWhosePermissionsComeFromTheOwnerTheOwnersRoleCountsNotTheKeys() {
    CredentialRecord record = sameInPartsAsWhole("three");
    assertThat(record.roleId()).isEqualTo("rol_p");
    assertThat(record.permissions()).containsExactly("tokens:read:all", "tokens:write:all");
    assertThat(record.policy().acceptsApiKeyHeader()).isFalse();
    CredentialRecord ownerWithoutRole = sameInPartsAsWhole("four");
    assertThat(ownerWithoutRole.roleId()).as("the key's own role does not count here").isNull();
    assertThat(ownerWithoutRole.permissions()).isEmpty();
  }

  @Test
  void aRoleIsFoundOnlyInItsOwnTenant() {
    assertThat(store.findRole("ten_k", "rol_k1")).map(role -> role.role().permissions())
        .contains(List.of("api-keys:read:all"));
    assertThat(store.findRole("ten_p", "rol_k1")).isEmpty();
    assertThat(store.findTenant("ten_none")).isEmpty();
  }

  /** The record of {@code secret} read in parts, asserted equal to the one read whole. */
  private static CredentialRecord sameInPartsAsWhole(String secret) {
    CredentialRecord whole = store.findByDigest(digest(secret)).orElseThrow();
    CredentialParts.Key key = store.findKey(digest(secret)).orElseThrow();
    CredentialParts.Tenant tenant = store.findTenant(key.tenantId()).orElseThrow();
    String roleId = key.roleIdUnder(tenant);
    CredentialParts.Role role = roleId == null ? null : store.findRole(key.tenantId(), roleId).orElseThrow();
    assertThat(CredentialParts.join(key, tenant, role == null ? null : role.role())).isEqualTo(whole);
    return whole;
  }

  private static byte[] digest(String secret) {
    return SecretFormat.digest(secret);
  }

  private static void secret(String secret, String tokenId, String validUntil) {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        PreparedStatement s = c.prepareStatement("insert into token_secrets (digest, token_id, valid_until) values"
            + " (?, ?, " + (validUntil == null ? "null" : validUntil) + ")")) {
      s.setBytes(1, digest(secret));
      s.setString(2, tokenId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sql(String statement) {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
