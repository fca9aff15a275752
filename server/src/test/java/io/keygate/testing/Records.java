package io.keygate.testing;

import io.keygate.authz.CredentialRecord;
import io.keygate.authz.RouteTable;
import io.keygate.authz.TenantPolicy;
import io.keygate.v1.PrincipalKind;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Key records for unit tests: a valid key of tenant {@code ten_1} by default, changed field by field,
 * so a test names only what it is about (and a new field of the record changes this file only).
 */
public final class Records {
  private Records() {}

  /** A key record with defaults; set what the test is about, then {@link Key#build()}. */
  public static Key key() {
    return new Key();
  }

  /** A tenant policy with defaults; set what the test is about, then {@link Policy#build()}. */
  public static Policy policy() {
    return new Policy();
  }

  /** A mutable draft of a {@link CredentialRecord}. */
  public static final class Key {
    public String tenantId = "ten_1";
    public String apiKeyId = "key_1";
    public String tokenId = "tok_1";
    public String principalId = "prn_1";
    public PrincipalKind principalKind = PrincipalKind.PRINCIPAL_KIND_USER;
    public String parentPrincipalId;
    public String principalScopeId;
    public String scopeId;
    public String roleId = "rol_1";
    public String roleName = "role";
    public List<String> permissions = List.of("*");
    public boolean readOnly;
    public Instant expiresAt;
    public boolean revoked;
    public long keyLimitPerMinute;
    public boolean keyLimitEnforced = true;
    public Policy policy = new Policy();
    public long version;

    public Key tenant(String id) {
      tenantId = id;
      policy.tenantId = id;
      return this;
    }

    public Key id(String id) {
      apiKeyId = id;
      return this;
    }

    public Key permissions(String... granted) {
      permissions = List.of(granted);
      return this;
    }

    public Key kind(PrincipalKind kind) {
      principalKind = kind;
      parentPrincipalId = kind == PrincipalKind.PRINCIPAL_KIND_AGENT ? "prn_parent" : null;
      return this;
    }

    public Key scope(String id) {
      scopeId = id;
      return this;
    }

    public Key readOnly(boolean value) {
      readOnly = value;
      return this;
    }

    public Key expiresAt(Instant at) {
      expiresAt = at;
      return this;
    }

    public Key revoked(boolean value) {
      revoked = value;
      return this;
    }

    public Key limit(long perMinute, boolean enforced) {
      keyLimitPerMinute = perMinute;
      keyLimitEnforced = enforced;
      return this;
    }

    /** The tenant's policy (its tenant id follows the key's). */
    public Key policy(Policy value) {
      policy = value;
      policy.tenantId = tenantId;
      return this;
    }

    public Key version(long value) {
      version = value;
      return this;
    }

    public CredentialRecord build() {
      return new CredentialRecord(tenantId, apiKeyId, tokenId, principalId, principalKind, parentPrincipalId,
          principalScopeId, scopeId, roleId, roleName, permissions, readOnly, expiresAt, revoked, keyLimitPerMinute,
          keyLimitEnforced, policy.build(), version);
    }
  }

  /** A mutable draft of a {@link TenantPolicy}. */
  public static final class Policy {
    public String tenantId = "ten_1";
    public boolean system;
    public boolean apiAccessEnabled = true;
    public boolean acceptsApiKeyHeader = true;
    public boolean acceptsBearer = true;
    public long ipLimitRequests = 1000;
    public int ipLimitWindowSeconds = 900;
    public boolean failureGuardBlocksValidKeys = true;
    public boolean serviceAccountsIssueTokens = true;
    public boolean tokensForAnyone = true;
    public Set<String> tokenResources = TenantPolicy.DEFAULT_TOKEN_RESOURCES;
    public RouteTable routes;
    public boolean exactRateLimits;

    public Policy apiAccess(boolean enabled) {
      apiAccessEnabled = enabled;
      return this;
    }

    public Policy transports(boolean apiKeyHeader, boolean bearer) {
      acceptsApiKeyHeader = apiKeyHeader;
      acceptsBearer = bearer;
      return this;
    }

    public Policy tenant(String id) {
      tenantId = id;
      return this;
    }

    public Policy guardBlocksValidKeys(boolean value) {
      failureGuardBlocksValidKeys = value;
      return this;
    }

    public Policy tokenResources(String... names) {
      tokenResources = Set.of(names);
      return this;
    }

    public Policy routes(String table) {
      routes = RouteTable.parseTenant(table);
      return this;
    }

    public Policy exactRateLimits(boolean exact) {
      exactRateLimits = exact;
      return this;
    }

    public Policy ipLimit(long requests, int windowSeconds) {
      ipLimitRequests = requests;
      ipLimitWindowSeconds = windowSeconds;
      return this;
    }

    public TenantPolicy build() {
      return new TenantPolicy(tenantId, system, apiAccessEnabled, acceptsApiKeyHeader, acceptsBearer,
          ipLimitRequests, ipLimitWindowSeconds, failureGuardBlocksValidKeys, serviceAccountsIssueTokens,
          tokensForAnyone, tokenResources, routes, exactRateLimits);
    }
  }
}
