package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.store.postgres.AuditRows;
import io.keygate.store.postgres.Database;
import io.keygate.v1.AuditEvent;
import io.keygate.v1.ListAuditEventsRequest;
import io.keygate.v1.ListAuditEventsResponse;
import java.time.Instant;
import java.util.List;

/** Reads the audit log, newest first, within the caller's tenant (tenant-wide keys only). */
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
      throw KeygateException.invalid("page_token",
          "page_token is not a token this server issued; start again without it");
    }
    for (String field : List.of(request.getActorPrincipalId(), request.getActorApiKeyId(), request.getTargetId(),
        request.getAction())) {
      if (field.length() > 100) {
        throw KeygateException.invalid("filters", "filters must be at most 100 characters each");
      }
    }
    Instant start = request.hasStartTime() ? Validate.timestamp("start_time", request.getStartTime()) : null;
    Instant end = request.hasEndTime() ? Validate.timestamp("end_time", request.getEndTime()) : null;
    if (start != null && end != null && !start.isBefore(end)) {
      throw KeygateException.invalid("start_time", "start_time must be before end_time");
    }
    Access.require(caller, Access.AUDIT_READ);
    if (caller.scopeBound()) {
      throw KeygateException.denied("this API key is bound to scope " + caller.scopeId() + "; the audit log is the"
          + " whole tenant's, so only tenant-wide keys read it").because("OUTSIDE_KEY_SCOPE")
              .with("scope_id", caller.scopeId());
    }
    AuditRows.Filter filter = new AuditRows.Filter(request.getActorPrincipalId(), request.getActorApiKeyId(),
        request.getTargetId(), request.getAction(), start, end);
    List<AuditEvent> events = database.read(c -> AuditRows.list(c, caller.tenantId(), filter, before, size));
    return ListAuditEventsResponse.newBuilder().addAllEvents(events)
        .setNextPageToken(Pages.next(events, size, AuditEvent::getId)).build();
  }
}
