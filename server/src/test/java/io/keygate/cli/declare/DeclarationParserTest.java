package io.keygate.cli.declare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.cli.declare.Declaration.PrincipalDecl;
import io.keygate.cli.declare.Declaration.ScopeDecl;
import io.keygate.cli.declare.Declaration.TenantSelector;
import io.keygate.v1.AcceptedCredentials;
import io.keygate.v1.LifetimeUnit;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.TenantSettings;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class DeclarationParserTest {
  static final String FULL = """
      version: 1
      tenant: current
      settings:
        api_access_enabled: true
        accepted_credentials: bearer
        ip_limit_requests: 500
        ip_limit_window: 10m
        key_limit_per_minute: 250
        key_limit_mode: informational
        default_permissions: [conversations:read]
        permission_source: principal-role
        max_active_tokens_per_principal: 20
        max_token_lifetime: 90d
        personal_keys_tenant_wide_only: false
      scopes:
        - name: Engineering
          kind: org
          scopes:
            - name: Platform
              kind: team
              api_access_enabled: false
            - name: Data
      roles:
        - name: support
          description: Answers customers
          permissions: [conversations:read, conversations:write]
      principals:
        users:
          - email: ada@example.com
            name: Ada Lovelace
            role: support
            scope: Engineering/Platform
            agents:
              - name: triage bot
                internal: false
                role: support
        service_accounts:
          - name: billing sync
            scope: [Engineering, Data]
            role: ""
      """;

  @Test
  void fullFileReadsEverySection() {
    Declaration d = DeclarationParser.parse(FULL);

    assertThat(d.tenant().kind()).isEqualTo(TenantSelector.Kind.CURRENT);
    TenantSettings s = d.settings().orElseThrow();
    assertThat(s.getApiAccessEnabled()).isTrue();
    assertThat(s.getAcceptedCredentials()).isEqualTo(AcceptedCredentials.ACCEPTED_CREDENTIALS_BEARER);
    assertThat(s.getIpLimitRequests()).isEqualTo(500);
    assertThat(s.getIpLimitWindow().getSeconds()).isEqualTo(600);
    assertThat(s.getDefaultPermissions().getValuesList()).containsExactly("conversations:read");
    assertThat(s.getMaxTokenLifetime().getAmount()).isEqualTo(90);
    assertThat(s.getMaxTokenLifetime().getUnit()).isEqualTo(LifetimeUnit.LIFETIME_UNIT_DAYS);
    assertThat(s.hasPersonalKeysTenantWideOnly()).isTrue();

    ScopeDecl engineering = d.scopes().orElseThrow().get(0);
    assertThat(engineering.name()).isEqualTo("Engineering");
    assertThat(engineering.kind()).contains("org");
    assertThat(engineering.children().orElseThrow()).extracting(ScopeDecl::name).containsExactly("Platform", "Data");
    ScopeDecl platform = engineering.children().orElseThrow().get(0);
    assertThat(platform.apiAccessEnabled()).contains(false);
    assertThat(platform.children()).as("no scopes: key, not managed").isEmpty();

    assertThat(d.roles().orElseThrow().get(0).permissions().orElseThrow())
        .containsExactly("conversations:read", "conversations:write");

    PrincipalDecl ada = d.users().orElseThrow().get(0);
    assertThat(ada.kind()).isEqualTo(PrincipalKind.PRINCIPAL_KIND_USER);
    assertThat(ada.email()).contains("ada@example.com");
    assertThat(ada.scope()).contains(List.of("Engineering", "Platform"));
    assertThat(ada.line()).isEqualTo(29);
    PrincipalDecl bot = ada.agents().orElseThrow().get(0);
    assertThat(bot.kind()).isEqualTo(PrincipalKind.PRINCIPAL_KIND_AGENT);
    assertThat(bot.internal()).contains(false);
    assertThat(bot.where()).isEqualTo("principals.users[0].agents[0]");

    PrincipalDecl billing = d.serviceAccounts().orElseThrow().get(0);
    assertThat(billing.scope()).contains(List.of("Engineering", "Data"));
    assertThat(billing.role()).as("\"\" is no role").contains("");
    assertThat(billing.email()).as("not set: not managed").isEmpty();
  }

  @Test
  void sectionsLeftOutAreNotManaged() {
    Declaration d = DeclarationParser.parse("version: 1\ntenant: current\nroles: []\n");
    assertThat(d.roles()).contains(List.of());
    assertThat(d.scopes()).isEmpty();
    assertThat(d.users()).isEmpty();
    assertThat(d.settings()).isEmpty();
    assertThat(d.managesObjects()).isTrue();
    assertThat(d.managesPrincipals()).isFalse();
  }

  @Test
  void unknownKeyIsAnErrorNamingTheKeyAndItsLine() {
    fails("""
        version: 1
        tenant: current
        roles:
          - name: support
            permisions: [conversations:read]
        """, 5).hasMessageContaining("unknown key 'permisions' in roles[0]")
        .hasMessageContaining("known: name, description, permissions");
  }

  @Test
  void unknownSettingIsAnErrorNamingTheKeyAndItsLine() {
    fails("version: 1\ntenant: current\nsettings:\n  api_access: true\n", 4)
        .hasMessageContaining("unknown key 'api_access' in settings").hasMessageContaining("api_access_enabled");
  }

  @Test
  void badValueNamesTheField() {
    fails("version: 1\ntenant: current\nsettings:\n  api_access_enabled: maybe\n", 4)
        .hasMessage("settings.api_access_enabled: 'maybe' is not true or false");
    fails("version: 1\ntenant: current\nsettings:\n  key_limit_per_minute: -5\n", 4)
        .hasMessageContaining("settings.key_limit_per_minute: '-5' is not a whole number");
    fails("version: 1\ntenant: current\nsettings:\n  ip_limit_window: soon\n", 4)
        .hasMessageContaining("settings.ip_limit_window: 'soon' is not a duration");
    fails("version: 1\ntenant: current\nscopes:\n  - name: A\n    api_access_enabled: yes\n", 5)
        .hasMessageContaining("scopes[0].api_access_enabled: 'yes' is not true or false");
  }

  @Test
  void badEnumValueListsTheAcceptedOnes() {
    fails("version: 1\ntenant: current\nsettings:\n  accepted_credentials: cookie\n", 4)
        .hasMessage("settings.accepted_credentials: 'cookie' is not one of api-key-header, bearer, any");
  }

  @Test
  void wrongShapeSaysWhatWasExpected() {
    fails("version: 1\ntenant: current\nroles:\n  name: support\n", 4)
        .hasMessage("roles: expected a list, found keys and values");
    fails("version: 1\ntenant: current\nroles:\n  - name:\n", 4)
        .hasMessageContaining("roles[0].name: a value is required");
  }

  @Test
  void versionIsRequiredAndChecked() {
    fails("tenant: current\n", 1).hasMessage("the file: 'version' is required");
    fails("version: 2\ntenant: current\n", 1).hasMessageContaining("'2' is not a version this keygate reads (1)");
  }

  @Test
  void tenantIsCurrentAnIdOrANameNeverAGuess() {
    assertThat(DeclarationParser.parse("version: 1\ntenant: ten_0123456789abcdefghjkmnpqrs\n").tenant())
        .isEqualTo(new TenantSelector(TenantSelector.Kind.ID, "ten_0123456789abcdefghjkmnpqrs", 2));
    assertThat(DeclarationParser.parse("version: 1\ntenant:\n  name: acme\n").tenant().value()).isEqualTo("acme");
    fails("version: 1\ntenant: acme\n", 2).hasMessageContaining("tenant: {name: acme}");
  }

  @Test
  void routesAreATenantSettingNotASection() {
    fails("version: 1\ntenant: current\nroutes:\n  - path: /x\n", 3)
        .hasMessageContaining("write them as settings.routes");
    assertThat(DeclarationParser.parse("version: 1\ntenant: current\nsettings:\n  routes: |\n"
        + "    GET /v1/x/** x:read\n").settings().orElseThrow().getRoutes()).isEqualTo("GET /v1/x/** x:read\n");
  }

  @Test
  void keysAndTokensCannotBeDeclared() {
    fails("version: 1\ntenant: current\nkeys:\n  - name: ci\n", 3)
        .hasMessageContaining("API keys are never declarative");
    fails("version: 1\ntenant: current\ntokens: []\n", 3).hasMessageContaining("tokens are never declarative");
  }

  @Test
  void nameListedTwiceNamesBothLines() {
    fails("""
        version: 1
        tenant: current
        roles:
          - name: support
          - name: support
        """, 5).hasMessageContaining("role 'support' is listed twice (also on line 4)");
    fails("""
        version: 1
        tenant: current
        principals:
          users:
            - email: Ada@Example.com
            - email: ada@example.com
        """, 6).hasMessageContaining("user 'ada@example.com' is listed twice");
  }

  @Test
  void keyWrittenTwiceIsAnError() {
    fails("version: 1\ntenant: current\nversion: 1\n", 3).hasMessageContaining("key 'version' appears twice");
  }

  @Test
  void malformedYamlNamesTheLine() {
    fails("version: 1\ntenant: current\nroles: [\n  - a\n", 4).hasMessageStartingWith("not valid YAML");
    fails("", 0).hasMessage("the file is empty");
    fails("version: 1\ntenant: current\n---\nversion: 1\n", 3).hasMessageContaining("single document");
  }

  @Test
  void tagsThatWouldConstructObjectsAreRefused() {
    fails("version: 1\ntenant: current\nroles: !!javax.script.ScriptEngineManager [x]\n", 3)
        .hasMessageContaining("tag is not allowed");
    fails("version: 1\ntenant: !custom current\n", 2).hasMessageContaining("is not allowed");
  }

  @Test
  void userNeedsAnEmailOrANameAndOthersAName() {
    fails("version: 1\ntenant: current\nprincipals:\n  users:\n    - role: support\n", 5)
        .hasMessageContaining("a user needs an 'email' or a 'name'");
    fails("version: 1\ntenant: current\nprincipals:\n  service_accounts:\n    - email: a@b\n", 5)
        .hasMessageContaining("'name' is required");
  }

  @Test
  void scopeReferenceMayBeAPathOrAList() {
    Declaration d = DeclarationParser.parse("""
        version: 1
        tenant: current
        principals:
          service_accounts:
            - {name: a, scope: "A / B"}
            - {name: b, scope: [A, "B/C"]}
            - {name: c, scope: ""}
        """);
    assertThat(d.serviceAccounts().orElseThrow()).extracting(PrincipalDecl::scope).containsExactly(
        Optional.of(List.of("A", "B")), Optional.of(List.of("A", "B/C")), Optional.of(List.of()));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> fails(String yaml, int line) {
    return assertThatThrownBy(() -> DeclarationParser.parse(yaml)).isInstanceOf(DeclarationException.class)
        .satisfies(e -> assertThat(((DeclarationException) e).line()).as("line of: " + e.getMessage())
            .isEqualTo(line));
  }
}
