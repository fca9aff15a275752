package io.keygate.cli.manage;

import io.keygate.v1.AuditEvent;
import io.keygate.v1.AuditServiceGrpc;
import io.keygate.v1.ListAuditEventsRequest;
import io.keygate.v1.ListAuditEventsResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keygate audit}: AuditService. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "The audit log: one event per management change, never a secret (AuditService).",
    subcommands = AuditCommand.ListItems.class)
public final class AuditCommand {
  private AuditCommand() {}

  static Table table(List<AuditEvent> events) {
    Table table = Table.of("TIME", "ACTION", "TARGET", "ACTOR", "ACTOR KEY", "CLIENT IP", "DETAILS");
    events.forEach(e -> table.row(Render.time(e.hasTime(), e.getTime()), e.getAction(), e.getTargetId(),
        e.getActorPrincipalId(), e.getActorApiKeyId(), e.getClientIp(), Render.tags(e.getDetailsMap())));
    return table;
  }

  @Command(name = "list", description = "List the tenant's audit events, newest first; filters combine.")
  static final class ListItems extends ManageCommand {
    @Option(names = "--actor", paramLabel = "PRINCIPAL_ID", defaultValue = "", description = "Only by this principal.")
    String actor;

    @Option(names = "--actor-key", paramLabel = "KEY_ID", defaultValue = "", description = "Only made with this key.")
    String actorKey;

    @Option(names = "--target", paramLabel = "ID", defaultValue = "", description = "Only on this object.")
    String target;

    @Option(names = "--action", defaultValue = "", description = "Only this action, e.g. api_key.create.")
    String action;

    @Option(names = "--since", paramLabel = "WHEN",
        description = "Only at or after this time (2030-01-01T00:00:00Z) or this long ago (1h, 7d).")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Only before this time or this long ago.")
    String until;

    @Mixin
    ListOptions paging;

    @Override
    void run() {
      ListAuditEventsRequest.Builder filter = ListAuditEventsRequest.newBuilder().setActorPrincipalId(actor)
          .setActorApiKeyId(actorKey).setTargetId(target).setAction(action);
      if (since != null) {
        filter.setStartTime(flags.instant("--since", since));
      }
      if (until != null) {
        filter.setEndTime(flags.instant("--until", until));
      }
      Page<AuditEvent> page = collect(paging, (size, token) -> {
        ListAuditEventsResponse r = stub(AuditServiceGrpc::newBlockingStub).listAuditEvents(filter.clone()
            .setPageSize(size).setPageToken(token).build());
        return new Page<>(r.getEventsList(), r.getNextPageToken());
      });
      output.print(ListAuditEventsResponse.newBuilder().addAllEvents(page.items())
          .setNextPageToken(page.nextPageToken()), () -> table(page.items()));
    }
  }
}
