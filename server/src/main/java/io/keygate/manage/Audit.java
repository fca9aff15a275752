package io.keygate.manage;

import io.keygate.store.postgres.AuditRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes audit rows inside the caller's transaction, so a change and its record commit together. */
final class Audit {
  private Audit() {}

  static void record(Connection c, Caller caller, String tenantId, String action, String targetType,
      String targetId, Map<String, String> details) throws SQLException {
    AuditRows.insert(c, tenantId, caller.principalId(), caller.apiKeyId(), action, targetType, targetId,
        caller.clientIp(), details);
  }

  static void record(Connection c, Caller caller, String action, String targetType, String targetId,
      Map<String, String> details) throws SQLException {
    record(c, caller, caller.tenantId(), action, targetType, targetId, details);
  }

  /** Details from alternating names and values; null values are left out. */
  static Map<String, String> details(Object... namesAndValues) {
    Map<String, String> details = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        details.put(namesAndValues[i].toString(), namesAndValues[i + 1].toString());
      }
    }
    return details;
  }
}
