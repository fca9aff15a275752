package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.store.postgres.AuditRows;
import io.keygate.store.postgres.Database;
import io.keygate.store.postgres.Sql;
import io.keygate.v1.AuditEvent;
import io.keygate.v1.ListAuditEventsRequest;
import io.keygate.v1.ListAuditEventsResponse;
import java.time.Instant;
import java.util.List;

/** Reads the audit log, newest first, within the caller's tenant. */
public final class AuditReader {
  private final Database database;

  public AuditReader(Database database) {
    this.database = database;
  }

  public ListAuditEventsResponse list(Caller caller, ListAuditEventsRequest request) {
    int size = Pages.size(request.getPageSize());
    String after = Pages.after(request.getPageToken());
    long before;
    try {
      before = after.isEmpty() ? Long.MAX_VALUE : Long.parseLong(after);
    } catch (NumberFormatException e) {
      throw KeygateException.invalid("page_token is not a token this server issued; start again without it");
    }
    for (String field : List.of(request.getActorPrincipalId(), request.getActorApiKeyId(), request.getTargetId(),
        request.getAction())) {
      if (field.length() > 100) {
        throw KeygateException.invalid("filters must be at most 100 characters each");
      }
    }
    Instant start = request.hasStartTime() ? Sql.fromProto(request.getStartTime()) : null;
    Instant end = request.hasEndTime() ? Sql.fromProto(request.getEndTime()) : null;
    if (start != null && end != null && !start.isBefore(end)) {
      throw KeygateException.invalid("start_time must be before end_time");
    }
    Access.require(caller, Access.AUDIT_READ);
    AuditRows.Filter filter = new AuditRows.Filter(request.getActorPrincipalId(), request.getActorApiKeyId(),
        request.getTargetId(), request.getAction(), start, end);
    List<AuditEvent> events = database.read(c -> AuditRows.list(c, caller.tenantId(), filter, before, size));
    return ListAuditEventsResponse.newBuilder().addAllEvents(events)
        .setNextPageToken(Pages.next(events, size, AuditEvent::getId)).build();
  }
}
