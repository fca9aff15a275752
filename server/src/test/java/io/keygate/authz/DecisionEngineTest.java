package io.keygate.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.authz.AccessRequest.Transport;
import io.keygate.decision.Decision;
import io.keygate.testing.Records;
import io.keygate.v1.PrincipalKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DecisionEngineTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final String TEAM = "scp_team";
  private static final String OTHER = "scp_other";
  private static final String PARENT = "scp_parent";

  /** A credential record with sensible defaults: valid, read-write, a user, tenant-wide, all transports. */
  private static final class Key {
    Transport[] accepted = {Transport.API_KEY_HEADER, Transport.BEARER};
    boolean tenantEnabled = true;
    boolean revoked;
    Instant expiresAt = NOW.plusSeconds(3600);
    PrincipalKind kind = PrincipalKind.PRINCIPAL_KIND_USER;
    String scopeId;
    List<String> permissions = List.of("orders:read", "orders:write", "api-keys:create:all");
    boolean readOnly;

    CredentialRecord record() {
      Set<Transport> transports = EnumSet.noneOf(Transport.class);
      transports.addAll(List.of(accepted));
      Records.Key key = Records.key().kind(kind).scope(scopeId).readOnly(readOnly).expiresAt(expiresAt)
          .revoked(revoked).limit(100, true).policy(Records.policy().apiAccess(tenantEnabled)
              .transports(transports.contains(Transport.API_KEY_HEADER), transports.contains(Transport.BEARER)));
      key.permissions = permissions;
      return key.build();
    }
  }

  private static AccessRequest read() {
    return new AccessRequest(Transport.API_KEY_HEADER, "orders:read", false, null);
  }

  private static AccessRequest write() {
    return new AccessRequest(Transport.API_KEY_HEADER, "orders:write", true, null);
  }

  private static ScopePath path(String... idsAndSwitches) {
    List<ScopePath.Node> nodes = new ArrayList<>();
    for (String node : idsAndSwitches) {
      boolean disabled = node.startsWith("!");
      nodes.add(new ScopePath.Node(disabled ? node.substring(1) : node, !disabled));
    }
    return new ScopePath(nodes, 0);
  }

  private static Reason decide(Key key, AccessRequest request) {
    return DecisionEngine.decide(key.record(), request, ScopePath.TENANT_WIDE, NOW);
  }

  @Test
  void aValidKeyWithThePermissionIsAllowed() {
    assertThat(decide(new Key(), read())).isEqualTo(Reason.OK);
    assertThat(decide(new Key(), write())).isEqualTo(Reason.OK);
  }

  @ParameterizedTest
  @CsvSource({
      "API_KEY_HEADER, API_KEY_HEADER, OK",
      "API_KEY_HEADER, BEARER,         TRANSPORT_NOT_ACCEPTED",
      "BEARER,         BEARER,         OK",
      "BEARER,         API_KEY_HEADER, TRANSPORT_NOT_ACCEPTED"})
  void onlyTheTenantsAcceptedTransportIsAccepted(Transport accepted, Transport used, Reason expected) {
    Key key = new Key();
    key.accepted = new Transport[] {accepted};

    Reason reason = decide(key, new AccessRequest(used, "orders:read", false, null));

    assertThat(reason).isEqualTo(expected);
    assertThat(reason.httpStatus()).isIn(200, 401);
  }

  @Test
  void aTenantAcceptingBothTransportsTakesEither() {
    Key key = new Key();

    assertThat(decide(key, new AccessRequest(Transport.BEARER, "orders:read", false, null))).isEqualTo(Reason.OK);
    assertThat(decide(key, new AccessRequest(Transport.API_KEY_HEADER, "orders:read", false, null)))
        .isEqualTo(Reason.OK);
  }

  @Test
  void revokedKeyIsUnauthenticated() {
    Key key = new Key();
    key.revoked = true;

    assertThat(decide(key, read())).isEqualTo(Reason.CREDENTIAL_REVOKED);
    assertThat(Reason.CREDENTIAL_REVOKED.httpStatus()).isEqualTo(401);
  }

  @Test
  void keyExpiresAtItsExpiryInstantExactly() {
    Key key = new Key();

    key.expiresAt = NOW.plusNanos(1);
    assertThat(decide(key, read())).isEqualTo(Reason.OK);
    key.expiresAt = NOW;
    assertThat(decide(key, read())).isEqualTo(Reason.CREDENTIAL_EXPIRED);
    key.expiresAt = NOW.minusSeconds(86_400);
    assertThat(decide(key, read())).isEqualTo(Reason.CREDENTIAL_EXPIRED);
    assertThat(Reason.CREDENTIAL_EXPIRED.httpStatus()).isEqualTo(401);
  }

  @Test
  void keyWithoutExpiryNeverExpires() {
    Key key = new Key();
    key.expiresAt = null;

    assertThat(DecisionEngine.decide(key.record(), read(), ScopePath.TENANT_WIDE, Instant.MAX)).isEqualTo(Reason.OK);
  }

  @Test
  void tenantWithApiAccessDisabledIsForbidden() {
    Key key = new Key();
    key.tenantEnabled = false;

    assertThat(decide(key, read())).isEqualTo(Reason.TENANT_API_DISABLED);
    assertThat(Reason.TENANT_API_DISABLED.httpStatus()).isEqualTo(403);
  }

  @Test
  void unknownRequestedScopeIsForbidden() {
    assertThat(DecisionEngine.decide(new Key().record(), read(), null, NOW)).isEqualTo(Reason.SCOPE_FORBIDDEN);
  }

  @ParameterizedTest(name = "key scope {0}, requested path {1}: {2}")
  @CsvSource({
      // a tenant-wide key reaches every scope
      "'',     'scp_team scp_parent',   OK",
      // a scoped key reaches its scope and the scopes below it
      "scp_team,   'scp_team scp_parent', OK",
      "scp_parent, 'scp_team scp_parent', OK",
      "scp_team,   'scp_parent',          SCOPE_FORBIDDEN",
      "scp_team,   'scp_other scp_parent', SCOPE_FORBIDDEN",
      "scp_team,   '',                    SCOPE_FORBIDDEN",
      // every scope on the path must have API access enabled
      "'',         '!scp_team scp_parent', SCOPE_API_DISABLED",
      "'',         'scp_team !scp_parent', SCOPE_API_DISABLED",
      "scp_team,   'scp_team !scp_parent', SCOPE_API_DISABLED",
      // scope checks come after the key is known to be usable in this scope
      "scp_team,   '!scp_other scp_parent', SCOPE_FORBIDDEN"})
  void scopeRules(String keyScope, String requestedPath, Reason expected) {
    Key key = new Key();
    key.scopeId = keyScope.isEmpty() ? null : keyScope;
    ScopePath path = requestedPath.isEmpty() ? ScopePath.TENANT_WIDE : path(requestedPath.split(" "));

    assertThat(DecisionEngine.decide(key.record(), new AccessRequest(Transport.BEARER, "orders:read", false,
        path.nodes().isEmpty() ? null : path.nodes().get(0).id()), path, NOW)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "api-keys:create:all, true,  AGENT_CANNOT_MANAGE_TOKENS",
      "api-keys:delete:own, true,  AGENT_CANNOT_MANAGE_TOKENS",
      "tokens:update,       true,  AGENT_CANNOT_MANAGE_TOKENS",
      "api-keys:read:all,   false, OK",
      "orders:write,        true,  OK"})
  void agentsNeverManageKeysOrTokensEvenWithThePermission(String permission, boolean write, Reason expected) {
    Key agent = new Key();
    agent.kind = PrincipalKind.PRINCIPAL_KIND_AGENT;
    agent.permissions = List.of("*");

    assertThat(decide(agent, new AccessRequest(Transport.BEARER, permission, write, null))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"PRINCIPAL_KIND_USER", "PRINCIPAL_KIND_SERVICE_ACCOUNT"})
  void humansAndServiceAccountsMayManageKeysWithThePermission(PrincipalKind kind) {
    Key key = new Key();
    key.kind = kind;

    assertThat(decide(key, new AccessRequest(Transport.BEARER, "api-keys:create:all", true, null)))
        .isEqualTo(Reason.OK);
  }

  @Test
  void requestWithoutARouteIsForbidden() {
    Key key = new Key();
    key.permissions = List.of("*");

    assertThat(decide(key, new AccessRequest(Transport.BEARER, null, false, null))).isEqualTo(Reason.NO_ROUTE);
    assertThat(Reason.NO_ROUTE.httpStatus()).isEqualTo(403);
  }

  @Test
  void permissionMissingFromTheRoleIsForbidden() {
    Key key = new Key();
    key.permissions = List.of("orders:read");

    assertThat(decide(key, write())).isEqualTo(Reason.PERMISSION_DENIED);
    assertThat(decide(key, new AccessRequest(Transport.BEARER, "invoices:read", false, null)))
        .isEqualTo(Reason.PERMISSION_DENIED);
    assertThat(decide(key, read())).isEqualTo(Reason.OK);
  }

  @Test
  void keyWithNoPermissionsMayDoNothing() {
    Key key = new Key();
    key.permissions = List.of();

    assertThat(decide(key, read())).isEqualTo(Reason.PERMISSION_DENIED);
  }

  @Test
  void readOnlyTokenMayReadButNotWrite() {
    Key key = new Key();
    key.readOnly = true;

    assertThat(decide(key, read())).isEqualTo(Reason.OK);
    assertThat(decide(key, write())).isEqualTo(Reason.READ_ONLY_TOKEN);
    assertThat(Reason.READ_ONLY_TOKEN.httpStatus()).isEqualTo(403);
  }

  /** Independent faults, in the order the engine must report them. */
  private enum Fault {
    TRANSPORT(Reason.TRANSPORT_NOT_ACCEPTED),
    REVOKED(Reason.CREDENTIAL_REVOKED),
    EXPIRED(Reason.CREDENTIAL_EXPIRED),
    TENANT_DISABLED(Reason.TENANT_API_DISABLED),
    SCOPE_FORBIDDEN(Reason.SCOPE_FORBIDDEN),
    SCOPE_DISABLED(Reason.SCOPE_API_DISABLED),
    AGENT(Reason.AGENT_CANNOT_MANAGE_TOKENS),
    NO_PERMISSION(Reason.PERMISSION_DENIED),
    READ_ONLY(Reason.READ_ONLY_TOKEN);

    final Reason reason;

    Fault(Reason reason) {
      this.reason = reason;
    }
  }

  static Stream<Set<Fault>> faultCombinations() {
    Fault[] all = Fault.values();
    return IntStream.range(0, 1 << all.length).mapToObj(bits -> {
      Set<Fault> faults = EnumSet.noneOf(Fault.class);
      for (Fault fault : all) {
        if ((bits & (1 << fault.ordinal())) != 0) {
          faults.add(fault);
        }
      }
      return faults;
    });
  }

  /** The decision for a write on {@code permission} in scope TEAM, with exactly {@code faults} present. */
  private static Reason decideWith(Set<Fault> faults, String permission) {
    Key key = new Key();
    key.accepted = faults.contains(Fault.TRANSPORT) ? new Transport[] {Transport.API_KEY_HEADER}
        : new Transport[] {Transport.BEARER};
    key.revoked = faults.contains(Fault.REVOKED);
    key.expiresAt = faults.contains(Fault.EXPIRED) ? NOW.minusSeconds(1) : NOW.plusSeconds(1);
    key.tenantEnabled = !faults.contains(Fault.TENANT_DISABLED);
    key.scopeId = TEAM;
    key.kind = faults.contains(Fault.AGENT) ? PrincipalKind.PRINCIPAL_KIND_AGENT : PrincipalKind.PRINCIPAL_KIND_USER;
    key.permissions = faults.contains(Fault.NO_PERMISSION) ? List.of("api-keys:read:all") : List.of("api-keys:*");
    key.readOnly = faults.contains(Fault.READ_ONLY);
    String requested = faults.contains(Fault.SCOPE_FORBIDDEN) ? OTHER : TEAM;
    ScopePath path = path(faults.contains(Fault.SCOPE_DISABLED) ? "!" + requested : requested, PARENT);
    AccessRequest request = new AccessRequest(Transport.BEARER, permission, true, requested);
    return DecisionEngine.decide(key.record(), request, path, NOW);
  }

  @ParameterizedTest
  @MethodSource("faultCombinations")
  void theFirstFaultInTheDocumentedOrderWinsSo401ComesBefore403(Set<Fault> faults) {
    Reason reason = decideWith(faults, "api-keys:create:all");

    Reason expected = faults.isEmpty() ? Reason.OK : faults.iterator().next().reason;
    assertThat(reason).isEqualTo(expected);
    boolean unauthenticated = faults.stream().anyMatch(f -> f.reason.httpStatus() == 401);
    assertThat(reason.httpStatus()).isEqualTo(unauthenticated ? 401 : faults.isEmpty() ? 200 : 403);
  }

  @Test
  void theEngineProducesEveryPostLookupReasonAndNoPreLookupOrRateLimitOne() {
    Set<Reason> produced = EnumSet.noneOf(Reason.class);
    faultCombinations().forEach(faults -> {
      produced.add(decideWith(faults, "api-keys:create:all"));
      produced.add(decideWith(faults, null));
    });

    assertThat(produced).containsExactlyInAnyOrder(Reason.OK, Reason.TRANSPORT_NOT_ACCEPTED,
        Reason.CREDENTIAL_REVOKED, Reason.CREDENTIAL_EXPIRED, Reason.TENANT_API_DISABLED, Reason.SCOPE_FORBIDDEN,
        Reason.SCOPE_API_DISABLED, Reason.AGENT_CANNOT_MANAGE_TOKENS, Reason.NO_ROUTE, Reason.PERMISSION_DENIED,
        Reason.READ_ONLY_TOKEN);
  }

  @Test
  void aCredentialOfUnknownTransportIsNotCheckedAgainstTheTenantsTransports() {
    Key key = new Key();
    key.accepted = new Transport[] {Transport.API_KEY_HEADER};

    assertThat(decide(key, new AccessRequest(Transport.UNKNOWN, "orders:read", false, null))).isEqualTo(Reason.OK);
  }

  @Test
  void everyReasonMapsToTheSpecifiedHttpStatus() {
    for (Reason reason : Reason.values()) {
      int expected = switch (reason) {
        case OK -> 200;
        case CREDENTIAL_MISSING, CREDENTIAL_MALFORMED, CREDENTIAL_IN_QUERY, TRANSPORT_NOT_ACCEPTED,
            MULTIPLE_CREDENTIALS, CREDENTIAL_UNKNOWN, CREDENTIAL_EXPIRED, CREDENTIAL_REVOKED -> 401;
        case KEY_RATE_LIMITED, IP_RATE_LIMITED -> 429;
        case RATE_LIMITER_UNAVAILABLE -> 503;
        default -> 403;
      };
      assertThat(reason.httpStatus()).as(reason.name()).isEqualTo(expected);
      assertThat(reason.code()).isEqualTo(reason.name().toLowerCase());
      assertThat(reason.message()).isNotBlank();
    }
  }

  @Test
  void decisionAllowsOnlyOk() {
    assertThat(new Decision(Reason.OK, new Key().record(), null).allowed()).isTrue();
    assertThat(Decision.refuse(Reason.CREDENTIAL_UNKNOWN, null).allowed()).isFalse();
    assertThat(Decision.refuse(Reason.CREDENTIAL_UNKNOWN, null).httpStatus()).isEqualTo(401);
    assertThat(new Decision(Reason.PERMISSION_DENIED, new Key().record(), null).allowed()).isFalse();
  }
}
