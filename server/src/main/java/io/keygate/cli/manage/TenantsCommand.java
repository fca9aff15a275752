package io.keygate.cli.manage;

import io.keygate.authz.RouteTable;
import io.keygate.v1.CreateTenantRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.GetTenantRequest;
import io.keygate.v1.GetTenantResponse;
import io.keygate.v1.ListTenantsRequest;
import io.keygate.v1.ListTenantsResponse;
import io.keygate.v1.Tenant;
import io.keygate.v1.TenantServiceGrpc;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.UpdateTenantRequest;
import io.keygate.v1.UpdateTenantResponse;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keygate tenants}: TenantService. */
@Command(name = "tenants", mixinStandardHelpOptions = true,
    description = "Tenants: isolated accounts and their settings (TenantService). Creating and listing tenants"
        + " needs a key of the system tenant.",
    subcommands = {TenantsCommand.Create.class, TenantsCommand.ListItems.class, TenantsCommand.Show.class,
        TenantsCommand.Update.class})
public final class TenantsCommand {
  private TenantsCommand() {}

  static Table detail(Tenant tenant) {
    TenantSettings s = tenant.getSettings();
    return Table.fields()
        .row("id", tenant.getId())
        .row("name", tenant.getName())
        .row("system", tenant.getSystem())
        .row("api access", s.getApiAccessEnabled() ? "enabled" : "disabled")
        .row("accepted credentials", Render.name(s.getAcceptedCredentials()))
        .row("ip limit", s.getIpLimitRequests() + " per " + Render.duration(s.getIpLimitWindow()))
        .row("key limit", s.getKeyLimitPerMinute() + "/min " + Render.name(s.getKeyLimitMode()))
        .row("default permissions", Render.list(s.getDefaultPermissions().getValuesList()))
        .row("permission source", Render.name(s.getPermissionSource()))
        .row("max active tokens", s.getMaxActiveTokensPerPrincipal())
        .row("max token lifetime", Render.lifetime(s.getMaxTokenLifetime()))
        .row("personal keys tenant-wide only", s.getPersonalKeysTenantWideOnly())
        .row("auth failure guard blocks valid keys", s.getAuthFailureGuardBlocksValidKeys())
        .row("token issuers", Render.name(s.getTokenIssuers()))
        .row("token owners", Render.name(s.getTokenOwners()))
        .row("token management resources", Render.list(s.getTokenManagementResources().getValuesList()))
        .row("routes", s.getRoutes().isEmpty() ? "the deployment's"
            : RouteTable.parseTenant(s.getRoutes()).routes().size() + " routes of its own")
        .row("exact rate limits", s.getExactRateLimits())
        .row("created", Render.time(tenant.hasCreateTime(), tenant.getCreateTime()))
        .row("updated", Render.time(tenant.hasUpdateTime(), tenant.getUpdateTime()));
  }

  static Table table(List<Tenant> tenants) {
    Table table = Table.of("ID", "NAME", "SYSTEM", "API ACCESS", "CREATED");
    tenants.forEach(t -> table.row(t.getId(), t.getName(), t.getSystem(),
        t.getSettings().getApiAccessEnabled() ? "enabled" : "disabled",
        Render.time(t.hasCreateTime(), t.getCreateTime())));
    return table;
  }

  @Command(name = "create", description = "Create a tenant with an admin user and an admin key; prints the key's"
      + " secret once.")
  static final class Create extends ManageCommand {
    @Option(names = "--name", required = true, description = "Display name.")
    String name;

    @Option(names = "--admin-name", defaultValue = "", description = "The first admin user's name. Default: admin.")
    String adminName;

    @Option(names = "--admin-email", defaultValue = "", description = "The first admin user's e-mail.")
    String adminEmail;

    @Mixin
    TenantSettingsOptions settings;

    @Override
    void run() {
      CreateTenantRequest.Builder request = CreateTenantRequest.newBuilder().setName(name)
          .setAdminDisplayName(adminName).setAdminEmail(adminEmail);
      TenantSettings given = settings.settings(flags);
      if (given != null) {
        request.setSettings(given);
      }
      CreateTenantResponse response = stub(TenantServiceGrpc::newBlockingStub).createTenant(request.build());
      output.print(response, () -> detail(response.getTenant())
          .row("admin principal", response.getAdminPrincipal().getId())
          .row("admin key", response.getAdminApiKeyId())
          .row("admin secret", response.getAdminSecret()));
      output.secretShownOnce();
    }
  }

  @Command(name = "list", description = "List tenants (system-tenant keys only).")
  static final class ListItems extends ManageCommand {
    @Mixin
    ListOptions paging;

    @Override
    void run() {
      Page<Tenant> page = collect(paging, (size, token) -> {
        ListTenantsResponse r = stub(TenantServiceGrpc::newBlockingStub).listTenants(ListTenantsRequest.newBuilder()
            .setPageSize(size).setPageToken(token).build());
        return new Page<>(r.getTenantsList(), r.getNextPageToken());
      });
      output.print(ListTenantsResponse.newBuilder().addAllTenants(page.items())
          .setNextPageToken(page.nextPageToken()), () -> table(page.items()));
    }
  }

  @Command(name = "show", aliases = "get", description = "Show a tenant and its settings: your own, or --tenant.")
  static final class Show extends ManageCommand {
    @Option(names = "--tenant", paramLabel = "TENANT_ID", defaultValue = "",
        description = "The tenant (ten_...). Default: the tenant of $KEYGATE_API_KEY.")
    String tenant;

    @Override
    void run() {
      GetTenantResponse response = stub(TenantServiceGrpc::newBlockingStub)
          .getTenant(GetTenantRequest.newBuilder().setTenantId(tenant).build());
      output.print(response, () -> detail(response.getTenant()));
    }
  }

  @Command(name = "update", description = "Change a tenant's name or settings: your own, or --tenant."
      + " Options left out keep their value.")
  static final class Update extends ManageCommand {
    @Option(names = "--tenant", paramLabel = "TENANT_ID", defaultValue = "",
        description = "The tenant (ten_...). Default: the tenant of $KEYGATE_API_KEY.")
    String tenant;

    @Option(names = "--name", description = "New display name.")
    String name;

    @Mixin
    TenantSettingsOptions settings;

    @Override
    void run() {
      UpdateTenantRequest.Builder request = UpdateTenantRequest.newBuilder().setTenantId(tenant);
      if (name != null) {
        request.setName(name);
      }
      TenantSettings given = settings.settings(flags);
      if (given != null) {
        request.setSettings(given);
      }
      UpdateTenantResponse response = stub(TenantServiceGrpc::newBlockingStub).updateTenant(request.build());
      output.print(response, () -> detail(response.getTenant()));
    }
  }
}
