package io.keygate.store.postgres;

import io.keygate.v1.AuditEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The append-only {@code audit_events} table. Nothing here ever holds a secret or a digest. */
public final class AuditRows {
  private AuditRows() {}

  /** The filters of a list call; empty strings and nulls mean "any". */
  public record Filter(String actorPrincipalId, String actorApiKeyId, String targetId, String action,
      Instant start, Instant end) {}

  public static void insert(Connection c, String tenantId, String actorPrincipalId, String actorApiKeyId,
      String action, String targetType, String targetId, String clientIp, Map<String, String> details)
      throws SQLException {
    Sql.update(c, "insert into audit_events (tenant_id, actor_principal_id, actor_api_key_id, action, target_type,"
        + " target_id, client_ip, details) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
        tenantId, actorPrincipalId, actorApiKeyId, action, targetType, targetId, clientIp, Json.of(details));
  }

  /** Events newest first, with ids below {@code beforeId} (use {@link Long#MAX_VALUE} for the first page). */
  public static List<AuditEvent> list(Connection c, String tenantId, Filter f, long beforeId, int limit)
      throws SQLException {
    StringBuilder sql = new StringBuilder("select * from audit_events where tenant_id = ? and id < ?");
    List<Object> params = new ArrayList<>(List.of(tenantId, beforeId));
    if (!f.actorPrincipalId().isEmpty()) {
      sql.append(" and actor_principal_id = ?");
      params.add(f.actorPrincipalId());
    }
    if (!f.actorApiKeyId().isEmpty()) {
      sql.append(" and actor_api_key_id = ?");
      params.add(f.actorApiKeyId());
    }
    if (!f.targetId().isEmpty()) {
      sql.append(" and target_id = ?");
      params.add(f.targetId());
    }
    if (!f.action().isEmpty()) {
      sql.append(" and action = ?");
      params.add(f.action());
    }
    if (f.start() != null) {
      sql.append(" and occurred_at >= ?");
      params.add(f.start());
    }
    if (f.end() != null) {
      sql.append(" and occurred_at < ?");
      params.add(f.end());
    }
    sql.append(" order by id desc limit ?");
    params.add(limit);
    return Sql.query(c, sql.toString(), AuditRows::map, params.toArray());
  }

  static AuditEvent map(ResultSet rs) throws SQLException {
    return AuditEvent.newBuilder()
        .setId(Long.toString(rs.getLong("id")))
        .setTenantId(rs.getString("tenant_id"))
        .setActorPrincipalId(rs.getString("actor_principal_id"))
        .setActorApiKeyId(rs.getString("actor_api_key_id"))
        .setAction(rs.getString("action"))
        .setTargetType(rs.getString("target_type"))
        .setTargetId(rs.getString("target_id"))
        .setClientIp(rs.getString("client_ip"))
        .setTime(Sql.timestamp(rs, "occurred_at"))
        .putAllDetails(Json.toMap(rs.getString("details")))
        .build();
  }
}
