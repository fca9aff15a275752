package io.keygate.cli.manage;

import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateRoleResponse;
import io.keygate.v1.DeleteRoleRequest;
import io.keygate.v1.GetRoleRequest;
import io.keygate.v1.GetRoleResponse;
import io.keygate.v1.ListRolesRequest;
import io.keygate.v1.ListRolesResponse;
import io.keygate.v1.Role;
import io.keygate.v1.RoleServiceGrpc;
import io.keygate.v1.StringList;
import io.keygate.v1.UpdateRoleRequest;
import io.keygate.v1.UpdateRoleResponse;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keygate roles}: RoleService. */
@Command(name = "roles", mixinStandardHelpOptions = true,
    description = "Roles: named sets of permissions resource:action[:qualifier] (RoleService).",
    subcommands = {RolesCommand.Create.class, RolesCommand.ListItems.class, RolesCommand.Show.class,
        RolesCommand.Update.class, RolesCommand.Delete.class})
public final class RolesCommand {
  private RolesCommand() {}

  static Table detail(Role role) {
    return Table.fields()
        .row("id", role.getId())
        .row("name", role.getName())
        .row("description", role.getDescription())
        .row("permissions", Render.list(role.getPermissionsList()))
        .row("tenant", role.getTenantId())
        .row("created", Render.time(role.hasCreateTime(), role.getCreateTime()))
        .row("updated", Render.time(role.hasUpdateTime(), role.getUpdateTime()));
  }

  static Table table(List<Role> roles) {
    Table table = Table.of("ID", "NAME", "PERMISSIONS", "CREATED");
    roles.forEach(r -> table.row(r.getId(), r.getName(), Render.list(r.getPermissionsList()),
        Render.time(r.hasCreateTime(), r.getCreateTime())));
    return table;
  }

  @Command(name = "create", description = "Create a role. You can only grant permissions you hold.")
  static final class Create extends ManageCommand {
    @Option(names = "--name", required = true, description = "Name, unique in the tenant.")
    String name;

    @Option(names = "--description", defaultValue = "", description = "Description.")
    String description;

    @Option(names = "--permission", paramLabel = "PERM", split = ",",
        description = "A permission, e.g. conversations:read; repeat or separate with commas.")
    List<String> permissions = new ArrayList<>();

    @Override
    void run() {
      CreateRoleResponse response = stub(RoleServiceGrpc::newBlockingStub).createRole(CreateRoleRequest.newBuilder()
          .setName(name).setDescription(description).addAllPermissions(permissions).build());
      output.print(response, () -> detail(response.getRole()));
    }
  }

  @Command(name = "list", description = "List the tenant's roles.")
  static final class ListItems extends ManageCommand {
    @Mixin
    ListOptions paging;

    @Override
    void run() {
      Page<Role> page = collect(paging, (size, token) -> {
        ListRolesResponse r = stub(RoleServiceGrpc::newBlockingStub).listRoles(ListRolesRequest.newBuilder()
            .setPageSize(size).setPageToken(token).build());
        return new Page<>(r.getRolesList(), r.getNextPageToken());
      });
      output.print(ListRolesResponse.newBuilder().addAllRoles(page.items()).setNextPageToken(page.nextPageToken()),
          () -> table(page.items()));
    }
  }

  @Command(name = "show", aliases = "get", description = "Show one role.")
  static final class Show extends ManageCommand {
    @Parameters(paramLabel = "ROLE_ID", description = "The role (rol_...).")
    String id;

    @Override
    void run() {
      GetRoleResponse response = stub(RoleServiceGrpc::newBlockingStub)
          .getRole(GetRoleRequest.newBuilder().setRoleId(id).build());
      output.print(response, () -> detail(response.getRole()));
    }
  }

  @Command(name = "update", description = "Change a role; it takes effect on every key that has it."
      + " Options left out keep their value.")
  static final class Update extends ManageCommand {
    @Parameters(paramLabel = "ROLE_ID", description = "The role (rol_...).")
    String id;

    @Option(names = "--name", description = "New name.")
    String name;

    @Option(names = "--description", description = "New description.")
    String description;

    @Option(names = "--permission", paramLabel = "PERM", split = ",",
        description = "New permissions, replacing all old ones; repeat or separate with commas.")
    List<String> permissions;

    @Option(names = "--no-permissions", description = "Remove every permission.")
    boolean noPermissions;

    @Override
    void run() {
      UpdateRoleRequest.Builder request = UpdateRoleRequest.newBuilder().setRoleId(id);
      if (name != null) {
        request.setName(name);
      }
      if (description != null) {
        request.setDescription(description);
      }
      if (permissions != null && noPermissions) {
        throw flags.usage("--permission and --no-permissions exclude each other");
      }
      if (permissions != null || noPermissions) {
        request.setPermissions(StringList.newBuilder().addAllValues(noPermissions ? List.of() : permissions));
      }
      UpdateRoleResponse response = stub(RoleServiceGrpc::newBlockingStub).updateRole(request.build());
      output.print(response, () -> detail(response.getRole()));
    }
  }

  @Command(name = "delete", description = "Delete a role no key or principal uses.")
  static final class Delete extends ManageCommand {
    @Parameters(paramLabel = "ROLE_ID", description = "The role (rol_...).")
    String id;

    @Override
    void run() {
      var response = stub(RoleServiceGrpc::newBlockingStub).deleteRole(DeleteRoleRequest.newBuilder()
          .setRoleId(id).build());
      output.print(response, () -> Table.fields().row("deleted", id));
    }
  }
}
