package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.StatusRuntimeException;
import io.keygate.cli.KeygateCli;
import io.keygate.testing.Ports;
import io.keygate.v1.AuditEvent;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreatePrincipalResponse;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateRoleResponse;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.CredentialState;
import io.keygate.v1.GetTenantResponse;
import io.keygate.v1.ListApiKeysResponse;
import io.keygate.v1.ListAuditEventsResponse;
import io.keygate.v1.ListScopesResponse;
import io.keygate.v1.ListTenantsResponse;
import io.keygate.v1.ListTokensResponse;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.RotateTokenResponse;
import io.keygate.v1.Scope;
import io.keygate.v1.AcceptedCredentials;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * The management commands end to end: the CLI runs in-process (its environment handed in through
 * {@link KeygateCli#KeygateCli(Map)}) against a real Keygate on a loopback port and a real PostgreSQL.
 */
class CliIT {
  private static final Pattern SECRET_ROW = Pattern.compile("(?m)^secret\\s+(lk_[0-9a-f]{64})$");
  private static TestKeygate keygate;
  private static String address;
  private static String tenantAdmin;
  private static final List<String> SECRETS = new ArrayList<>();

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  @BeforeAll
  static void start() {
    keygate = FLEET.keygate();
    address = "127.0.0.1:" + keygate.server.port();
    Run created = as(keygate.system.secret(), "tenants", "create", "--name", "cli-acme", "-o", "json");
    assertThat(created.exit).as(created.err).isZero();
    tenantAdmin = parse(created.out, CreateTenantResponse.getDefaultInstance()).getAdminSecret();
    SECRETS.add(tenantAdmin);
  }


  @Test
  void keyLifecycleThroughTheCli() {
    String principalId = parse(ok("principals", "create", "--kind", "user", "--name", "Ada", "--email",
        "ada@example.com", "-o", "json"), CreatePrincipalResponse.getDefaultInstance()).getPrincipal().getId();
    String roleId = parse(ok("roles", "create", "--name", "support", "--permission",
        "conversations:read,conversations:write", "-o", "json"), CreateRoleResponse.getDefaultInstance())
        .getRole().getId();

    Run created = as(tenantAdmin, "keys", "create", "--name", "Data Warehouse Sync", "--owner", principalId,
        "--role", roleId, "--tag", "env=prod", "--rate-limit", "250", "--token-name", "primary");
    assertThat(created.exit).as(created.err).isZero();
    Matcher secretRow = SECRET_ROW.matcher(created.out);
    assertThat(secretRow.find()).as(created.out).isTrue();
    String secret = secretRow.group(1);
    SECRETS.add(secret);
    assertThat(created.out.split(secret, -1)).as("printed exactly once").hasSize(2);
    assertThat(created.err).contains("shown once").doesNotContain(secret);
    assertThat(created.out).containsPattern("(?m)^name\\s+Data Warehouse Sync$").contains("env=prod");
    assertThat(status(secret, "conversations", "read")).isEqualTo(200);
    assertThat(status(secret, "billing", "read")).isEqualTo(403);

    Run table = ok("keys", "list", "--tag", "env=prod");
    String[] lines = table.out.split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("ID").contains("NAME", "OWNER", "STATE", "TAGS");
    assertThat(lines[1]).startsWith("key_").contains("Data Warehouse Sync", principalId, roleId, "env=prod");
    assertThat(lines[1].indexOf("active")).as("aligned columns").isEqualTo(lines[0].indexOf("STATE"));
    assertThat(lines[1].indexOf(principalId)).isEqualTo(lines[0].indexOf("OWNER"));
    String keyId = lines[1].substring(0, lines[1].indexOf(' '));

    ListApiKeysResponse keys = parse(ok("keys", "list", "--tag", "env=prod", "-o", "json").out,
        ListApiKeysResponse.getDefaultInstance());
    assertThat(keys.getApiKeysList()).singleElement().satisfies(k -> {
      assertThat(k.getId()).isEqualTo(keyId);
      assertThat(k.getTagsMap()).containsEntry("env", "prod");
      assertThat(k.getRoleId()).isEqualTo(roleId);
      assertThat(k.getState()).isEqualTo(CredentialState.CREDENTIAL_STATE_ACTIVE);
      assertThat(k.getEffectiveRateLimit().getRequestsPerMinute()).isEqualTo(250);
      assertThat(k.getTokenCount()).isEqualTo(1);
    });
    assertThat(ok("keys", "show", keyId).out).containsPattern("(?m)^rate limit\\s+250/min enforced$")
        .doesNotContain(secret);
    assertThat(ok("keys", "update", keyId, "--name", "Renamed Sync").out)
        .containsPattern("(?m)^name\\s+Renamed Sync$");

    String tokenId = parse(ok("tokens", "list", "--key", keyId, "-o", "json").out,
        ListTokensResponse.getDefaultInstance()).getTokens(0).getId();
    RotateTokenResponse graced = parse(ok("tokens", "rotate", tokenId, "--grace", "1h", "-o", "json").out,
        RotateTokenResponse.getDefaultInstance());
    SECRETS.add(graced.getSecret());
    assertThat(graced.getSecret()).matches("lk_[0-9a-f]{64}").isNotEqualTo(secret);
    assertThat(graced.getToken().hasPreviousSecretExpireTime()).isTrue();
    assertThat(status(secret, "conversations", "read")).as("old secret within grace").isEqualTo(200);
    assertThat(status(graced.getSecret(), "conversations", "read")).isEqualTo(200);
    Run rotated = ok("tokens", "rotate", tokenId);
    Matcher rotatedRow = SECRET_ROW.matcher(rotated.out);
    assertThat(rotatedRow.find()).as(rotated.out).isTrue();
    String now = rotatedRow.group(1);
    SECRETS.add(now);
    assertThat(rotated.err).contains("shown once");
    assertThat(status(graced.getSecret(), "conversations", "read")).as("no grace: stops at once").isEqualTo(401);
    assertThat(status(now, "conversations", "read")).isEqualTo(200);

    assertThat(ok("keys", "revoke", keyId).out).containsPattern("(?m)^state\\s+revoked$");
    assertThat(status(now, "conversations", "read")).isEqualTo(401);
    Run revokedCaller = as(now, "roles", "list");
    assertThat(revokedCaller.exit).isEqualTo(1);
    assertThat(revokedCaller.err).startsWith("error: UNAUTHENTICATED: ");

    ListAuditEventsResponse audit = parse(ok("audit", "list", "--target", keyId, "-o", "json").out,
        ListAuditEventsResponse.getDefaultInstance());
    assertThat(audit.getEventsList()).extracting(AuditEvent::getAction)
        .contains("api_key.create", "api_key.update", "api_key.revoke");
    assertThat(parse(ok("audit", "list", "--target", tokenId, "--action", "token.rotate", "-o", "json").out,
        ListAuditEventsResponse.getDefaultInstance()).getEventsList()).hasSize(2);
    String auditText = ok("audit", "list").out + ok("audit", "list", "-o", "json").out;
    assertThat(auditText).contains("api_key.revoke", "token.rotate", "principal.create", "role.create");
    for (String s : SECRETS) {
      assertThat(auditText).doesNotContain(s.substring(3));
    }
  }

  @Test
  void listsFollowEveryPageOrStopAtTheLimit() {
    for (int i = 0; i < 5; i++) {
      ok("scopes", "create", "--name", "team " + i, "--kind", "team");
    }
    ListScopesResponse all = parse(ok("scopes", "list", "--page-size", "2", "-o", "json").out,
        ListScopesResponse.getDefaultInstance());
    assertThat(all.getScopesList()).extracting(Scope::getName).contains("team 0", "team 1", "team 2", "team 3",
        "team 4");
    assertThat(all.getNextPageToken()).isEmpty();
    ListScopesResponse first = parse(ok("scopes", "list", "--limit", "3", "-o", "json").out,
        ListScopesResponse.getDefaultInstance());
    assertThat(first.getScopesList()).hasSize(3);
    assertThat(first.getNextPageToken()).isNotEmpty();
    ListScopesResponse rest = parse(ok("scopes", "list", "--page-token", first.getNextPageToken(), "-o", "json").out,
        ListScopesResponse.getDefaultInstance());
    assertThat(rest.getScopesCount() + first.getScopesCount()).isEqualTo(all.getScopesCount());
    Run limited = ok("scopes", "list", "--limit", "1");
    assertThat(limited.out.split("\n")).hasSize(2);
    assertThat(limited.err).contains("--page-token");
  }

  @Test
  void tenantsAreManagedWithASystemKey() {
    Run listed = as(keygate.system.secret(), "tenants", "list", "-o", "json");
    assertThat(listed.exit).as(listed.err).isZero();
    assertThat(parse(listed.out, ListTenantsResponse.getDefaultInstance()).getTenantsList())
        .anySatisfy(t -> assertThat(t.getName()).isEqualTo("cli-acme"));
    String tenantId = parse(ok("tenants", "show", "-o", "json").out, GetTenantResponse.getDefaultInstance())
        .getTenant().getId();
    Run updated = as(keygate.system.secret(), "tenants", "update", "--tenant", tenantId, "--key-limit-per-minute",
        "60");
    assertThat(updated.exit).as(updated.err).isZero();
    assertThat(updated.out).containsPattern("(?m)^key limit\\s+60/min enforced$");
    Run denied = ok(1, "tenants", "list");
    assertThat(denied.err).startsWith("error: PERMISSION_DENIED: ");
  }

  @Test
  void bearerOnlyTenantsNeedTheBearerFlag() {
    CreateTenantResponse tenant = parse(as(keygate.system.secret(), "tenants", "create", "--name", "cli-bearer",
        "--accepted-credentials", "bearer", "-o", "json").out, CreateTenantResponse.getDefaultInstance());
    assertThat(tenant.getTenant().getSettings().getAcceptedCredentials())
        .isEqualTo(AcceptedCredentials.ACCEPTED_CREDENTIALS_BEARER);
    SECRETS.add(tenant.getAdminSecret());
    assertThat(as(tenant.getAdminSecret(), "roles", "list").exit).isEqualTo(1);
    assertThat(as(tenant.getAdminSecret(), "roles", "list", "--bearer").exit).isZero();
  }

  @Test
  void missingApiKeyIsAUsageError() {
    Run run = cli(Map.of("KEYGATE_ADDRESS", address), "roles", "list");
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("KEYGATE_API_KEY is not set");
    assertThat(run.out).isEmpty();
  }

  @Test
  void wrongApiKeyIsRefused() {
    Run run = as("lk_" + "0".repeat(64), "roles", "list");
    assertThat(run.exit).isEqualTo(1);
    assertThat(run.err).startsWith("error: UNAUTHENTICATED: ");
  }

  @Test
  void unknownObjectIsRefused() {
    Run run = ok(1, "keys", "show", "key_00000000000000000000000000");
    assertThat(run.err).startsWith("error: NOT_FOUND: ");
  }

  @Test
  void invalidInputIsRefusedWithTheServersMessage() {
    String expected;
    try {
      keygate.roles(tenantAdmin).createRole(CreateRoleRequest.newBuilder().setName("bad")
          .addPermissions("Not A Permission!").build());
      throw new AssertionError("the server accepted a malformed permission");
    } catch (StatusRuntimeException e) {
      expected = "error: INVALID_ARGUMENT: " + e.getStatus().getDescription();
    }
    Run run = ok(1, "roles", "create", "--name", "bad", "--permission", "Not A Permission!");
    assertThat(run.err.strip()).isEqualTo(expected);
    assertThat(run.out).isEmpty();
  }

  @Test
  void unreachableKeygateIsExit2() throws IOException {
    int closedPort = Ports.reserve(); // nothing listens there, and nothing will
    Run run = ok(2, "roles", "list", "--address", "127.0.0.1:" + closedPort, "--deadline", "5s");
    assertThat(run.err).startsWith("error: UNAVAILABLE: ");
  }

  @Test
  void badFlagsAreUsageErrors() {
    assertThat(ok(2, "keys", "create").err).contains("--name");
    assertThat(ok(2, "roles", "list", "--output", "yaml").err).contains("--output");
    assertThat(ok(2, "keys", "create", "--name", "x", "--expires", "soon").err).contains("--expires");
    assertThat(ok(2, "principals", "create", "--kind", "robot", "--name", "x").err)
        .contains("user, service-account, agent");
    assertThat(ok(2, "keys", "list", "--api-key", tenantAdmin).err).as("no credential flag")
        .contains("Unknown option");
    assertThat(ok(2, "keys").err).contains("Missing required subcommand");
  }

  @Test
  void helpDocumentsTheExitCodes() {
    Run help = cli(Map.of(), "--help");
    assertThat(help.exit).isZero();
    assertThat(help.out).contains("keys", "tokens", "audit", "Exit codes", "KEYGATE_API_KEY",
        "UNAVAILABLE, DEADLINE_EXCEEDED");
  }

  @Test
  void principalKindsAndFiltersMapToTheRequest() {
    String userId = parse(ok("principals", "create", "--kind", "user", "--name", "Grace", "-o", "json"),
        CreatePrincipalResponse.getDefaultInstance()).getPrincipal().getId();
    CreatePrincipalResponse agent = parse(ok("principals", "create", "--kind", "agent", "--name", "triage bot",
        "--parent", userId, "-o", "json"), CreatePrincipalResponse.getDefaultInstance());
    assertThat(agent.getPrincipal().getKind()).isEqualTo(PrincipalKind.PRINCIPAL_KIND_AGENT);
    String agents = ok("principals", "list", "--kind", "agent", "--parent", userId).out;
    assertThat(agents).contains(agent.getPrincipal().getId(), "agent", "triage bot").doesNotContain("Grace");
    CreateApiKeyResponse noToken = parse(ok("keys", "create", "--name", "tokenless", "--no-token", "-o", "json").out,
        CreateApiKeyResponse.getDefaultInstance());
    assertThat(noToken.getSecret()).isEmpty();
    assertThat(ok(0, "principals", "delete", agent.getPrincipal().getId()).out).contains("deleted");
    ok(1, "principals", "show", agent.getPrincipal().getId());
  }

  private record Run(int exit, String out, String err) {}

  private static Run cli(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = KeygateCli.commandLine(new KeygateCli(env), args);
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    int exit = command.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Run as(String apiKey, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("KEYGATE_API_KEY", apiKey);
    env.put("KEYGATE_ADDRESS", address);
    return cli(env, args);
  }

  /** Runs as the tenant admin and expects success. */
  private static Run ok(String... args) {
    return ok(0, args);
  }

  private static Run ok(int exit, String... args) {
    Run run = as(tenantAdmin, args);
    assertThat(run.exit).as("exit of %s; stderr: %s", String.join(" ", args), run.err).isEqualTo(exit);
    return run;
  }

  private static <T extends Message> T parse(Run run, T prototype) {
    return parse(run.out, prototype);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Message> T parse(String json, T prototype) {
    Message.Builder builder = prototype.newBuilderForType();
    try {
      JsonFormat.parser().merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("not protobuf JSON: " + json, e);
    }
    return (T) builder.build();
  }

  private static int status(String secret, String resource, String action) {
    return keygate.authorizer().authorize(AuthorizeRequest.newBuilder().setCredential(secret).setResource(resource)
        .setAction(action).build()).getHttpStatus();
  }
}
