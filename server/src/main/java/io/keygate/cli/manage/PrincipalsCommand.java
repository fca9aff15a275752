package io.keygate.cli.manage;

import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreatePrincipalResponse;
import io.keygate.v1.DeletePrincipalRequest;
import io.keygate.v1.GetPrincipalRequest;
import io.keygate.v1.GetPrincipalResponse;
import io.keygate.v1.ListPrincipalsRequest;
import io.keygate.v1.ListPrincipalsResponse;
import io.keygate.v1.Principal;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.PrincipalServiceGrpc;
import io.keygate.v1.UpdatePrincipalRequest;
import io.keygate.v1.UpdatePrincipalResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keygate principals}: PrincipalService. */
@Command(name = "principals", mixinStandardHelpOptions = true,
    description = "Principals: who owns keys — users, service accounts, agents (PrincipalService).",
    subcommands = {PrincipalsCommand.Create.class, PrincipalsCommand.ListItems.class, PrincipalsCommand.Show.class,
        PrincipalsCommand.Update.class, PrincipalsCommand.Delete.class})
public final class PrincipalsCommand {
  private PrincipalsCommand() {}

  static Table detail(Principal p) {
    return Table.fields()
        .row("id", p.getId())
        .row("kind", Render.name(p.getKind()) + (p.getInternal() ? " (internal)" : ""))
        .row("name", p.getDisplayName())
        .row("email", p.getEmail())
        .row("parent", p.getParentPrincipalId())
        .row("role", p.getRoleId())
        .row("scope", p.getScopeId())
        .row("tenant", p.getTenantId())
        .row("created", Render.time(p.hasCreateTime(), p.getCreateTime()))
        .row("updated", Render.time(p.hasUpdateTime(), p.getUpdateTime()));
  }

  static Table table(List<Principal> principals) {
    Table table = Table.of("ID", "KIND", "NAME", "EMAIL", "PARENT", "ROLE", "SCOPE", "CREATED");
    principals.forEach(p -> table.row(p.getId(), Render.name(p.getKind()), p.getDisplayName(), p.getEmail(),
        p.getParentPrincipalId(), p.getRoleId(), p.getScopeId(), Render.time(p.hasCreateTime(), p.getCreateTime())));
    return table;
  }

  @Command(name = "create", description = "Create a principal.")
  static final class Create extends ManageCommand {
    @Option(names = "--kind", required = true, description = "user, service-account or agent.")
    String kind;

    @Option(names = "--name", required = true, description = "Display name.")
    String name;

    @Option(names = "--email", defaultValue = "", description = "E-mail.")
    String email;

    @Option(names = "--parent", paramLabel = "PRINCIPAL_ID", defaultValue = "",
        description = "Agents: the user that manages it (required for agents).")
    String parent;

    @Option(names = "--internal", description = "Agents: run by the system; its tokens are never issued via the API.")
    boolean internal;

    @Option(names = "--role", paramLabel = "ROLE_ID", defaultValue = "", description = "Role.")
    String role;

    @Option(names = "--scope", paramLabel = "SCOPE_ID", defaultValue = "", description = "Scope (team).")
    String scope;

    @Override
    void run() {
      PrincipalKind principalKind = flags.enumValue("--kind", kind, PrincipalKind.values());
      CreatePrincipalResponse response = stub(PrincipalServiceGrpc::newBlockingStub).createPrincipal(
          CreatePrincipalRequest.newBuilder().setKind(principalKind).setDisplayName(name).setEmail(email)
              .setParentPrincipalId(parent).setInternal(internal).setRoleId(role).setScopeId(scope).build());
      output.print(response, () -> detail(response.getPrincipal()));
    }
  }

  @Command(name = "list", description = "List principals.")
  static final class ListItems extends ManageCommand {
    @Option(names = "--kind", description = "Only this kind: user, service-account or agent.")
    String kind;

    @Option(names = "--parent", paramLabel = "PRINCIPAL_ID", defaultValue = "",
        description = "Only agents managed by this user.")
    String parent;

    @Mixin
    ListOptions paging;

    @Override
    void run() {
      ListPrincipalsRequest.Builder filter = ListPrincipalsRequest.newBuilder().setParentPrincipalId(parent);
      if (kind != null) {
        filter.setKind(flags.enumValue("--kind", kind, PrincipalKind.values()));
      }
      Page<Principal> page = collect(paging, (size, token) -> {
        ListPrincipalsResponse r = stub(PrincipalServiceGrpc::newBlockingStub).listPrincipals(filter.clone()
            .setPageSize(size).setPageToken(token).build());
        return new Page<>(r.getPrincipalsList(), r.getNextPageToken());
      });
      output.print(ListPrincipalsResponse.newBuilder().addAllPrincipals(page.items())
          .setNextPageToken(page.nextPageToken()), () -> table(page.items()));
    }
  }

  @Command(name = "show", aliases = "get", description = "Show one principal.")
  static final class Show extends ManageCommand {
    @Parameters(paramLabel = "PRINCIPAL_ID", description = "The principal (prn_...).")
    String id;

    @Override
    void run() {
      GetPrincipalResponse response = stub(PrincipalServiceGrpc::newBlockingStub)
          .getPrincipal(GetPrincipalRequest.newBuilder().setPrincipalId(id).build());
      output.print(response, () -> detail(response.getPrincipal()));
    }
  }

  @Command(name = "update", description = "Change a principal. Options left out keep their value;"
      + " an empty value (--email '') clears e-mail, role or scope.")
  static final class Update extends ManageCommand {
    @Parameters(paramLabel = "PRINCIPAL_ID", description = "The principal (prn_...).")
    String id;

    @Option(names = "--name", description = "New display name.")
    String name;

    @Option(names = "--email", description = "New e-mail; empty clears it.")
    String email;

    @Option(names = "--role", paramLabel = "ROLE_ID", description = "New role; empty clears it.")
    String role;

    @Option(names = "--scope", paramLabel = "SCOPE_ID", description = "New scope; empty clears it.")
    String scope;

    @Override
    void run() {
      UpdatePrincipalRequest.Builder request = UpdatePrincipalRequest.newBuilder().setPrincipalId(id);
      if (name != null) {
        request.setDisplayName(name);
      }
      if (email != null) {
        request.setEmail(email);
      }
      if (role != null) {
        request.setRoleId(role);
      }
      if (scope != null) {
        request.setScopeId(scope);
      }
      UpdatePrincipalResponse response = stub(PrincipalServiceGrpc::newBlockingStub).updatePrincipal(request.build());
      output.print(response, () -> detail(response.getPrincipal()));
    }
  }

  @Command(name = "delete", description = "Delete a principal that owns no keys and manages no agents.")
  static final class Delete extends ManageCommand {
    @Parameters(paramLabel = "PRINCIPAL_ID", description = "The principal (prn_...).")
    String id;

    @Override
    void run() {
      var response = stub(PrincipalServiceGrpc::newBlockingStub).deletePrincipal(DeletePrincipalRequest.newBuilder()
          .setPrincipalId(id).build());
      output.print(response, () -> Table.fields().row("deleted", id));
    }
  }
}
