package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.cli.KeygateCli;
import io.keygate.v1.AuditEvent;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.GetTenantRequest;
import io.keygate.v1.ListAuditEventsRequest;
import io.keygate.v1.ListAuditEventsResponse;
import io.keygate.v1.ListPrincipalsRequest;
import io.keygate.v1.ListRolesRequest;
import io.keygate.v1.ListScopesRequest;
import io.keygate.v1.ListTenantsRequest;
import io.keygate.v1.Principal;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.Role;
import io.keygate.v1.Scope;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code keygate diff} and {@code keygate apply} end to end: the CLI in-process against a real Keygate and
 * PostgreSQL, every change seen through the management API and counted in the audit log. Each test makes its
 * own tenant.
 */
class ApplyIT {
  /** The tenant's admin user and role, which CreateTenant made: listed so that --prune keeps them. */
  private static final String FILE = """
      version: 1
      tenant: current
      settings:
        key_limit_per_minute: 250
        default_permissions: [conversations:read]
      scopes:
        - name: Engineering
          kind: org
          scopes:
            - name: Platform
              kind: team
              api_access_enabled: false
              scopes:
                - name: SRE
            - name: Data
      roles:
        - name: admin
        - name: support
          description: Answers customers
          permissions: [conversations:read, conversations:write]
        - name: billing
          permissions: [invoices:read]
      principals:
        users:
          - name: admin
          - email: ada@example.com
            name: Ada Lovelace
            role: support
            scope: Engineering/Platform/SRE
            agents:
              - name: triage bot
                role: support
        service_accounts:
          - name: billing sync
            role: billing
            scope: Engineering/Data
      """;
  private static final AtomicInteger TENANTS = new AtomicInteger();

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  @TempDir
  static Path dir;

  private static TestKeygate keygate;
  private static String address;

  @BeforeAll
  static void start() {
    keygate = FLEET.keygate();
    address = "127.0.0.1:" + keygate.server.port();
  }

  @Test
  void applyCreatesTheScopeTreeRolesAndPrincipalsWithTheirFields() {
    CreateTenantResponse tenant = keygate.newTenant("apply-" + TENANTS.incrementAndGet());
    String admin = tenant.getAdminSecret();
    int events = audit(admin).size();
    Run run = run(admin, "apply", FILE);
    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out).contains("Applied to tenant ", ": 9 created, 1 updated, 0 deleted.");

    Scope engineering = scope(admin, "", "Engineering");
    assertThat(engineering.getKind()).isEqualTo("org");
    Scope platform = scope(admin, engineering.getId(), "Platform");
    assertThat(platform.getKind()).isEqualTo("team");
    assertThat(platform.getApiAccessEnabled()).isFalse();
    Scope sre = scope(admin, platform.getId(), "SRE");
    assertThat(sre.getApiAccessEnabled()).as("server default").isTrue();
    Scope data = scope(admin, engineering.getId(), "Data");

    Role support = role(admin, "support");
    assertThat(support.getDescription()).isEqualTo("Answers customers");
    assertThat(support.getPermissionsList()).containsExactlyInAnyOrder("conversations:read", "conversations:write");
    Role billing = role(admin, "billing");

    Principal ada = principal(admin, PrincipalKind.PRINCIPAL_KIND_USER, "Ada Lovelace");
    assertThat(ada.getEmail()).isEqualTo("ada@example.com");
    assertThat(ada.getRoleId()).isEqualTo(support.getId());
    assertThat(ada.getScopeId()).isEqualTo(sre.getId());
    Principal bot = principal(admin, PrincipalKind.PRINCIPAL_KIND_AGENT, "triage bot");
    assertThat(bot.getParentPrincipalId()).isEqualTo(ada.getId());
    assertThat(bot.getRoleId()).isEqualTo(support.getId());
    Principal sync = principal(admin, PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT, "billing sync");
    assertThat(sync.getRoleId()).isEqualTo(billing.getId());
    assertThat(sync.getScopeId()).isEqualTo(data.getId());

