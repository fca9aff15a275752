package io.keygate.manage;

import com.google.protobuf.Duration;
import io.keygate.KeygateException;
import io.keygate.keys.SecretFormat;
import io.keygate.store.postgres.Database;
import io.keygate.store.postgres.KeyRows;
import io.keygate.store.postgres.PrincipalRows;
import io.keygate.store.postgres.Sql;
import io.keygate.store.postgres.TenantRows;
import io.keygate.store.postgres.TokenRows;
import io.keygate.v1.ApiKey;
import io.keygate.v1.CredentialState;
import io.keygate.v1.ListTokensRequest;
import io.keygate.v1.ListTokensResponse;
import io.keygate.v1.Principal;
import io.keygate.v1.RotateTokenRequest;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.Token;
import io.keygate.v1.TokenAccess;
import io.keygate.v1.TokenSpec;
import io.keygate.v1.UpdateTokenRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Tokens under keys: issue, list, update, rotate, delete. Same order of checks as {@link ApiKeyManager}. */
public final class TokenManager {
  static final long MAX_GRACE_SECONDS = 7 * 24 * 3600;

  private final Database database;
  private final TokenIssuer issuer;

  public TokenManager(Database database, TokenIssuer issuer) {
    this.database = database;
    this.issuer = issuer;
  }

  public TokenIssuer.Issued create(Caller caller, String apiKeyId, TokenSpec spec) {
    String keyId = Validate.id("api_key_id", apiKeyId, "key", false);
    TokenIssuer.validate("token", spec);
    Access.requireAnyKeyAction(caller, "create");
    return database.inTransaction(c -> {
      Instant now = issuer.now();
      ApiKey key = ApiKeyManager.lockVisible(c, caller, keyId, now);
      TenantSettings settings = authorise(c, caller, key, "create", true);
      if (key.getState() != CredentialState.CREDENTIAL_STATE_ACTIVE) {
        throw KeygateException.precondition("API key " + keyId + " is "
            + key.getState().name().substring("CREDENTIAL_STATE_".length()).toLowerCase()
            + "; tokens can only be added to active keys").because("API_KEY_NOT_ACTIVE");
      }
      TokenIssuer.Issued issued = issuer.issue(c, key, settings, spec);
      Audit.record(c, caller, "token.create", "token", issued.token().getId(), Audit.details(
          "api_key_id", keyId, "hint", issued.token().getHint(), "access", issued.token().getAccess()));
      return issued;
    });
  }

  public ListTokensResponse list(Caller caller, ListTokensRequest request) {
    String keyId = Validate.id("api_key_id", request.getApiKeyId(), "key", false);
    int size = Pages.size(request.getPageSize());
    String after = Pages.after(request.getPageToken());
    KeyRows.Visibility visibility = Access.keyVisibility(caller);
    List<Token> tokens = database.read(c -> {
      Instant now = issuer.now();
      KeyRows.find(c, caller.tenantId(), keyId, visibility, now)
          .orElseThrow(() -> KeygateException.notFound("API key", keyId));
      return TokenRows.list(c, caller.tenantId(), keyId, after, size, now);
    });
    return ListTokensResponse.newBuilder()
        .addAllTokens(tokens)
        .setNextPageToken(Pages.next(tokens, size, Token::getId))
        .build();
  }

  public Token update(Caller caller, UpdateTokenRequest request) {
    String id = Validate.id("token_id", request.getTokenId(), "tok", false);
    String name = request.hasName() ? Validate.name("name", request.getName(), 200) : null;
    if (request.hasDescription()) {
      Validate.description("description", request.getDescription(), 1000);
    }
    if (request.hasTags()) {
      Validate.tags("tags", request.getTags().getValuesMap());
    }
    if (request.getAccess() == TokenAccess.UNRECOGNIZED) {
      throw KeygateException.invalid("access", "access has a value this server does not know");
    }
    if (request.hasExpiration()) {
      Validate.expiration("expiration", request.getExpiration());
    }
    Access.requireAnyKeyAction(caller, "create");
    return database.inTransaction(c -> {
      Instant now = issuer.now();
      Token token = findVisible(c, caller, id, now);
      ApiKey key = KeyRows.lock(c, caller.tenantId(), token.getApiKeyId(), now).orElseThrow();
      TenantSettings settings = authorise(c, caller, key, "create", false);
      Instant expiresAt = request.hasExpiration()
          ? TokenIssuer.expiry(request.getExpiration(), settings, now, "expiration")
          : token.hasExpireTime() ? Sql.fromProto(token.getExpireTime()) : null;
      requireRoomIfReactivated(c, settings, key, token, expiresAt, now);
      Map<String, String> tags = request.hasTags() ? request.getTags().getValuesMap() : token.getTagsMap();
      TokenAccess access = request.getAccessValue() != 0 ? request.getAccess() : token.getAccess();
      TokenRows.update(c, caller.tenantId(), id, name != null ? name : token.getName(),
          request.hasDescription() ? request.getDescription() : token.getDescription(), tags, access, expiresAt);
      Audit.record(c, caller, "token.update", "token", id, Audit.details("api_key_id", key.getId(),
          "name", name, "description", request.hasDescription() ? "(changed)" : null,
          "tags", request.hasTags() ? tags : null, "access", request.getAccessValue() != 0 ? access : null,
          "expire_time", request.hasExpiration() ? expiresAt : null));
      return TokenRows.find(c, caller.tenantId(), id, now).orElseThrow();
    });
  }

