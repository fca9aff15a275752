package io.keygate.cli.manage;

import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.CreateScopeResponse;
import io.keygate.v1.DeleteScopeRequest;
import io.keygate.v1.GetScopeRequest;
import io.keygate.v1.GetScopeResponse;
import io.keygate.v1.ListScopesRequest;
import io.keygate.v1.ListScopesResponse;
import io.keygate.v1.Scope;
import io.keygate.v1.ScopeServiceGrpc;
import io.keygate.v1.UpdateScopeRequest;
import io.keygate.v1.UpdateScopeResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keygate scopes}: ScopeService. */
@Command(name = "scopes", mixinStandardHelpOptions = true,
    description = "Scopes: the hierarchy inside a tenant, each with an API-access switch (ScopeService).",
    subcommands = {ScopesCommand.Create.class, ScopesCommand.ListItems.class, ScopesCommand.Show.class,
        ScopesCommand.Update.class, ScopesCommand.Delete.class})
public final class ScopesCommand {
  private ScopesCommand() {}

  static Table detail(Scope scope) {
    return Table.fields()
        .row("id", scope.getId())
        .row("name", scope.getName())
        .row("kind", scope.getKind())
        .row("parent", scope.getParentId())
        .row("api access", scope.getApiAccessEnabled() ? "enabled" : "disabled")
        .row("tenant", scope.getTenantId())
        .row("created", Render.time(scope.hasCreateTime(), scope.getCreateTime()))
        .row("updated", Render.time(scope.hasUpdateTime(), scope.getUpdateTime()));
  }

  static Table table(List<Scope> scopes) {
    Table table = Table.of("ID", "NAME", "KIND", "PARENT", "API ACCESS", "CREATED");
    scopes.forEach(s -> table.row(s.getId(), s.getName(), s.getKind(), s.getParentId(),
        s.getApiAccessEnabled() ? "enabled" : "disabled", Render.time(s.hasCreateTime(), s.getCreateTime())));
    return table;
  }

  @Command(name = "create", description = "Create a scope, at the top of the tenant or under --parent.")
  static final class Create extends ManageCommand {
    @Option(names = "--name", required = true, description = "Name, unique among its siblings.")
    String name;

    @Option(names = "--parent", paramLabel = "SCOPE_ID", defaultValue = "", description = "Parent scope.")
    String parent;

    @Option(names = "--kind", defaultValue = "", description = "org, project, collective, team... Default: team.")
    String kind;

    @Option(names = "--api-access", arity = "1", paramLabel = "true|false",
        description = "Whether API access is enabled. Default: true.")
    Boolean apiAccess;

    @Override
    void run() {
      CreateScopeRequest.Builder request = CreateScopeRequest.newBuilder().setName(name).setParentId(parent)
          .setKind(kind);
      if (apiAccess != null) {
        request.setApiAccessEnabled(apiAccess);
      }
      CreateScopeResponse response = stub(ScopeServiceGrpc::newBlockingStub).createScope(request.build());
      output.print(response, () -> detail(response.getScope()));
    }
  }

  @Command(name = "list", description = "List the tenant's scopes, or the children of --parent.")
  static final class ListItems extends ManageCommand {
    @Option(names = "--parent", paramLabel = "SCOPE_ID", defaultValue = "", description = "Only its children.")
    String parent;

    @Mixin
    ListOptions paging;

    @Override
    void run() {
      Page<Scope> page = collect(paging, (size, token) -> {
        ListScopesResponse r = stub(ScopeServiceGrpc::newBlockingStub).listScopes(ListScopesRequest.newBuilder()
            .setParentId(parent).setPageSize(size).setPageToken(token).build());
        return new Page<>(r.getScopesList(), r.getNextPageToken());
      });
      output.print(ListScopesResponse.newBuilder().addAllScopes(page.items()).setNextPageToken(page.nextPageToken()),
          () -> table(page.items()));
    }
  }

  @Command(name = "show", aliases = "get", description = "Show one scope.")
  static final class Show extends ManageCommand {
    @Parameters(paramLabel = "SCOPE_ID", description = "The scope (scp_...).")
    String id;

    @Override
    void run() {
      GetScopeResponse response = stub(ScopeServiceGrpc::newBlockingStub)
          .getScope(GetScopeRequest.newBuilder().setScopeId(id).build());
      output.print(response, () -> detail(response.getScope()));
    }
  }

  @Command(name = "update", description = "Rename a scope or switch its API access. Options left out keep their"
      + " value.")
  static final class Update extends ManageCommand {
    @Parameters(paramLabel = "SCOPE_ID", description = "The scope (scp_...).")
    String id;

    @Option(names = "--name", description = "New name.")
    String name;

    @Option(names = "--api-access", arity = "1", paramLabel = "true|false",
        description = "Enable or disable API access here and below.")
    Boolean apiAccess;

    @Override
    void run() {
      UpdateScopeRequest.Builder request = UpdateScopeRequest.newBuilder().setScopeId(id);
      if (name != null) {
        request.setName(name);
      }
      if (apiAccess != null) {
        request.setApiAccessEnabled(apiAccess);
      }
      UpdateScopeResponse response = stub(ScopeServiceGrpc::newBlockingStub).updateScope(request.build());
      output.print(response, () -> detail(response.getScope()));
    }
  }

  @Command(name = "delete", description = "Delete a scope without child scopes, keys or principals.")
  static final class Delete extends ManageCommand {
    @Parameters(paramLabel = "SCOPE_ID", description = "The scope (scp_...).")
    String id;

    @Override
    void run() {
      var response = stub(ScopeServiceGrpc::newBlockingStub).deleteScope(DeleteScopeRequest.newBuilder()
          .setScopeId(id).build());
      output.print(response, () -> Table.fields().row("deleted", id));
    }
  }
}