    TenantSettings settings = keygate.tenants(admin).getTenant(GetTenantRequest.getDefaultInstance()).getTenant()
        .getSettings();
    assertThat(settings.getKeyLimitPerMinute()).isEqualTo(250);
    assertThat(settings.getDefaultPermissions().getValuesList()).containsExactly("conversations:read");
    assertThat(settings.getIpLimitRequests()).as("not in the file: unchanged").isEqualTo(1000);
    List<AuditEvent> made = audit(admin);
    assertThat(made.subList(0, made.size() - events)).as("one audit row per change, made with the operator's key")
        .hasSize(10).extracting(AuditEvent::getActorApiKeyId).containsOnly(tenant.getAdminApiKeyId());
  }

  @Test
  void secondApplyMakesNoMutatingCallAndDiffExitsZero() {
    String admin = tenant();
    assertThat(run(admin, "apply", FILE).exit).isZero();
    int events = audit(admin).size();

    Run again = run(admin, "apply", FILE);
    assertThat(again.exit).as(again.err).isZero();
    assertThat(again.out).startsWith("No changes: tenant ").doesNotContain("create", "update", "delete");
    Run diff = run(admin, "diff", FILE);
    assertThat(diff.exit).as(diff.err).isZero();
    assertThat(diff.out).startsWith("No changes: tenant ");
    assertThat(audit(admin)).as("no audit row: no mutating call").hasSize(events);
  }

  @Test
  void changingOneFieldMakesExactlyThatOneUpdate() {
    String admin = tenant();
    assertThat(run(admin, "apply", FILE).exit).isZero();
    String changed = FILE.replace("api_access_enabled: false", "api_access_enabled: true");
    int events = audit(admin).size();

    Run diff = run(admin, "diff", changed);
    assertThat(diff.exit).as("diff(1): 1 when something differs").isEqualTo(1);
    assertThat(lines(diff.out, "~ ", "+ ", "- ")).containsExactly(
        "~ update scope \"Engineering/Platform\": api_access_enabled: false -> true");
    Run apply = run(admin, "apply", changed);
    assertThat(apply.exit).as(apply.err).isZero();
    assertThat(apply.out).contains("0 created, 1 updated, 0 deleted");

    List<AuditEvent> after = audit(admin);
    assertThat(after).hasSize(events + 1);
    Scope platform = scope(admin, scope(admin, "", "Engineering").getId(), "Platform");
    assertThat(after.get(0).getAction()).isEqualTo("scope.update");
    assertThat(after.get(0).getTargetId()).isEqualTo(platform.getId());
    assertThat(platform.getApiAccessEnabled()).isTrue();
    assertThat(run(admin, "diff", changed).exit).isZero();
  }

  @Test
  void objectsNotInTheFileAreKeptWithoutPruneAndDeletedWithIt() {
    String admin = tenant();
    assertThat(run(admin, "apply", FILE).exit).isZero();
    String smaller = FILE.replace("      - name: Data\n", "")
        .replace("  - name: billing\n    permissions: [invoices:read]\n", "")
        .replace("  service_accounts:\n    - name: billing sync\n      role: billing\n      scope: Engineering/Data\n",
            "  service_accounts: []\n");
    assertThat(smaller).doesNotContain("Data\n", "billing");
    int events = audit(admin).size();

    Run diff = run(admin, "diff", smaller);
    assertThat(diff.exit).as("kept objects are no change").isZero();
    assertThat(lines(diff.out, "  not in file")).containsExactly(
        "  not in file (kept): scope \"Engineering/Data\"",
        "  not in file (kept): role \"billing\"",
        "  not in file (kept): service account \"billing sync\"");
    assertThat(run(admin, "apply", smaller).exit).isZero();
    assertThat(audit(admin)).as("kept: nothing deleted").hasSize(events);
    assertThat(principal(admin, PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT, "billing sync")).isNotNull();

    Run pruneDiff = run(admin, "diff", smaller, "--prune");
    assertThat(pruneDiff.exit).isEqualTo(1);
    Run pruned = run(admin, "apply", smaller, "--prune");
    assertThat(pruned.exit).as(pruned.err).isZero();
    assertThat(lines(pruned.out, "- ")).as("principals, then roles, then scopes").containsExactly(
        "- delete service account \"billing sync\"", "- delete role \"billing\"",
        "- delete scope \"Engineering/Data\"");
    assertThat(audit(admin).subList(0, 3)).extracting(AuditEvent::getAction)
        .containsExactly("scope.delete", "role.delete", "principal.delete");
    assertThat(audit(admin)).hasSize(events + 3);
    assertThat(findPrincipal(admin, PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT, "billing sync")).isEmpty();
    assertThat(run(admin, "diff", smaller, "--prune").exit).isZero();
  }

  @Test
  void dryRunPrintsThePlanAndChangesNothing() {
    String admin = tenant();
    int events = audit(admin).size();
    Run dry = run(admin, "apply", FILE, "--dry-run");
    assertThat(dry.exit).as(dry.err).isZero();
    assertThat(dry.out).contains("+ create scope \"Engineering/Platform/SRE\"", "Plan for tenant ",
        "9 to create, 1 to update, 0 to delete");
    assertThat(dry.err).contains("Dry run: nothing was changed.");
    assertThat(audit(admin)).hasSize(events);
    assertThat(run(admin, "diff", FILE).exit).isEqualTo(1);
  }

  @Test
  void callerWithoutPermissionGetsTheServersPermissionDeniedAndNothingBeyondWhatWasPrinted() {
    String admin = tenant();
    String limited = keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("scope keeper")
        .addAllPermissions(List.of("tenant:read:all", "scopes:read:all", "scopes:write:all", "roles:read:all"))
        .build()).getRole().getId();
    String operator = keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_USER).setDisplayName("operator").setRoleId(limited).build())
        .getPrincipal().getId();
    String operatorKey = keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("ops")
        .setOwnerPrincipalId(operator).setRoleId(limited).setInitialToken(TokenSpec.getDefaultInstance()).build())
        .getSecret();
    int events = audit(admin).size();
    String file = "version: 1\ntenant: current\nscopes: [{name: A}, {name: B}]\nroles: [{name: writer}]\n";

    Run run = run(operatorKey, "apply", file);
    assertThat(run.exit).as("Keygate refused: 1").isEqualTo(1);
    assertThat(run.err).startsWith("error: PERMISSION_DENIED: ")
        .contains("Stopped at: + create role \"writer\"", "Applied before it: 2 of 3 steps");
    assertThat(lines(run.out, "+ ")).hasSize(2).allMatch(l -> l.startsWith("+ create scope"));
    scope(admin, "", "A");
    scope(admin, "", "B");
    assertThat(keygate.roles(admin).listRoles(ListRolesRequest.newBuilder().setPageSize(1000).build())
        .getRolesList()).extracting(Role::getName).doesNotContain("writer");
    assertThat(audit(admin).subList(0, audit(admin).size() - events)).extracting(AuditEvent::getAction)
        .containsExactly("scope.create", "scope.create");
    Run diff = run(operatorKey, "diff", "version: 1\ntenant: current\nprincipals: {users: []}\n");
    assertThat(diff.exit).as("diff: a refusal is an error, 2").isEqualTo(2);
    assertThat(diff.err).startsWith("error: PERMISSION_DENIED: ");
  }

  @Test
  void fileErrorsExitTwoBeforeAnyCall() {
    String admin = tenant();
    int events = audit(admin).size();
    Run run = run(admin, "apply", "version: 1\ntenant: current\nroles:\n  - name: x\n    permisions: [a:b]\n");
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).matches("(?s)error: .*\\.yaml:5: unknown key 'permisions' in roles\\[0\\].*");
    assertThat(run(admin, "diff", "version: 1\ntenant: current\nkeys: []\n").err)
        .contains("API keys are never declarative");
    assertThat(audit(admin)).hasSize(events);
  }

  @Test
  void ambiguousPrincipalIsRefusedNamingBothCandidates() {
    String admin = tenant();
    List<String> ids = new ArrayList<>();
    for (String name : List.of("Grace", "Grace H.")) {
      ids.add(keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
          .setKind(PrincipalKind.PRINCIPAL_KIND_USER).setDisplayName(name).setEmail("grace@example.com").build())
          .getPrincipal().getId());
    }
    Run run = run(admin, "apply", "version: 1\ntenant: current\nprincipals:\n  users: [{email: grace@example.com}]\n");
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains(":4: principals.users[0]: user grace@example.com matches 2 principals", ids.get(0),
        ids.get(1));
  }

  @Test
  void systemAdminConfiguresAnotherTenantsSettingsByNameButNeverCreatesATenant() {
    String name = "by-name-" + TENANTS.incrementAndGet();
    CreateTenantResponse other = keygate.newTenant(name);
    String file = "version: 1\ntenant: {name: " + name + "}\nsettings:\n  key_limit_per_minute: 7\n";
    Run run = run(keygate.system.secret(), "apply", file);
    assertThat(run.exit).as(run.err).isZero();
    assertThat(keygate.tenants(other.getAdminSecret()).getTenant(GetTenantRequest.getDefaultInstance()).getTenant()
        .getSettings().getKeyLimitPerMinute()).isEqualTo(7);
    assertThat(run(keygate.system.secret(), "diff", file).exit).isZero();

    Run objects = run(keygate.system.secret(), "apply", file + "roles: []\n");
    assertThat(objects.exit).isEqualTo(2);
    assertThat(objects.err).contains("is not the tenant of $KEYGATE_API_KEY");

    int tenants = keygate.tenants(keygate.system.secret()).listTenants(ListTenantsRequest.newBuilder()
        .setPageSize(1000).build()).getTenantsCount();
    Run missing = run(keygate.system.secret(), "apply", "version: 1\ntenant: {name: no such tenant}\n");
    assertThat(missing.exit).isEqualTo(2);
    assertThat(missing.err).contains("no tenant named 'no such tenant'", "apply never creates tenants");
    assertThat(keygate.tenants(keygate.system.secret()).listTenants(ListTenantsRequest.newBuilder()
        .setPageSize(1000).build()).getTenantsCount()).isEqualTo(tenants);
  }

  private record Run(int exit, String out, String err) {}

  /** A new tenant; its admin's secret. */
  private static String tenant() {
    return keygate.newTenant("apply-" + TENANTS.incrementAndGet()).getAdminSecret();
  }

  /** {@code keygate COMMAND -f FILE EXTRA…} with {@code yaml} as the file, as the holder of {@code secret}. */
  private static Run run(String secret, String command, String yaml, String... extra) {
    Path file = dir.resolve("tenant-" + TENANTS.incrementAndGet() + ".yaml");
    try {
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> args = new ArrayList<>(List.of(command, "-f", file.toString()));
    args.addAll(Arrays.asList(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] argv = args.toArray(String[]::new);
    CommandLine cli = KeygateCli.commandLine(new KeygateCli(Map.of("KEYGATE_API_KEY", secret, "KEYGATE_ADDRESS",
        address)), argv);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(argv);
    return new Run(exit, out.toString(), err.toString());
  }

  private static List<String> lines(String text, String... prefixes) {
    return text.lines().filter(l -> Arrays.stream(prefixes).anyMatch(l::startsWith)).toList();
  }

  /** The tenant's audit log, newest first, every page. */
  private static List<AuditEvent> audit(String secret) {
    List<AuditEvent> events = new ArrayList<>();
    String token = "";
    do {
      ListAuditEventsResponse page = keygate.audit(secret).listAuditEvents(ListAuditEventsRequest.newBuilder()
          .setPageSize(1000).setPageToken(token).build());
      events.addAll(page.getEventsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return events;
  }

  private static Scope scope(String secret, String parentId, String name) {
    return keygate.scopes(secret).listScopes(ListScopesRequest.newBuilder().setParentId(parentId).setPageSize(1000)
        .build()).getScopesList().stream().filter(s -> s.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no scope " + name + " under '" + parentId + "'"));
  }

  private static Role role(String secret, String name) {
    return keygate.roles(secret).listRoles(ListRolesRequest.newBuilder().setPageSize(1000).build()).getRolesList()
        .stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
  }

  private static Principal principal(String secret, PrincipalKind kind, String name) {
    return findPrincipal(secret, kind, name).orElseThrow(() -> new AssertionError("no principal " + name));
  }

  private static Optional<Principal> findPrincipal(String secret, PrincipalKind kind, String name) {
    return keygate.principals(secret).listPrincipals(ListPrincipalsRequest.newBuilder().setKind(kind)
        .setPageSize(1000).build()).getPrincipalsList().stream().filter(p -> p.getDisplayName().equals(name))
        .findFirst();
  }
}
