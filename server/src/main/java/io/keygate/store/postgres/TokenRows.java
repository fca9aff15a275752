package io.keygate.store.postgres;

import io.keygate.v1.Token;
import io.keygate.v1.TokenAccess;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code tokens} and {@code token_secrets} tables. Secrets arrive here only as digests. */
public final class TokenRows {
  /** Its first parameter is the time "now" for the grace period of a previous secret. */
  private static final String SELECT = "select tk.*, k.revoked_at as k_revoked, k.expires_at as k_expires,"
      + " (select max(s.valid_until) from token_secrets s where s.token_id = tk.id and s.valid_until > ?)"
      + " as previous_until from tokens tk join api_keys k on k.id = tk.api_key_id";

  private TokenRows() {}

  public static void insert(Connection c, Token t, String tenantId, String principalId, Instant expiresAt,
      byte[] digest) throws SQLException {
    Sql.update(c, "insert into tokens (id, tenant_id, api_key_id, principal_id, name, description, tags, access,"
        + " hint, expires_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)",
        t.getId(), tenantId, t.getApiKeyId(), principalId, t.getName(), t.getDescription(),
        Json.of(t.getTagsMap()), accessName(t.getAccess()), t.getHint(), expiresAt);
    Sql.update(c, "insert into token_secrets (digest, token_id) values (?, ?)", digest, t.getId());
  }

  /** The token, its state as of {@code now}. */
  public static Optional<Token> find(Connection c, String tenantId, String id, Instant now) throws SQLException {
    return Sql.queryOne(c, SELECT + " where tk.tenant_id = ? and tk.id = ?", rs -> map(rs, now), now, tenantId, id);
  }

  public static List<Token> list(Connection c, String tenantId, String apiKeyId, String afterId, int limit,
      Instant now) throws SQLException {
    return Sql.query(c, SELECT + " where tk.tenant_id = ? and tk.api_key_id = ? and tk.id > ? order by tk.id limit ?",
        rs -> map(rs, now), now, tenantId, apiKeyId, afterId, limit);
  }

  /** Tokens of the principal that are neither expired nor revoked (nor under an expired key) at {@code now}. */
  public static long countActive(Connection c, String tenantId, String principalId, Instant now) throws SQLException {
    return Sql.count(c, "select count(*) from tokens tk join api_keys k on k.id = tk.api_key_id"
        + " where tk.tenant_id = ? and tk.principal_id = ? and k.revoked_at is null"
        + " and (tk.expires_at is null or tk.expires_at > ?) and (k.expires_at is null or k.expires_at > ?)",
        tenantId, principalId, now, now);
  }

  /** Tokens of the key that have not expired themselves at {@code now} (whatever their key's state). */
  public static long countUnexpired(Connection c, String tenantId, String apiKeyId, Instant now) throws SQLException {
    return Sql.count(c, "select count(*) from tokens where tenant_id = ? and api_key_id = ?"
        + " and (expires_at is null or expires_at > ?)", tenantId, apiKeyId, now);
  }

  public static void update(Connection c, String tenantId, String id, String name, String description,
      Map<String, String> tags, TokenAccess access, Instant expiresAt) throws SQLException {
    Sql.update(c, "update tokens set name = ?, description = ?, tags = ?::jsonb, access = ?, expires_at = ?,"
        + " updated_at = now() where tenant_id = ? and id = ?",
        name, description, Json.of(tags), accessName(access), expiresAt, tenantId, id);
  }

  /**
   * Replaces the token's secret: {@code newDigest} becomes current, and the current one stays valid
   * until {@code oldValidUntil} — or ends now when that is null. Every earlier secret ends now either
   * way: at most one previous secret is ever in its grace period, and a rotation without grace leaves
   * only the new one.
   */
  public static void rotate(Connection c, String tenantId, String id, byte[] newDigest, Instant oldValidUntil,
      String hint, Instant expiresAt, Instant now) throws SQLException {
    Sql.update(c, "delete from token_secrets where token_id = ? and valid_until is not null", id);
    if (oldValidUntil == null) {
      Sql.update(c, "delete from token_secrets where token_id = ? and valid_until is null", id);
    } else {
      Sql.update(c, "update token_secrets set valid_until = ? where token_id = ? and valid_until is null",
          oldValidUntil, id);
    }
    Sql.update(c, "insert into token_secrets (digest, token_id) values (?, ?)", newDigest, id);
    Sql.update(c, "update tokens set hint = ?, expires_at = ?, rotated_at = ?, updated_at = now()"
        + " where tenant_id = ? and id = ?", hint, expiresAt, now, tenantId, id);
  }

  public static void delete(Connection c, String tenantId, String id) throws SQLException {
    Sql.update(c, "delete from tokens where tenant_id = ? and id = ?", tenantId, id);
  }

  static Token map(ResultSet rs, Instant now) throws SQLException {
    Instant expires = Sql.instant(rs, "expires_at");
    Instant keyExpires = Sql.instant(rs, "k_expires");
    Instant effective = expires == null ? keyExpires
        : keyExpires == null || expires.isBefore(keyExpires) ? expires : keyExpires;
    Token.Builder t = Token.newBuilder()
        .setId(rs.getString("id"))
        .setApiKeyId(rs.getString("api_key_id"))
        .setName(rs.getString("name"))
        .setDescription(rs.getString("description"))
        .putAllTags(Json.toMap(rs.getString("tags")))
        .setAccess(accessOf(rs.getString("access")))
        .setState(KeyRows.state(Sql.instant(rs, "k_revoked"), effective, now))
        .setHint(rs.getString("hint"))
        .setCreateTime(Sql.timestamp(rs, "created_at"))
        .setUpdateTime(Sql.timestamp(rs, "updated_at"));
    if (expires != null) {
      t.setExpireTime(Sql.toProto(expires));
    }
    if (Sql.instant(rs, "rotated_at") != null) {
      t.setRotateTime(Sql.timestamp(rs, "rotated_at"));
    }
    if (Sql.instant(rs, "previous_until") != null) {
      t.setPreviousSecretExpireTime(Sql.timestamp(rs, "previous_until"));
    }
    if (Sql.instant(rs, "last_used_at") != null) {
      t.setLastUsedTime(Sql.timestamp(rs, "last_used_at"));
    }
    return t.build();
  }

  static String accessName(TokenAccess access) {
    return access == TokenAccess.TOKEN_ACCESS_READ_ONLY ? "read_only" : "read_write";
  }

  static TokenAccess accessOf(String name) {
    return name.equals("read_only") ? TokenAccess.TOKEN_ACCESS_READ_ONLY : TokenAccess.TOKEN_ACCESS_READ_WRITE;
  }
}
