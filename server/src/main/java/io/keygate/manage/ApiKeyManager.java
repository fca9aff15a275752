package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.authz.ScopePath;
import io.keygate.keys.Ids;
import io.keygate.store.postgres.KeyRows;
import io.keygate.store.postgres.PrincipalRows;
import io.keygate.store.postgres.RoleRows;
import io.keygate.store.postgres.ScopeRows;
import io.keygate.store.postgres.Sql;
import io.keygate.store.postgres.TenantRows;
import io.keygate.store.postgres.TokenRows;
import io.keygate.v1.ApiKey;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CredentialState;
import io.keygate.v1.KeyRateLimit;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.ListApiKeysResponse;
import io.keygate.v1.Principal;
import io.keygate.v1.PermissionSource;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.RateLimitMode;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.UpdateApiKeyRequest;
import io.keygate.store.postgres.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys. Every change follows one order: validate the input; check the caller holds some form of
 * the permission the call needs (before anything is looked up); find the objects in the caller's
 * tenant and scope (another tenant's are NOT_FOUND); check the caller may act on them without
 * reaching beyond itself ({@link Access}); then write the change and its audit row in one
 * transaction. Caches learn of it from the change log.
 */
public final class ApiKeyManager {
  static final long MAX_KEY_LIMIT = 1_000_000_000L;

  private final Database database;
  private final TokenIssuer issuer;

  public ApiKeyManager(Database database, TokenIssuer issuer) {
    this.database = database;
    this.issuer = issuer;
  }

  public CreateApiKeyResponse create(Caller caller, CreateApiKeyRequest request) {
    String name = Validate.name("name", request.getName(), 200);
    Validate.description("description", request.getDescription(), 1000);
    Validate.tags("tags", request.getTagsMap());
    Validate.id("owner_principal_id", request.getOwnerPrincipalId(), "prn", true);
    Validate.id("scope_id", request.getScopeId(), "scp", true);
    Validate.id("role_id", request.getRoleId(), "rol", true);
    Validate.expiration("expiration", request.getExpiration());
    validateLimit(request.hasRateLimit() ? request.getRateLimit() : null);
    if (request.hasInitialToken()) {
      TokenIssuer.validate("initial_token", request.getInitialToken());
    }
    Access.requireAnyKeyAction(caller, "create");
    String ownerId = request.getOwnerPrincipalId().isEmpty() ? caller.principalId() : request.getOwnerPrincipalId();
    return database.inTransaction(c -> {
      Instant now = issuer.now();
      TenantSettings settings = TenantRows.find(c, caller.tenantId()).orElseThrow().getSettings();
      Principal owner = PrincipalRows.find(c, caller.tenantId(), ownerId)
          .orElseThrow(() -> KeygateException.notFound("principal", ownerId));
      ScopePath scope = request.getScopeId().isEmpty() ? null : Optional.ofNullable(
          ScopeRows.path(c, caller.tenantId(), request.getScopeId()))
          .orElseThrow(() -> KeygateException.notFound("scope", request.getScopeId()));
      if (!request.getRoleId().isEmpty()) {
        RoleRows.find(c, caller.tenantId(), request.getRoleId())
            .orElseThrow(() -> KeygateException.notFound("role", request.getRoleId()));
      }
      Access.requireKeyAction(caller, owner, "create");
      Access.requireIssuer(caller, owner, settings);
      Access.requireWithin(caller, scope, "keys");
      requireNoKeyRole(settings, request.getRoleId());
      Access.requireCovers(caller, Grants.of(c, settings, caller.tenantId(), request.getRoleId(), owner)
          .permissions(), "the new key's permissions");
      if (request.hasRateLimit()) {
        Access.require(caller, Access.KEYS_CREATE_ALL);
      }
      if (settings.getPersonalKeysTenantWideOnly() && owner.getKind() == PrincipalKind.PRINCIPAL_KIND_USER
          && scope != null) {
        throw KeygateException.invalid("scope_id",
            "scope_id must be empty: this tenant allows personal (user) keys only"
            + " tenant-wide; bind service-account keys to scopes instead");
      }
      Instant expiresAt = TokenIssuer.keyExpiry(request.getExpiration(), settings, now, "expiration");
      ApiKey key = ApiKey.newBuilder()
          .setId(Ids.apiKey())
          .setTenantId(caller.tenantId())
          .setName(name)
          .setDescription(request.getDescription())
          .putAllTags(request.getTagsMap())
          .setOwnerPrincipalId(owner.getId())
          .setScopeId(request.getScopeId())
          .setRoleId(request.getRoleId())
          .build();
      KeyRateLimit limit = request.getRateLimit();
      KeyRows.insert(c, key, limit.hasRequestsPerMinute() ? limit.getRequestsPerMinute() : null,
          limit.getModeValue() == 0 ? null : KeyRows.modeName(limit.getMode()), expiresAt);
      Audit.record(c, caller, "api_key.create", "api_key", key.getId(), Audit.details(
          "name", name, "owner_principal_id", owner.getId(), "scope_id", Sql.nullIfEmpty(key.getScopeId()),
          "role_id", Sql.nullIfEmpty(key.getRoleId()), "expire_time", expiresAt));
      CreateApiKeyResponse.Builder response = CreateApiKeyResponse.newBuilder();
      if (request.hasInitialToken()) {
        TokenIssuer.Issued issued = issuer.issue(c, key, settings, request.getInitialToken());
        Audit.record(c, caller, "token.create", "token", issued.token().getId(), Audit.details(
            "api_key_id", key.getId(), "hint", issued.token().getHint(), "access", issued.token().getAccess()));
        response.setToken(issued.token()).setSecret(issued.secret());
      }
      return response.setApiKey(KeyRows.find(c, caller.tenantId(), key.getId(), KeyRows.Visibility.ALL, now)
          .orElseThrow()).build();
    });
  }

  public ApiKey get(Caller caller, String apiKeyId) {
    Validate.id("api_key_id", apiKeyId, "key", false);
    KeyRows.Visibility visibility = Access.keyVisibility(caller);
    return database.read(c -> KeyRows.find(c, caller.tenantId(), apiKeyId, visibility, issuer.now()))
        .orElseThrow(() -> KeygateException.notFound("API key", apiKeyId));
  }

  public ListApiKeysResponse list(Caller caller, ListApiKeysRequest request) {
    Validate.id("owner_principal_id", request.getOwnerPrincipalId(), "prn", true);
    Validate.id("scope_id", request.getScopeId(), "scp", true);
    Validate.id("role_id", request.getRoleId(), "rol", true);
    if (request.getState() == CredentialState.UNRECOGNIZED) {
      throw KeygateException.invalid("state", "state has a value this server does not know");
    }
    if (request.getTag().length() > 320) {
      throw KeygateException.invalid("tag", "tag must be 'name' or 'name=value', at most 320 characters");
    }
    int size = Pages.size(request.getPageSize());
    String after = Pages.after(request.getPageToken());
    KeyRows.Visibility visibility = Access.keyVisibility(caller);
    KeyRows.Filter filter = new KeyRows.Filter(request.getOwnerPrincipalId(), request.getScopeId(),
        request.getRoleId(), request.getState(), request.getTag());
    List<ApiKey> keys = database.read(c -> KeyRows.list(c, caller.tenantId(), filter, visibility, after, size,
        issuer.now()));
    return ListApiKeysResponse.newBuilder()
        .addAllApiKeys(keys)
        .setNextPageToken(Pages.next(keys, size, ApiKey::getId))
        .build();
  }

  public ApiKey update(Caller caller, UpdateApiKeyRequest request) {
    String id = Validate.id("api_key_id", request.getApiKeyId(), "key", false);
    String name = request.hasName() ? Validate.name("name", request.getName(), 200) : null;
    if (request.hasDescription()) {
      Validate.description("description", request.getDescription(), 1000);
    }
    if (request.hasTags()) {
      Validate.tags("tags", request.getTags().getValuesMap());
    }
    if (request.hasRoleId()) {
      Validate.id("role_id", request.getRoleId(), "rol", true);
    }
    if (request.hasExpiration()) {
      Validate.expiration("expiration", request.getExpiration());
    }
    validateLimit(request.hasRateLimit() ? request.getRateLimit() : null);
    Access.requireAnyKeyAction(caller, "create");
    return database.inTransaction(c -> {
      Instant now = issuer.now();
      ApiKey key = lockVisible(c, caller, id, now);
      Principal owner = PrincipalRows.find(c, caller.tenantId(), key.getOwnerPrincipalId()).orElseThrow();
      String roleId = request.hasRoleId() ? request.getRoleId() : key.getRoleId();
      if (!roleId.isEmpty()) {
        RoleRows.find(c, caller.tenantId(), roleId).orElseThrow(() -> KeygateException.notFound("role", roleId));
      }
      Access.requireKeyAction(caller, owner, "create");
      if (request.hasRoleId() && id.equals(caller.apiKeyId())) {
        throw KeygateException.denied("a key cannot change its own role; ask another administrator")
            .because("SELF_CHANGE_DENIED");
      }
      TenantSettings settings = TenantRows.find(c, caller.tenantId()).orElseThrow().getSettings();
      if (request.hasRoleId()) {
        requireNoKeyRole(settings, request.getRoleId());
      }
      Access.requireCovers(caller, Grants.ofKey(c, settings, key).permissions(), "this key's permissions");
      Access.requireCovers(caller, Grants.of(c, settings, caller.tenantId(), roleId, owner).permissions(),
          "the key's new permissions");
      if (request.hasRateLimit()) {
        Access.require(caller, Access.KEYS_CREATE_ALL);
      }
      KeyRows.StoredLimit stored = KeyRows.storedLimit(c, caller.tenantId(), id);
      Long perMinute = stored.perMinute();
      String mode = stored.mode();
      if (request.hasRateLimit()) {
        KeyRateLimit limit = request.getRateLimit();
        perMinute = limit.hasRequestsPerMinute() ? Long.valueOf(limit.getRequestsPerMinute()) : perMinute;
        mode = limit.getModeValue() != 0 ? KeyRows.modeName(limit.getMode()) : mode;
      }
      Instant expiresAt = request.hasExpiration()
          ? TokenIssuer.keyExpiry(request.getExpiration(), settings, now, "expiration")
          : key.hasExpireTime() ? Sql.fromProto(key.getExpireTime()) : null;
      if (key.getState() == CredentialState.CREDENTIAL_STATE_EXPIRED && (expiresAt == null || expiresAt.isAfter(now))) {
        // The key's tokens become usable again: they count against its owner's cap again.
        issuer.requireRoom(c, settings, owner, TokenRows.countUnexpired(c, caller.tenantId(), id, now));
      }
      Map<String, String> tags = request.hasTags() ? request.getTags().getValuesMap() : key.getTagsMap();
      KeyRows.update(c, caller.tenantId(), id, name != null ? name : key.getName(),
          request.hasDescription() ? request.getDescription() : key.getDescription(), tags, roleId, perMinute, mode,
          expiresAt);
      Audit.record(c, caller, "api_key.update", "api_key", id, Audit.details(
          "name", name, "description", request.hasDescription() ? "(changed)" : null,
          "tags", request.hasTags() ? request.getTags().getValuesMap() : null,
          "role_id", request.hasRoleId() ? request.getRoleId() : null,
          "rate_limit_per_minute", request.hasRateLimit() ? perMinute : null, "rate_limit_mode",
          request.hasRateLimit() ? mode : null, "expire_time", request.hasExpiration() ? expiresAt : null));
      return KeyRows.find(c, caller.tenantId(), id, KeyRows.Visibility.ALL, now).orElseThrow();
    });
  }

  public ApiKey revoke(Caller caller, String apiKeyId) {
    String id = Validate.id("api_key_id", apiKeyId, "key", false);
    Access.requireAnyKeyAction(caller, "delete");
    return database.inTransaction(c -> {
      Instant now = issuer.now();
      ApiKey key = lockForRemoval(c, caller, id, now);
      if (key.getState() == CredentialState.CREDENTIAL_STATE_REVOKED) {
        throw KeygateException.precondition("API key " + id + " is already revoked").because("API_KEY_NOT_ACTIVE");
      }
      KeyRows.revoke(c, caller.tenantId(), id, now);
      Audit.record(c, caller, "api_key.revoke", "api_key", id, Map.of());
      return KeyRows.find(c, caller.tenantId(), id, KeyRows.Visibility.ALL, now).orElseThrow();
    });
  }

  public int delete(Caller caller, String apiKeyId) {
    String id = Validate.id("api_key_id", apiKeyId, "key", false);
    Access.requireAnyKeyAction(caller, "delete");
    return database.inTransaction(c -> {
      ApiKey key = lockForRemoval(c, caller, id, issuer.now());
      int tokens = KeyRows.delete(c, caller.tenantId(), id);
      Audit.record(c, caller, "api_key.delete", "api_key", id, Audit.details("name", key.getName(),
          "deleted_tokens", tokens));
      return tokens;
    });
  }

  /**
   * The key, locked, if the caller may remove it: it can see it, holds the delete permission for its
   * owner, and holds everything the key holds (a key cannot revoke one more privileged than itself).
   */
  private static ApiKey lockForRemoval(Connection c, Caller caller, String id, Instant now) throws SQLException {
    ApiKey key = lockVisible(c, caller, id, now);
    Principal owner = PrincipalRows.find(c, caller.tenantId(), key.getOwnerPrincipalId()).orElseThrow();
    Access.requireKeyAction(caller, owner, "delete");
    TenantSettings settings = TenantRows.find(c, caller.tenantId()).orElseThrow().getSettings();
    Access.requireCovers(caller, Grants.ofKey(c, settings, key).permissions(), "this key's permissions");
    return key;
  }

  /**
   * In a tenant whose keys take their owner's permissions ({@code PERMISSION_SOURCE_PRINCIPAL_ROLE})
   * a key's role would be shown and ignored: refused, so nobody is led to think a key is narrower
   * than it is.
   */
  private static void requireNoKeyRole(TenantSettings settings, String roleId) {
    if (!roleId.isEmpty() && settings.getPermissionSource() == PermissionSource.PERMISSION_SOURCE_PRINCIPAL_ROLE) {
      throw KeygateException.invalid("role_id",
          "role_id must be empty: in this tenant keys hold their owner's permissions"
          + " (settings.permission_source PRINCIPAL_ROLE); give the owner the role instead");
    }
  }

  /** Locks the key if the caller may see it; NOT_FOUND otherwise (also for other tenants' keys). */
  static ApiKey lockVisible(Connection c, Caller caller, String id, Instant now) throws SQLException {
    KeyRows.Visibility visibility = Access.keyVisibilityOrOwn(caller);
    KeyRows.find(c, caller.tenantId(), id, visibility, now)
        .orElseThrow(() -> KeygateException.notFound("API key", id));
    return KeyRows.lock(c, caller.tenantId(), id, now).orElseThrow(() -> KeygateException.notFound("API key", id));
  }

  private static void validateLimit(KeyRateLimit limit) {
    if (limit == null) {
      return;
    }
    if (limit.hasRequestsPerMinute()
        && (limit.getRequestsPerMinute() < 0 || limit.getRequestsPerMinute() > MAX_KEY_LIMIT)) {
      throw KeygateException.invalid("rate_limit.requests_per_minute",
          "rate_limit.requests_per_minute must be between 0 and " + MAX_KEY_LIMIT
          + ", got " + limit.getRequestsPerMinute());
    }
    if (limit.getMode() == RateLimitMode.UNRECOGNIZED) {
      throw KeygateException.invalid("rate_limit.mode", "rate_limit.mode has a value this server does not know");
    }
  }
}
