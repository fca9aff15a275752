package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.StatusRuntimeException;
import io.keygate.authz.Permissions;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateTokenRequest;
import io.keygate.v1.Expiration;
import io.keygate.v1.Lifetime;
import io.keygate.v1.LifetimeUnit;
import io.keygate.v1.ListTokensRequest;
import io.keygate.v1.PermissionSource;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.RotateTokenRequest;
import io.keygate.v1.StringList;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenAccess;
import io.keygate.v1.TokenSpec;
import io.keygate.v1.UpdateApiKeyRequest;
import io.keygate.v1.UpdatePrincipalRequest;
import io.keygate.v1.UpdateRoleRequest;
import io.keygate.v1.UpdateScopeRequest;
import io.keygate.v1.UpdateTenantRequest;
import io.keygate.v1.UpdateTokenRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The invariant of issue 14 as a property: random sequences of management calls made by one actor —
 * a random key of a randomly set-up tenant — and by every credential it obtains along the way. After
 * every step, no credential the actor could use (its own key and every secret a call returned to it)
 * holds a permission the actor did not hold at the start, nor reaches outside the actor's scope.
 * Calls the server refuses are part of the sequence too: refusing is how it keeps the invariant.
 */
class NonEscalationPropertiesIT {
  /** The permissions roles and defaults are drawn from. */
  private static final List<String> POOL = List.of("*", "api-keys:create:all", "api-keys:create:own",
      "api-keys:delete:all", "api-keys:read:all", "roles:write:all", "roles:read:all", "principals:write:all",
      "tenant:write:all", "scopes:write:all", "orders:read", "orders:write", "orders:*", "invoices:read");

  private static TestKeygate keygate;

  @BeforeContainer
  static void start() {
    // No limit may hide an identity: the property reads every credential's permissions after every step.
    keygate = TestKeygate.start(TestPostgres.newDatabase(), Map.of("KEYGATE_AUTH_FAILURE_LIMIT", "0"));
  }

  @AfterContainer
  static void stop() {
    keygate.close();
  }

  /** One step: which call, and numbers that pick its arguments among what exists. */
  record Step(Call call, int a, int b, int c) {}

  enum Call {
    CREATE_KEY, CREATE_TOKEN, ROTATE_TOKEN, UPDATE_TOKEN, UPDATE_KEY_ROLE, UPDATE_KEY_EXPIRY, CREATE_ROLE,
    UPDATE_ROLE, CREATE_PRINCIPAL, UPDATE_PRINCIPAL_ROLE, UPDATE_TENANT_DEFAULTS, SWITCH_PERMISSION_SOURCE,
    SWITCH_SCOPE
  }

  /** A tenant set up by its admin: random roles, principals, scopes and keys. */
  record World(TenantFixture tenant, List<String> roles, List<String> principals, List<String> scopes,
      List<String> keyIds, Map<String, String> secretsByKey) {
    /** {@code scope} and the scopes below it (scope 1 lies under scope 0). */
    List<String> subtree(String scope) {
      return scope.equals(scopes.get(0)) ? List.of(scopes.get(0), scopes.get(1)) : List.of(scope);
    }
  }