  public TokenIssuer.Issued rotate(Caller caller, RotateTokenRequest request) {
    String id = Validate.id("token_id", request.getTokenId(), "tok", false);
    Duration grace = request.getGracePeriod();
    if (grace.getSeconds() < 0 || grace.getNanos() < 0 || grace.getSeconds() > MAX_GRACE_SECONDS) {
      throw KeygateException.invalid("grace_period",
          "grace_period must be between 0 and 7 days, got " + grace.getSeconds() + "s");
    }
    if (request.hasExpiration()) {
      Validate.expiration("expiration", request.getExpiration());
    }
    Access.requireAnyKeyAction(caller, "create");
    return database.inTransaction(c -> {
      Instant now = issuer.now();
      Token token = findVisible(c, caller, id, now);
      ApiKey key = KeyRows.lock(c, caller.tenantId(), token.getApiKeyId(), now).orElseThrow();
      TenantSettings settings = authorise(c, caller, key, "create", true);
      if (key.getState() == CredentialState.CREDENTIAL_STATE_REVOKED) {
        throw KeygateException.precondition("API key " + key.getId() + " is revoked; its tokens cannot be rotated")
            .because("API_KEY_NOT_ACTIVE");
      }
      Instant expiresAt = request.hasExpiration()
          ? TokenIssuer.expiry(request.getExpiration(), settings, now, "expiration")
          : token.hasExpireTime() ? Sql.fromProto(token.getExpireTime()) : null;
      requireRoomIfReactivated(c, settings, key, token, expiresAt, now);
      boolean hasGrace = grace.getSeconds() > 0 || grace.getNanos() > 0;
      Instant oldValidUntil = hasGrace ? now.plusSeconds(grace.getSeconds()).plusNanos(grace.getNanos()) : null;
      String secret = issuer.newSecret();
      TokenRows.rotate(c, caller.tenantId(), id, SecretFormat.digest(secret), oldValidUntil, issuer.hint(secret),
          expiresAt, now);
      Audit.record(c, caller, "token.rotate", "token", id, Audit.details("api_key_id", key.getId(),
          "hint", issuer.hint(secret), "previous_secret_valid_until", oldValidUntil,
          "expire_time", request.hasExpiration() ? expiresAt : null));
      return new TokenIssuer.Issued(TokenRows.find(c, caller.tenantId(), id, now).orElseThrow(), secret);
    });
  }

  public void delete(Caller caller, String tokenId) {
    String id = Validate.id("token_id", tokenId, "tok", false);
    Access.requireAnyKeyAction(caller, "delete");
    database.inTransaction(c -> {
      Instant now = issuer.now();
      Token token = findVisible(c, caller, id, now);
      ApiKey key = KeyRows.lock(c, caller.tenantId(), token.getApiKeyId(), now).orElseThrow();
      authorise(c, caller, key, "delete", false);
      TokenRows.delete(c, caller.tenantId(), id);
      Audit.record(c, caller, "token.delete", "token", id, Audit.details("api_key_id", key.getId(),
          "hint", token.getHint()));
      return null;
    });
  }

  private static Token findVisible(Connection c, Caller caller, String id, Instant now) throws SQLException {
    Token token = TokenRows.find(c, caller.tenantId(), id, now)
        .orElseThrow(() -> KeygateException.notFound("token", id));
    KeyRows.find(c, caller.tenantId(), token.getApiKeyId(), Access.keyVisibilityOrOwn(caller), now)
        .orElseThrow(() -> KeygateException.notFound("token", id));
    return token;
  }

  /**
   * Refuses unless the caller may {@code verb} tokens of {@code key}: the permission for its owner,
   * the tenant's token rules when the call {@code issues} a secret, and everything the key holds (no
   * key obtains, shapes or takes over a more privileged key's secrets). Returns the tenant's settings.
   */
  private static TenantSettings authorise(Connection c, Caller caller, ApiKey key, String verb, boolean issues)
      throws SQLException {
    Principal owner = PrincipalRows.find(c, caller.tenantId(), key.getOwnerPrincipalId()).orElseThrow();
    Access.requireKeyAction(caller, owner, verb);
    TenantSettings settings = TenantRows.find(c, caller.tenantId()).orElseThrow().getSettings();
    if (issues) {
      Access.requireIssuer(caller, owner, settings);
    }
    Access.requireCovers(caller, Grants.ofKey(c, settings, key).permissions(), "this key's permissions");
    return settings;
  }

  /** A token that is not active now but will be with {@code expiresAt} counts against its owner's cap again. */
  private void requireRoomIfReactivated(Connection c, TenantSettings settings, ApiKey key, Token token,
      Instant expiresAt, Instant now) throws SQLException {
    boolean usable = key.getState() == CredentialState.CREDENTIAL_STATE_ACTIVE
        && (expiresAt == null || expiresAt.isAfter(now));
    if (token.getState() != CredentialState.CREDENTIAL_STATE_ACTIVE && usable) {
      Principal owner = PrincipalRows.find(c, key.getTenantId(), key.getOwnerPrincipalId()).orElseThrow();
      issuer.requireRoom(c, settings, owner, 1);
    }
  }
}
