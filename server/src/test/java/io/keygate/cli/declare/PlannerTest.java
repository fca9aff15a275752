package io.keygate.cli.declare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Duration;
import io.keygate.v1.AcceptedCredentials;
import io.keygate.v1.Lifetime;
import io.keygate.v1.LifetimeUnit;
import io.keygate.v1.PermissionSource;
import io.keygate.v1.Principal;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.RateLimitMode;
import io.keygate.v1.Role;
import io.keygate.v1.Scope;
import io.keygate.v1.StringList;
import io.keygate.v1.Tenant;
import io.keygate.v1.TenantSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The plan as a pure function: file and snapshot in, ordered steps out. No network. */
class PlannerTest {
  private static final TenantSettings DEFAULTS = TenantSettings.newBuilder().setApiAccessEnabled(true)
      .setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_ANY).setIpLimitRequests(1000)
      .setIpLimitWindow(Duration.newBuilder().setSeconds(900)).setKeyLimitPerMinute(100)
      .setKeyLimitMode(RateLimitMode.RATE_LIMIT_MODE_ENFORCED).setDefaultPermissions(StringList.getDefaultInstance())
      .setPermissionSource(PermissionSource.PERMISSION_SOURCE_KEY_ROLE).setMaxActiveTokensPerPrincipal(50)
      .setMaxTokenLifetime(Lifetime.newBuilder().setAmount(12).setUnit(LifetimeUnit.LIFETIME_UNIT_MONTHS))
      .setPersonalKeysTenantWideOnly(false).build();
  private static final Tenant TENANT = Tenant.newBuilder().setId("ten_acme").setName("acme").setSettings(DEFAULTS)
      .build();

  private final List<Scope> scopes = new ArrayList<>();
  private final List<Role> roles = new ArrayList<>();
  private final List<Principal> principals = new ArrayList<>();
  private final List<Principal.Builder> pending = new ArrayList<>();
  private TenantSettings settings = DEFAULTS;

  @Test
  void emptyTenantGetsEverythingCreatedParentsBeforeChildrenAndReferencesBeforeUse() {
    Plan plan = plan(DeclarationParserTest.FULL, false);

    assertThat(text(plan)).containsExactly(
        "~ update tenant acme: settings.accepted_credentials: any -> bearer",
        "~ update tenant acme: settings.ip_limit_requests: 1000 -> 500",
        "~ update tenant acme: settings.ip_limit_window: 15m -> 10m",
        "~ update tenant acme: settings.key_limit_per_minute: 100 -> 250",
        "~ update tenant acme: settings.key_limit_mode: enforced -> informational",
        "~ update tenant acme: settings.default_permissions: [] -> [conversations:read]",
        "~ update tenant acme: settings.permission_source: key-role -> principal-role",
        "~ update tenant acme: settings.max_active_tokens_per_principal: 50 -> 20",
        "~ update tenant acme: settings.max_token_lifetime: 12mo -> 90d",
        "+ create scope \"Engineering\" (kind: org)",
        "+ create scope \"Engineering/Platform\" (kind: team, api_access_enabled: false)",
        "+ create scope \"Engineering/Data\"",
        "+ create role \"support\" (description: \"Answers customers\","
            + " permissions: [conversations:read, conversations:write])",
        "+ create user ada@example.com (name: \"Ada Lovelace\", email: \"ada@example.com\", role: \"support\","
            + " scope: \"Engineering/Platform\")",
        "+ create service account \"billing sync\" (name: \"billing sync\", role: (none),"
            + " scope: \"Engineering/Data\")",
        "+ create agent \"triage bot\" of user ada@example.com (name: \"triage bot\", role: \"support\")");
    assertThat(plan.count(Step.Action.UPDATE)).as("one UpdateTenant with every changed setting").isOne();
    Step.UpdateTenant settings = (Step.UpdateTenant) plan.steps().get(0).call();
    assertThat(settings.settings().hasApiAccessEnabled()).as("equal settings are not sent").isFalse();
    assertThat(settings.settings().getKeyLimitPerMinute()).isEqualTo(250);
    Step.CreateScope platform = (Step.CreateScope) plan.steps().get(2).call();
    assertThat(platform.parent()).isEqualTo(Ref.scope(List.of("Engineering")));
    Step.CreatePrincipal agent = (Step.CreatePrincipal) plan.steps().get(7).call();
    assertThat(agent.kind()).isEqualTo(PrincipalKind.PRINCIPAL_KIND_AGENT);
    assertThat(agent.parent()).isEqualTo(Ref.user("ada@example.com", "Ada Lovelace"));
    assertThat(agent.role()).isEqualTo(Ref.role("support"));
  }

  @Test
  void tenantThatMatchesTheFileNeedsNoStep() {
    matchingFull();
    Plan plan = plan(DeclarationParserTest.FULL, true);

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.kept()).isEmpty();
    assertThat(PlanText.summary(plan)).isEqualTo("No changes: tenant acme (ten_acme) matches the file.");
  }

  @Test
  void oneChangedFieldIsExactlyOneUpdateOfThatField() {
    matchingFull();
    Plan plan = plan(DeclarationParserTest.FULL.replace("api_access_enabled: false", "api_access_enabled: true"),
        false);

    assertThat(text(plan)).containsExactly(
        "~ update scope \"Engineering/Platform\": api_access_enabled: false -> true");
    assertThat(plan.steps().get(0).call()).isEqualTo(new Step.UpdateScope("scp_platform", true));
  }

  @Test
  void onlyTheFieldsTheFileSetsAreCompared() {
    scope("scp_a", "", "A", "project", false);
    role("rol_s", "support", "anything", "x:read");
    user("prn_ada", "Ada", "ada@example.com", "rol_s", "scp_a");
    Plan plan = plan("""
        version: 1
        tenant: current
        scopes: [{name: A}]
        roles: [{name: support}]
        principals:
          users: [{email: ada@example.com}]
        """, false);

    assertThat(plan.steps()).isEmpty();
  }

  @Test
  void permissionsCompareAsASet() {
    role("rol_s", "support", "", "b:read", "a:read");
    assertThat(plan("version: 1\ntenant: current\nroles: [{name: support, permissions: [a:read, b:read, a:read]}]\n",
        false).steps()).isEmpty();
    assertThat(text(plan("version: 1\ntenant: current\nroles: [{name: support, permissions: [a:read]}]\n", false)))
        .containsExactly("~ update role \"support\": permissions: [b:read, a:read] -> [a:read]");
  }

  @Test
  void objectsNotInTheFileAreKeptAndReportedWithoutPrune() {
    scope("scp_old", "", "Old", "team", true);
    scope("scp_old_child", "scp_old", "Child", "team", true);
    role("rol_legacy", "legacy", "");
    Plan plan = plan("version: 1\ntenant: current\nscopes: []\nroles: []\n", false);

    assertThat(plan.steps()).isEmpty();
    assertThat(plan.kept()).extracting(Ref::toString)
        .containsExactly("scope \"Old\"", "scope \"Old/Child\"", "role \"legacy\"");
    assertThat(PlanText.summary(plan)).endsWith("; 3 not in file (kept; --prune deletes).");
  }

  @Test
  void pruneDeletesAfterEverythingElseInReverseOrder() {
    scope("scp_old", "", "Old", "team", true);
    scope("scp_old_child", "scp_old", "Child", "team", true);
    role("rol_legacy", "legacy", "");
    user("prn_bob", "Bob", "bob@example.com", "rol_legacy", "scp_old_child");
    agent("prn_bot", "bob's bot", "prn_bob");
    account("prn_sync", "old sync");
    Plan plan = plan("""
        version: 1
        tenant: current
        scopes: [{name: New}]
        roles: []
        principals: {users: [], service_accounts: []}
        """, true);

    assertThat(text(plan)).containsExactly(
        "+ create scope \"New\"",
        "- delete agent \"bob's bot\" of user bob@example.com",
        "- delete user bob@example.com",
        "- delete service account \"old sync\"",
        "- delete role \"legacy\"",
        "- delete scope \"Old/Child\"",
        "- delete scope \"Old\"");
    assertThat(plan.steps().get(1).call()).isEqualTo(new Step.DeletePrincipal("prn_bot"));
  }

  @Test
  void listsTheFileLeavesOutAreNotManagedEvenWithPrune() {
    scope("scp_a", "", "A", "team", true);
    scope("scp_a_b", "scp_a", "B", "team", true);
    role("rol_legacy", "legacy", "");
    user("prn_ada", "Ada", "", "", "");
    agent("prn_bot", "bot", "prn_ada");
    Plan plan = plan("""
        version: 1
        tenant: current
        scopes: [{name: A}]
        principals:
          users: [{name: Ada}]
        """, true);

    assertThat(plan.steps()).as("A lists no scopes:, Ada no agents:, no roles: section").isEmpty();
  }

  @Test
  void usersMatchByEmailWithoutCaseAndConvergeToTheFilesSpelling() {
    user("prn_ada", "Ada", "ADA@example.com", "", "");
    Plan plan = plan("version: 1\ntenant: current\nprincipals:\n  users: [{email: ada@example.com, name: Ada L.}]\n",
        false);

    assertThat(text(plan)).containsExactly(
        "~ update user ada@example.com: name: \"Ada\" -> \"Ada L.\"",
        "~ update user ada@example.com: email: \"ADA@example.com\" -> \"ada@example.com\"");
    assertThat(plan.steps()).hasSize(1);
  }

  @Test
  void ambiguousMatchIsAnErrorNamingBothCandidates() {
    user("prn_one", "Ada", "ada@example.com", "", "");
    user("prn_two", "Ada L.", "Ada@Example.com", "", "");
    assertThatThrownBy(() -> plan("version: 1\ntenant: current\nprincipals:\n  users:\n"
        + "    - email: ada@example.com\n", false))
        .isInstanceOf(DeclarationException.class)
        .hasMessageContaining("principals.users[0]: user ada@example.com matches 2 principals in Keygate:"
            + " prn_one (\"Ada\", ada@example.com) and prn_two (\"Ada L.\", Ada@Example.com)")
        .satisfies(e -> assertThat(((DeclarationException) e).line()).isEqualTo(5));
  }

  @Test
  void twoEntriesMatchingOnePrincipalIsAnError() {
    user("prn_ada", "Ada", "ada@example.com", "", "");
    assertThatThrownBy(() -> plan("version: 1\ntenant: current\nprincipals:\n  users:\n"
        + "    - name: Ada\n    - email: ada@example.com\n", false))
        .hasMessageContaining("principals.users[1] and principals.users[0] (line 5) both match prn_ada");
  }

  @Test
  void agentsMatchByNameUnderTheirUserOnly() {
    user("prn_ada", "Ada", "ada@example.com", "", "");
    user("prn_bob", "Bob", "bob@example.com", "", "");
    agent("prn_bobs_bot", "bot", "prn_bob");
    Plan plan = plan("""
        version: 1
        tenant: current
        principals:
          users:
            - email: ada@example.com
              agents: [{name: bot}]
        """, false);

    assertThat(text(plan)).containsExactly("+ create agent \"bot\" of user ada@example.com (name: \"bot\")");
    assertThat(((Step.CreatePrincipal) plan.steps().get(0).call()).parent())
        .isEqualTo(Ref.user("ada@example.com", ""));
    assertThat(plan.ids()).containsEntry(Ref.user("ada@example.com", ""), "prn_ada");
  }

  @Test
  void aScopesKindCannotChangeThroughTheApi() {
    scope("scp_a", "", "A", "team", true);
    assertThatThrownBy(() -> plan("version: 1\ntenant: current\nscopes: [{name: A, kind: org}]\n", false))
        .hasMessageContaining("scope \"A\": kind is 'team' in Keygate and 'org' in the file");
  }

  @Test
  void referenceToNothingIsAnError() {
    assertThatThrownBy(() -> plan("version: 1\ntenant: current\nprincipals:\n  service_accounts:\n"
        + "    - {name: sync, role: nope}\n", false))
        .hasMessageContaining("principals.service_accounts[0].role: role \"nope\" is neither in the file nor in"
            + " Keygate");
    assertThatThrownBy(() -> plan("version: 1\ntenant: current\nprincipals:\n  service_accounts:\n"
        + "    - {name: sync, scope: A/B}\n", false))
        .hasMessageContaining("scope \"A/B\" is neither in the file nor in Keygate");
  }

  @Test
  void referenceToAnExistingRoleNotInTheFileIsFineButNotWhenPruneDeletesIt() {
    role("rol_ops", "ops", "");
    String file = "version: 1\ntenant: current\nroles: []\nprincipals:\n  service_accounts:\n"
        + "    - {name: sync, role: ops}\n";
    assertThat(((Step.CreatePrincipal) plan(file, false).steps().get(0).call()).role()).isEqualTo(Ref.role("ops"));
    assertThatThrownBy(() -> plan(file, true)).hasMessageContaining("role \"ops\" is not in the file, so --prune"
        + " would delete it");
  }

  @Test
  void creatingWithoutANameIsAnError() {
    assertThatThrownBy(() -> plan("version: 1\ntenant: current\nprincipals:\n  users: [{email: new@example.com}]\n",
        false)).hasMessageContaining("user new@example.com is not in Keygate, and the file gives no 'name'");
  }

  @Test
  void anotherTenantMayOnlyHaveSettings() {
    Actual other = new Actual(TENANT, false, List.of(), List.of(), List.of());
    Declaration settingsOnly = DeclarationParser.parse("version: 1\ntenant: {name: acme}\nsettings:\n"
        + "  key_limit_per_minute: 7\n");
    assertThat(text(Planner.plan(settingsOnly, other, false)))
        .containsExactly("~ update tenant acme: settings.key_limit_per_minute: 100 -> 7");
    Declaration withRoles = DeclarationParser.parse("version: 1\ntenant: {name: acme}\nroles:\n  - name: x\n");
    assertThatThrownBy(() -> Planner.plan(withRoles, other, false))
        .hasMessageContaining("is not the tenant of $KEYGATE_API_KEY")
        .satisfies(e -> assertThat(((DeclarationException) e).line()).isEqualTo(3));
  }

  @Test
  void equalSettingsSpelledDifferentlyAreEqual() {
    Plan plan = plan("version: 1\ntenant: current\nsettings:\n  ip_limit_window: 900s\n"
        + "  max_token_lifetime: 12mo\n  default_permissions: []\n", false);
    assertThat(plan.steps()).isEmpty();
  }

  private void matchingFull() {
    scope("scp_eng", "", "Engineering", "org", true);
    scope("scp_platform", "scp_eng", "Platform", "team", false);
    scope("scp_data", "scp_eng", "Data", "team", true);
    role("rol_support", "support", "Answers customers", "conversations:write", "conversations:read");
    user("prn_ada", "Ada Lovelace", "ada@example.com", "rol_support", "scp_platform");
    agent("prn_bot", "triage bot", "prn_ada").setRoleId("rol_support");
    account("prn_billing", "billing sync").setScopeId("scp_data");
    settings(TenantSettings.newBuilder(DEFAULTS).setAcceptedCredentials(AcceptedCredentials.ACCEPTED_CREDENTIALS_BEARER)
        .setIpLimitRequests(500).setIpLimitWindow(Duration.newBuilder().setSeconds(600)).setKeyLimitPerMinute(250)
        .setKeyLimitMode(RateLimitMode.RATE_LIMIT_MODE_INFORMATIONAL)
        .setDefaultPermissions(StringList.newBuilder().addValues("conversations:read"))
        .setPermissionSource(PermissionSource.PERMISSION_SOURCE_PRINCIPAL_ROLE).setMaxActiveTokensPerPrincipal(20)
        .setMaxTokenLifetime(Lifetime.newBuilder().setAmount(90).setUnit(LifetimeUnit.LIFETIME_UNIT_DAYS)).build());
  }

  private void settings(TenantSettings s) {
    settings = s;
  }

  private Plan plan(String yaml, boolean prune) {
    pending.forEach(p -> principals.add(p.build()));
    pending.clear();
    Actual actual = new Actual(TENANT.toBuilder().setSettings(settings).build(), true, scopes, roles, principals);
    return Planner.plan(DeclarationParser.parse(yaml), actual, prune);
  }

  private static List<String> text(Plan plan) {
    return plan.steps().stream().flatMap(s -> PlanText.lines(s).stream()).collect(Collectors.toList());
  }

  private void scope(String id, String parent, String name, String kind, boolean access) {
    scopes.add(Scope.newBuilder().setId(id).setParentId(parent).setName(name).setKind(kind)
        .setApiAccessEnabled(access).build());
  }

  private void role(String id, String name, String description, String... permissions) {
    roles.add(Role.newBuilder().setId(id).setName(name).setDescription(description)
        .addAllPermissions(List.of(permissions)).build());
  }

  private Principal.Builder user(String id, String name, String email, String role, String scope) {
    return principal(PrincipalKind.PRINCIPAL_KIND_USER, id, name).setEmail(email).setRoleId(role).setScopeId(scope);
  }

  private Principal.Builder agent(String id, String name, String parent) {
    return principal(PrincipalKind.PRINCIPAL_KIND_AGENT, id, name).setParentPrincipalId(parent);
  }

  private Principal.Builder account(String id, String name) {
    return principal(PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT, id, name);
  }

  private Principal.Builder principal(PrincipalKind kind, String id, String name) {
    Principal.Builder p = Principal.newBuilder().setId(id).setKind(kind).setDisplayName(name);
    pending.add(p);
    return p;
  }
}