  @Property(tries = 60, shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
  void noCredentialTheActorCanUseEverHoldsMoreThanTheActorDid(@ForAll("seeds") List<Integer> setup,
      @ForAll("steps") List<Step> steps) {
    World world = world(setup);
    String actorKey = world.keyIds().get(Math.floorMod(setup.get(0), world.keyIds().size() - 1) + 1);
    String actorSecret = world.secretsByKey().get(actorKey);
    AuthorizeResponse start = identify(actorSecret);
    List<String> held = start.getIdentity().getPermissionsList();
    String actorScope = start.getIdentity().getScopeId();
    List<String> wallet = new ArrayList<>(List.of(actorSecret));
    for (Step step : steps) {
      String caller = wallet.get(Math.floorMod(step.a(), wallet.size()));
      String obtained = attempt(world, caller, step);
      if (obtained != null) {
        wallet.add(obtained);
      }
      for (String secret : wallet) {
        AuthorizeResponse now = identify(secret);
        if (!now.hasIdentity()) {
          continue; // revoked, rotated away or expired: nothing to use
        }
        assertThat(Permissions.coversAll(held, now.getIdentity().getPermissionsList()))
            .as("after %s, a credential of the actor holds %s; the actor held %s", step,
                now.getIdentity().getPermissionsList(), held).isTrue();
        if (!actorScope.isEmpty()) {
          assertThat(now.getIdentity().getScopeId()).as("after %s, the scope of a credential of an actor bound to %s",
              step, actorScope).isIn(world.subtree(actorScope));
        }
      }
    }
  }

  @Provide
  Arbitrary<List<Integer>> seeds() {
    return Arbitraries.integers().between(0, 1_000).list().ofSize(24);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Call.class), Arbitraries.integers().between(0, 99),
        Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 99)).as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(12);
  }

  private World world(List<Integer> seed) {
    TenantFixture t = TenantFixture.create(keygate, TenantSettings.newBuilder()
        .setPermissionSource(seed.get(1) % 2 == 0 ? PermissionSource.PERMISSION_SOURCE_KEY_ROLE
            : PermissionSource.PERMISSION_SOURCE_PRINCIPAL_ROLE)
        .setDefaultPermissions(StringList.newBuilder().addAllValues(subset(seed.get(2))))
        .setMaxActiveTokensPerPrincipal(0).setKeyLimitPerMinute(0).setIpLimitRequests(0).build());
    List<String> roles = new ArrayList<>(List.of(t.adminRole()));
    for (int i = 0; i < 4; i++) {
      roles.add(t.role(subset(seed.get(3 + i)).toArray(String[]::new)));
    }
    List<String> scopes = new ArrayList<>();
    scopes.add(t.scope(""));
    scopes.add(t.scope(scopes.get(0)));
    scopes.add(t.scope(""));
    List<String> principals = new ArrayList<>(List.of(t.adminPrincipal()));
    for (int i = 0; i < 4; i++) {
      PrincipalKind kind = i >= 2 && seed.get(7 + i) % 2 == 0 ? PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT
          : PrincipalKind.PRINCIPAL_KIND_USER; // the first two are users: agents need a human parent
      principals.add(t.principal(kind, pick(roles, seed.get(11 + i)), ""));
    }
    principals.add(t.agent(principals.get(1 + seed.get(15) % 2), pick(roles, seed.get(16))));
    List<String> keyIds = new ArrayList<>(List.of(t.adminKey()));
    Map<String, String> secrets = new LinkedHashMap<>(Map.of(t.adminKey(), t.admin));
    for (int i = 0; i < 5; i++) {
      String owner = principals.get(1 + seed.get(17 + i) % (principals.size() - 1));
      String scope = seed.get(22) % 3 == i % 3 ? pick(scopes, seed.get(17 + i)) : "";
      try {
        // Keys take their owner's permissions in a PRINCIPAL_ROLE tenant: no role of their own.
        var created = t.key(owner, seed.get(1) % 2 == 0 ? pick(roles, seed.get(20 + i % 4)) : "", scope);
        keyIds.add(created.getApiKey().getId());
        secrets.put(created.getApiKey().getId(), created.getSecret());
      } catch (StatusRuntimeException refused) {
        // e.g. a personal key where the tenant allows none: the world just has one key fewer
      }
    }
    if (keyIds.size() < 2) {
      var fallback = t.key(principals.get(1), seed.get(1) % 2 == 0 ? roles.get(1) : "", "");
      keyIds.add(fallback.getApiKey().getId());
      secrets.put(fallback.getApiKey().getId(), fallback.getSecret());
    }
    return new World(t, roles, principals, scopes, keyIds, secrets);
  }

  /** Makes the call; returns a secret it handed to the caller, if any. Refusals are fine. */
  private String attempt(World w, String caller, Step s) {
    try {
      switch (s.call()) {
        case CREATE_KEY -> {
          return keygate.keys(caller).createApiKey(CreateApiKeyRequest.newBuilder().setName("k" + s.b())
              .setOwnerPrincipalId(pick(w.principals(), s.b())).setRoleId(pickOrNone(w.roles(), s.c()))
              .setScopeId(pickOrNone(w.scopes(), s.b() + s.c()))
              .setInitialToken(TokenSpec.getDefaultInstance()).build()).getSecret();
        }
        case CREATE_TOKEN -> {
          return keygate.keys(caller).createToken(CreateTokenRequest.newBuilder()
              .setApiKeyId(pick(w.keyIds(), s.b())).build()).getSecret();
        }
        case ROTATE_TOKEN -> {
          return keygate.keys(caller).rotateToken(RotateTokenRequest.newBuilder().setTokenId(token(w, s.b()))
              .build()).getSecret();
        }
        case UPDATE_TOKEN -> keygate.keys(caller).updateToken(UpdateTokenRequest.newBuilder()
            .setTokenId(token(w, s.b())).setAccess(s.c() % 2 == 0 ? TokenAccess.TOKEN_ACCESS_READ_WRITE
                : TokenAccess.TOKEN_ACCESS_READ_ONLY).build());
        case UPDATE_KEY_ROLE -> keygate.keys(caller).updateApiKey(UpdateApiKeyRequest.newBuilder()
            .setApiKeyId(pick(w.keyIds(), s.b())).setRoleId(pickOrNone(w.roles(), s.c())).build());
        case UPDATE_KEY_EXPIRY -> keygate.keys(caller).updateApiKey(UpdateApiKeyRequest.newBuilder()
            .setApiKeyId(pick(w.keyIds(), s.b())).setExpiration(Expiration.newBuilder().setAfter(Lifetime
                .newBuilder().setAmount(1 + s.c()).setUnit(LifetimeUnit.LIFETIME_UNIT_DAYS))).build());
        case CREATE_ROLE -> w.roles().add(keygate.roles(caller).createRole(CreateRoleRequest.newBuilder()
            .setName("r" + s.b() + "-" + s.c()).addAllPermissions(subset(s.b() * 100 + s.c())).build())
            .getRole().getId());
        case UPDATE_ROLE -> keygate.roles(caller).updateRole(UpdateRoleRequest.newBuilder()
            .setRoleId(pick(w.roles(), s.b())).setPermissions(StringList.newBuilder()
                .addAllValues(subset(s.c() * 37))).build());
        case CREATE_PRINCIPAL -> w.principals().add(keygate.principals(caller).createPrincipal(
            CreatePrincipalRequest.newBuilder().setKind(PrincipalKind.PRINCIPAL_KIND_USER).setDisplayName("p" + s.b())
                .setRoleId(pickOrNone(w.roles(), s.c())).build()).getPrincipal().getId());
        case UPDATE_PRINCIPAL_ROLE -> keygate.principals(caller).updatePrincipal(UpdatePrincipalRequest.newBuilder()
            .setPrincipalId(pick(w.principals(), s.b())).setRoleId(pickOrNone(w.roles(), s.c())).build());
        case UPDATE_TENANT_DEFAULTS -> keygate.tenants(caller).updateTenant(UpdateTenantRequest.newBuilder()
            .setSettings(TenantSettings.newBuilder().setDefaultPermissions(StringList.newBuilder()
                .addAllValues(subset(s.b() * 100 + s.c())))).build());
        case SWITCH_PERMISSION_SOURCE -> keygate.tenants(caller).updateTenant(UpdateTenantRequest.newBuilder()
            .setSettings(TenantSettings.newBuilder().setPermissionSource(s.b() % 2 == 0
                ? PermissionSource.PERMISSION_SOURCE_KEY_ROLE : PermissionSource.PERMISSION_SOURCE_PRINCIPAL_ROLE))
            .build());
        case SWITCH_SCOPE -> keygate.scopes(caller).updateScope(UpdateScopeRequest.newBuilder()
            .setScopeId(pick(w.scopes(), s.b())).setApiAccessEnabled(s.c() % 2 == 0).build());
        default -> throw new IllegalStateException(s.call().name());
      }
    } catch (StatusRuntimeException refused) {
      // refused: the invariant holds by refusal
    }
    return null;
  }

  private static String token(World w, int n) {
    String keyId = pick(w.keyIds(), n);
    var tokens = keygate.keys(w.tenant().admin).listTokens(ListTokensRequest.newBuilder().setApiKeyId(keyId).build())
        .getTokensList();
    return tokens.isEmpty() ? "tok_01jz0000000000000000000000" : tokens.get(n % tokens.size()).getId();
  }

  /** Allowed or not, a valid credential's answer carries its identity and effective permissions. */
  private static AuthorizeResponse identify(String secret) {
    return keygate.authorizer().authorize(AuthorizeRequest.newBuilder().setCredential(secret).setResource("probe")
        .setAction("read").setClientIp("198.18.0.1").build());
  }

  private static List<String> subset(int seed) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < POOL.size(); i++) {
      if ((seed >> (i % 10) & 1) == 1 && (i != 0 || seed % 7 == 0)) {
        out.add(POOL.get(i));
      }
    }
    return out;
  }

  private static String pick(List<String> from, int n) {
    return from.get(Math.floorMod(n, from.size()));
  }

  private static String pickOrNone(List<String> from, int n) {
    return n % 5 == 0 ? "" : pick(from, n);
  }
}
