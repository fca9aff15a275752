package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.keys.Expirations;
import io.keygate.keys.Ids;
import io.keygate.keys.SecretFormat;
import io.keygate.store.postgres.PrincipalRows;
import io.keygate.store.postgres.TokenRows;
import io.keygate.v1.ApiKey;
import io.keygate.v1.Expiration;
import io.keygate.v1.Principal;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.Token;
import io.keygate.v1.TokenAccess;
import io.keygate.v1.TokenSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/**
 * Mints tokens: checks the owner's active-token cap (under a lock on the owner, so concurrent
 * creates cannot overshoot it), applies the tenant's maximum lifetime, generates the secret and
 * stores only its digest. The secret leaves only in the returned {@link Issued}.
 */
public final class TokenIssuer {
  private final SecretFormat format;
  private final Clock clock;

  public TokenIssuer(SecretFormat format, Clock clock) {
    this.format = format;
    this.clock = clock;
  }

  /** A stored token and its secret, to be shown once. */
  public record Issued(Token token, String secret) {
    @Override
    public String toString() {
      return "Issued[token=" + token.getId() + ", secret=<redacted>]";
    }
  }

  /** Checks a spec's fields before any transaction starts. */
  static void validate(String field, TokenSpec spec) {
    if (!spec.getName().isEmpty()) {
      Validate.name(field + ".name", spec.getName(), 200);
    }
    Validate.description(field + ".description", spec.getDescription(), 1000);
    Validate.tags(field + ".tags", spec.getTagsMap());
    if (spec.getAccess() == TokenAccess.UNRECOGNIZED) {
      throw KeygateException.invalid(field + ".access has a value this server does not know");
    }
  }

  Issued issue(Connection c, ApiKey key, TenantSettings settings, TokenSpec spec) throws SQLException {
    Principal owner = PrincipalRows.lock(c, key.getTenantId(), key.getOwnerPrincipalId()).orElseThrow();
    int cap = settings.getMaxActiveTokensPerPrincipal();
    if (cap > 0 && TokenRows.countActive(c, key.getTenantId(), owner.getId(), clock.instant()) >= cap) {
      throw KeygateException.precondition("principal " + owner.getId() + " already holds " + cap
          + " active tokens, the tenant's maximum; delete unused tokens to free a slot");
    }
    Instant now = clock.instant();
    Instant expiresAt = expiry(spec.getExpiration(), settings, now, "token.expiration");
    String secret = format.generate();
    Token token = Token.newBuilder()
        .setId(Ids.token())
        .setApiKeyId(key.getId())
        .setName(spec.getName().isEmpty() ? "default" : spec.getName().strip())
        .setDescription(spec.getDescription())
        .putAllTags(spec.getTagsMap())
        .setAccess(spec.getAccess() == TokenAccess.TOKEN_ACCESS_READ_ONLY ? TokenAccess.TOKEN_ACCESS_READ_ONLY
            : TokenAccess.TOKEN_ACCESS_READ_WRITE)
        .setHint(format.hint(secret))
        .build();
    TokenRows.insert(c, token, key.getTenantId(), owner.getId(), expiresAt, SecretFormat.digest(secret));
    return new Issued(TokenRows.find(c, key.getTenantId(), token.getId(), clock.instant()).orElseThrow(), secret);
  }

  /** A fresh secret for an existing token; the caller stores its digest. */
  String newSecret() {
    return format.generate();
  }

  String hint(String secret) {
    return format.hint(secret);
  }

  Instant now() {
    return clock.instant();
  }

  /** The expiry {@code expiration} asks for, capped by the tenant's maximum token lifetime. */
  static Instant expiry(Expiration expiration, TenantSettings settings, Instant now, String field) {
    Instant cap = Expirations.after(now, settings.getMaxTokenLifetime(), "max_token_lifetime");
    return Expirations.resolve(expiration, now, cap, field);
  }
}
