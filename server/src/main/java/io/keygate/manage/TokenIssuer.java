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
      throw KeygateException.invalid(field + ".access", field + ".access has a value this server does not know");
    }
  }

  Issued issue(Connection c, ApiKey key, TenantSettings settings, TokenSpec spec) throws SQLException {
    Principal owner = PrincipalRows.find(c, key.getTenantId(), key.getOwnerPrincipalId()).orElseThrow();
    requireRoom(c, settings, owner, 1);
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

  /**
   * Refuses unless {@code owner} can hold {@code more} active tokens beyond those it holds now, under
   * the tenant's cap. Locks the owner's row first, so concurrent calls that make tokens active (a
   * create, or an expiry moved into the future) cannot overshoot the cap together.
   */
  void requireRoom(Connection c, TenantSettings settings, Principal owner, long more) throws SQLException {
    PrincipalRows.lock(c, owner.getTenantId(), owner.getId()).orElseThrow();
    int cap = settings.getMaxActiveTokensPerPrincipal();
    long active = TokenRows.countActive(c, owner.getTenantId(), owner.getId(), clock.instant());
    if (cap > 0 && more > 0 && active + more > cap) {
      throw KeygateException.precondition("principal " + owner.getId() + " holds " + active + " active tokens and"
          + " the tenant's maximum is " + cap + "; delete unused tokens to free a slot").because("TOKEN_LIMIT_REACHED")
          .with("limit", cap).with("active", active);
    }
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

  /**
   * A key's own expiry: as {@code expiration} asks (none when unset or {@code never}: its tokens are
   * capped anyway), refused when it is beyond the tenant's maximum token lifetime.
   */
  static Instant keyExpiry(Expiration expiration, TenantSettings settings, Instant now, String field) {
    return Expirations.resolve(expiration, now, null, field) == null ? null
        : expiry(expiration, settings, now, field);
  }

  /** The expiry {@code expiration} asks for, capped by the tenant's maximum token lifetime. */
  static Instant expiry(Expiration expiration, TenantSettings settings, Instant now, String field) {
    Instant cap = Expirations.after(now, settings.getMaxTokenLifetime(), "max_token_lifetime");
    return Expirations.resolve(expiration, now, cap, field);
  }
}
