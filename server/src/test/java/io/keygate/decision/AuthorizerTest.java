package io.keygate.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.KeygateException;
import io.keygate.authz.AccessRequest.Transport;
import io.keygate.authz.CredentialRecord;
import io.keygate.authz.Reason;
import io.keygate.authz.RouteTable;
import io.keygate.authz.ScopePath;
import io.keygate.keys.SecretFormat;
import io.keygate.ratelimit.LimitStatus;
import io.keygate.ratelimit.LocalCounters;
import io.keygate.ratelimit.WindowedRateLimiter;
import io.keygate.store.CredentialStore;
import io.keygate.testing.Records;
import io.keygate.testing.TestClock;
import io.keygate.v1.PrincipalKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The decision's steps in the order README §"The decision" gives, one nested class a step, on an
 * in-memory store that counts its lookups, in-process counters and a test clock: nothing here
 * touches a network. The deployment's guard allows {@value #GUARD} failures a minute and a flagged
 * client one lookup a minute.
 */
class AuthorizerTest {
  private static final SecretFormat FORMAT = new SecretFormat(SecretFormat.DEFAULT_PREFIX);
  private static final String IP = "192.0.2.10";
  private static final int GUARD = 3;

  private final TestClock clock = new TestClock();
  private final MemoryStore store = new MemoryStore();
  private final List<CredentialRecord> used = new ArrayList<>();
  /** The blocking executor: runs at once, counting what was sent to it. */
  private final AtomicInteger blockingTasks = new AtomicInteger();
  private final Executor blocking = task -> {
    blockingTasks.incrementAndGet();
    task.run();
  };
  private final Authorizer authorizer = authorizer(blocking);

  private Authorizer authorizer(Executor pool) {
    return new Authorizer(store, FORMAT, clock, RouteTable.parse(
        "GET /public public\nGET /v1/orders/** orders:read\n", "test"),
        new WindowedRateLimiter(new LocalCounters(clock, 1000), new LocalCounters(clock, 1000), true, Runnable::run),
        new Limits(GUARD, 60_000, 1), (key, at) -> used.add(key), pool);
  }

  @Test
  void aValidKeyWithThePermissionIsAllowedWithItsIdentityAndItsUseRecorded() {
    String secret = key(record("orders:read"));
    Decision decision = decide(input(secret, "orders", "read"));
    assertThat(decision.reason()).isEqualTo(Reason.OK);
    assertThat(decision.identity().apiKeyId()).isEqualTo("key_1");
    assertThat(decision.rateLimit()).as("the tenant's IP limit").isNotNull();
    assertThat(used).hasSize(1);
    assertThat(authorizer.decisions(Reason.OK)).isEqualTo(1);
  }

  @Nested
  class Step1Shape {
    @Test
    void aMissingCredentialIs401WithoutALookupAndIsNoFailedAuthentication() {
      for (int i = 0; i < GUARD + 2; i++) {
        assertThat(decide(input("", "orders", "read")).reason()).isEqualTo(Reason.CREDENTIAL_MISSING);
      }
      assertThat(store.lookups).hasValue(0);
      assertThat(decide(input(key(record("orders:read")), "orders", "read")).reason())
          .as("the guard was not touched").isEqualTo(Reason.OK);
    }

    @Test
    void aMalformedCredentialIs401WithoutALookup() {
      String valid = FORMAT.generate();
      String typo = valid.substring(0, valid.length() - 1) + (valid.endsWith("0") ? "1" : "0");
      assertThat(decide(input(typo, "orders", "read")).reason()).isEqualTo(Reason.CREDENTIAL_MALFORMED);
      assertThat(store.lookups).hasValue(0);
    }

    @Test
    void aCredentialInTheQueryStringIsRefusedWithoutALookup() {
      AuthorizeInput in = new AuthorizeInput(key(record("orders:read")), Transport.API_KEY_HEADER, Map.of(), IP, "",
          "", "GET", "/v1/orders/1?api_key=x", "");
      assertThat(decide(in).reason()).isEqualTo(Reason.CREDENTIAL_IN_QUERY);
      assertThat(store.lookups).hasValue(0);
    }

    @Test
    void aPublicRouteOfTheDeploymentIsAllowedWithoutACredential() {
      AuthorizeInput in = new AuthorizeInput("", Transport.UNKNOWN, Map.of(), IP, "", "", "GET", "/public", "");
      Decision decision = decide(in);
      assertThat(decision.reason()).isEqualTo(Reason.OK);
      assertThat(decision.identity()).isNull();
    }

    @Test
    void badInputIsThrownAsInvalidArgumentBeforeAnythingElse() {
      String secret = key(record("orders:read"));
      assertThatThrownBy(() -> authorizer.decide(input(secret, "orders", "read", "not an ip!")))
          .isInstanceOfSatisfying(KeygateException.class,
              e -> assertThat(e.kind()).isEqualTo(KeygateException.Kind.INVALID_ARGUMENT));
      assertThatThrownBy(() -> authorizer.decide(input(secret, "orders", "")))
          .isInstanceOf(KeygateException.class).hasMessageContaining("resource and action");
      assertThat(store.lookups).hasValue(0);
    }
  }

  @Nested
  class Step2FloodGuard {
    @Test
    void refusedCredentialsFlagTheClientAndThenCostNoLookupBeyondItsBudget() {
      for (int i = 0; i < GUARD; i++) {
        assertThat(decide(input(FORMAT.generate(), "orders", "read")).reason()).isEqualTo(Reason.CREDENTIAL_UNKNOWN);
      }
      int lookups = store.lookups.get();
      Decision budgeted = decide(input(FORMAT.generate(), "orders", "read"));
      assertThat(budgeted.reason()).as("a flagged client's one lookup a minute").isEqualTo(Reason.IP_RATE_LIMITED);
      assertThat(store.lookups).hasValue(lookups + 1);
      for (int i = 0; i < 5; i++) {
        Decision refused = decide(input(FORMAT.generate(), "orders", "read"));
        assertThat(refused.reason()).isEqualTo(Reason.IP_RATE_LIMITED);
        assertThat(refused.rateLimit().limit()).as("the guard's limit").isEqualTo(GUARD);
      }
      assertThat(store.lookups).as("no lookup beyond the budget").hasValue(lookups + 1);
      assertThat(decide(input(key(record("orders:read")), "orders", "read", "192.0.2.99")).reason())
          .as("another client").isEqualTo(Reason.OK);
    }

    @Test
    void malformedAndNegativelyCachedCredentialsCountWithoutALookup() {
      String typo = FORMAT.generate().replace('a', 'b').substring(0, 40);
      String unknown = FORMAT.generate();
      store.unknown.add(ByteBuffer.wrap(SecretFormat.digest(unknown)));
      assertThat(decide(input(typo, "orders", "read")).reason()).isEqualTo(Reason.CREDENTIAL_MALFORMED);
      assertThat(decide(input(unknown, "orders", "read")).reason()).isEqualTo(Reason.CREDENTIAL_UNKNOWN);
      assertThat(decide(input(unknown, "orders", "read")).reason()).isEqualTo(Reason.CREDENTIAL_UNKNOWN);
      assertThat(decide(input(unknown, "orders", "read")).reason()).as("the guard's 4th failure")
          .isEqualTo(Reason.IP_RATE_LIMITED);
      assertThat(store.lookups).hasValue(0);
    }

    /** The tenant decides what the deployment's guard means for its valid keys (Harmony v2: nothing). */
    @Test
    void aFlaggedClientsValidKeyIsRefusedOrServedAsItsTenantSays() {
      String blocked = key(record("orders:read").tenant("ten_blocks").id("key_b"));
      String spared = key(record("orders:read").tenant("ten_spares").id("key_s")
          .policy(Records.policy().guardBlocksValidKeys(false)));
      String sparedCached = key(record("orders:read").tenant("ten_spares").id("key_c")
          .policy(Records.policy().guardBlocksValidKeys(false)));
      store.cache(sparedCached);
      String blockedCached = key(record("orders:read").tenant("ten_blocks").id("key_d"));
      store.cache(blockedCached);
      for (int i = 0; i < GUARD; i++) {
        decide(input(FORMAT.generate(), "orders", "read"));
      }
      assertThat(decide(input(spared, "orders", "read")).reason()).as("found within the flagged budget")
          .isEqualTo(Reason.OK);
      assertThat(decide(input(sparedCached, "orders", "read")).reason()).isEqualTo(Reason.OK);
      assertThat(decide(input(blockedCached, "orders", "read")).reason()).isEqualTo(Reason.IP_RATE_LIMITED);
      assertThat(decide(input(blocked, "orders", "read")).reason()).isEqualTo(Reason.IP_RATE_LIMITED);
    }

    /** Leaving client_ip empty, or walking through one IPv6 /64, buys no second allowance. */
    @Test
    void requestsWithoutAnAddressAndTheAddressesOfOneSlash64AreOneClient() {
      for (int i = 0; i < GUARD; i++) {
        decide(input(FORMAT.generate(), "orders", "read", "2001:db8:1:2::" + (i + 1)));
        decide(input(FORMAT.generate(), "orders", "read", ""));
      }
      assertThat(decide(input(FORMAT.generate(), "orders", "read", "2001:db8:1:2:ffff::9")).reason())
          .isEqualTo(Reason.IP_RATE_LIMITED);
      assertThat(decide(input(FORMAT.generate(), "orders", "read", "")).reason()).isEqualTo(Reason.IP_RATE_LIMITED);
      assertThat(decide(input(FORMAT.generate(), "orders", "read", "2001:db8:1:3::1")).reason())
          .as("the next /64").isEqualTo(Reason.CREDENTIAL_UNKNOWN);
    }
  }

  @Nested
  class Step3Lookup {
    @Test
    void aKeyInMemoryIsDecidedOnTheCallersThreadAndAnyOtherOnTheBlockingExecutor() {
      List<Runnable> queued = new ArrayList<>();
      Authorizer queuing = authorizer(queued::add);
      String secret = key(record("orders:read"));
      CompletableFuture<Decision> cold = queuing.decide(input(secret, "orders", "read")).toCompletableFuture();
      assertThat(cold).as("waits for the blocking executor").isNotDone();
      queued.remove(0).run();
      assertThat(cold.join().reason()).isEqualTo(Reason.OK);
      store.cache(secret);
      CompletableFuture<Decision> warm = queuing.decide(input(secret, "orders", "read")).toCompletableFuture();
      assertThat(warm).as("answered on the caller's thread").isDone();
      assertThat(warm.join().reason()).isEqualTo(Reason.OK);
      assertThat(queued).isEmpty();
    }

    @Test
    void aFullBlockingPoolIsResourceExhaustedAtOnce() {
      Authorizer full = authorizer(task -> {
        throw new RejectedExecutionException("full");
      });
      CompletableFuture<Decision> refused = full.decide(input(key(record("orders:read")), "orders", "read"))
          .toCompletableFuture();
      assertThat(refused).isCompletedExceptionally();
      assertThatThrownBy(refused::join).hasCauseInstanceOf(KeygateException.class)
          .hasMessageContaining("overloaded");
    }

    @Test
    void aRequestedScopeTheTenantDoesNotHaveIsForbidden() {
      String secret = key(record("orders:read"));
      assertThat(decide(input(secret, "orders", "read", IP, "scp_01jz0000000000000000000000")).reason())
          .isEqualTo(Reason.SCOPE_FORBIDDEN);
    }

    /** Harness: a project key acts only in its project — a tenant-wide request is outside it. */
    @Test
    void aScopeBoundKeyActsInItsScopeAndBelowButNotTenantWide() {
      String project = "scp_01jzpr0jzct00000000000000p";
      String child = "scp_01jzch00d0000000000000000c";
      store.scopes.put("ten_1/" + project, path(project));
      store.scopes.put("ten_1/" + child, path(child, project));
      String secret = key(record("orders:read").scope(project));
      assertThat(decide(input(secret, "orders", "read")).reason()).isEqualTo(Reason.SCOPE_FORBIDDEN);
      assertThat(decide(input(secret, "orders", "read", IP, project)).reason()).isEqualTo(Reason.OK);
      assertThat(decide(input(secret, "orders", "read", IP, child)).reason()).isEqualTo(Reason.OK);
    }

    @Test
    void aScopePathInMemoryNeedsNoBlockingExecutor() {
      String project = "scp_01jzpr0jzct00000000000000p";
      store.scopes.put("ten_1/" + project, path(project));
      store.cachedScopes.add("ten_1/" + project);
      String secret = key(record("orders:read").scope(project));
      store.cache(secret);
      assertThat(decide(input(secret, "orders", "read", IP, project)).reason()).isEqualTo(Reason.OK);
      assertThat(blockingTasks).hasValue(0);
    }
  }

  @Nested
  class Step4Engine {
    @Test
    void expiredAndRevokedKeysAre401AndCountAsFailures() {
      String expired = key(record("orders:read").expiresAt(clock.instant().plusSeconds(60)));
      assertThat(decide(input(expired, "orders", "read")).reason()).isEqualTo(Reason.OK);
      clock.advance(60_000);
      assertThat(decide(input(expired, "orders", "read")).reason()).isEqualTo(Reason.CREDENTIAL_EXPIRED);
      String revoked = key(record("orders:read").revoked(true));
      assertThat(decide(input(revoked, "orders", "read")).reason()).isEqualTo(Reason.CREDENTIAL_REVOKED);
      assertThat(decide(input(revoked, "orders", "read")).reason()).isEqualTo(Reason.CREDENTIAL_REVOKED);
      assertThat(decide(input(revoked, "orders", "read")).reason()).as("the 4th failure").isEqualTo(
          Reason.IP_RATE_LIMITED);
    }

    @Test
    void aPermissionTheKeyLacksIs403WithItsIdentityAndUsesNoKeyAllowance() {
      String secret = key(record("orders:read").limit(2, true));
      for (int i = 0; i < 5; i++) {
        Decision denied = decide(input(secret, "invoices", "read"));
        assertThat(denied.reason()).isEqualTo(Reason.PERMISSION_DENIED);
        assertThat(denied.identity()).isNotNull();
      }
      assertThat(decide(input(secret, "orders", "read")).reason()).isEqualTo(Reason.OK);
      assertThat(used).hasSize(1);
    }

    @Test
    void methodAndPathAreMappedByTheTenantsOwnRoutesElseByTheDeployments() {
      String deployment = key(record("orders:read", "things:read").id("key_d"));
      String own = key(record("orders:read", "things:read").tenant("ten_own").id("key_o")
          .policy(Records.policy().routes("GET /v2/things/** things:read")));
      assertThat(decide(routed(deployment, "/v1/orders/42")).reason()).isEqualTo(Reason.OK);
      assertThat(decide(routed(deployment, "/v2/things/1")).reason()).isEqualTo(Reason.NO_ROUTE);
      assertThat(decide(routed(own, "/v2/things/1")).reason()).isEqualTo(Reason.OK);
      assertThat(decide(routed(own, "/v1/orders/42")).reason()).as("the tenant's table replaces the deployment's")
          .isEqualTo(Reason.NO_ROUTE);
    }

    @Test
    void anAgentManagingTokensIsRefusedForEveryResourceItsTenantNames() {
      String agent = key(record("*").kind(PrincipalKind.PRINCIPAL_KIND_AGENT)
          .policy(Records.policy().tokenResources("api-keys", "tokens", "api-tokens")));
      String defaultAgent = key(record("*").tenant("ten_2").id("key_2").kind(PrincipalKind.PRINCIPAL_KIND_AGENT));
      assertThat(decide(input(agent, "api-tokens", "create")).reason()).isEqualTo(Reason.AGENT_CANNOT_MANAGE_TOKENS);
      assertThat(decide(input(agent, "api-tokens", "read")).reason()).as("reading is no managing").isEqualTo(
          Reason.OK);
      assertThat(decide(input(defaultAgent, "api-tokens", "create")).reason()).isEqualTo(Reason.OK);
      assertThat(decide(input(defaultAgent, "tokens", "create")).reason()).isEqualTo(
          Reason.AGENT_CANNOT_MANAGE_TOKENS);
    }
  }

  @Nested
  class Step5Limits {
    /** One tenant's traffic never uses up another's allowance from the same IP. */
    @Test
    void aTenantsIpLimitCountsThatTenantsRequestsOnly() {
      String a = key(record("orders:read").tenant("ten_a").id("key_a").policy(Records.policy().ipLimit(2, 60)));
      String b = key(record("orders:read").tenant("ten_b").id("key_b").policy(Records.policy().ipLimit(2, 60)));
      assertThat(decide(input(a, "orders", "read")).reason()).isEqualTo(Reason.OK);
      assertThat(decide(input(a, "invoices", "read")).reason()).as("denied, and counted").isEqualTo(
          Reason.PERMISSION_DENIED);
      Decision third = decide(input(a, "orders", "read"));
      assertThat(third.reason()).isEqualTo(Reason.IP_RATE_LIMITED);
      assertThat(third.rateLimit().limit()).isEqualTo(2);
      assertThat(decide(input(b, "orders", "read")).reason()).isEqualTo(Reason.OK);
      assertThat(decide(input(b, "orders", "read")).reason()).isEqualTo(Reason.OK);
    }

    @Test
    void aTenantIpLimitOfZeroIsNone() {
      String secret = key(record("orders:read").policy(Records.policy().ipLimit(0, 60)));
      for (int i = 0; i < 50; i++) {
        assertThat(decide(input(secret, "orders", "read")).reason()).isEqualTo(Reason.OK);
      }
    }

    @Test
    void theKeyLimitDeniesTheRequestBeyondIt() {
      String secret = key(record("orders:read").limit(2, true).policy(Records.policy().ipLimit(0, 60)));
      assertThat(decide(input(secret, "orders", "read", "192.0.2.1")).reason()).isEqualTo(Reason.OK);
      assertThat(decide(input(secret, "orders", "read", "192.0.2.2")).reason()).isEqualTo(Reason.OK);
      Decision third = decide(input(secret, "orders", "read", "192.0.2.3"));
      assertThat(third.reason()).isEqualTo(Reason.KEY_RATE_LIMITED);
      assertThat(third.rateLimit().scope()).isEqualTo(LimitStatus.Scope.KEY);
      clock.advance(61_000);
      assertThat(decide(input(secret, "orders", "read", "192.0.2.4")).reason()).isEqualTo(Reason.OK);
    }

    @Test
    void anInformationalKeyLimitIsReportedAndNeverDenies() {
      String secret = key(record("orders:read").limit(2, false).policy(Records.policy().ipLimit(0, 60)));
      for (int i = 0; i < 4; i++) {
        Decision decision = decide(input(secret, "orders", "read"));
        assertThat(decision.reason()).isEqualTo(Reason.OK);
        assertThat(decision.rateLimit().informational()).isTrue();
      }
    }
  }

  @Nested
  class Step6Usage {
    @Test
    void onlyAllowedRequestsAreTalliedAndEachDecisionIsCountedOnce() {
      String secret = key(record("orders:read"));
      decide(input(secret, "orders", "read"));
      decide(input(secret, "invoices", "read"));
      decide(input("", "orders", "read"));
      assertThat(used).hasSize(1);
      assertThat(authorizer.decisions(Reason.OK)).isEqualTo(1);
      assertThat(authorizer.decisions(Reason.PERMISSION_DENIED)).isEqualTo(1);
      assertThat(authorizer.decisions(Reason.CREDENTIAL_MISSING)).isEqualTo(1);
    }
  }

  @Nested
  class ManagementAuthentication {
    @Test
    void aCachedKeyIsAuthenticatedWithoutALookupAndWithoutLimitsOrUsage() {
      String secret = key(record("orders:read").limit(1, true));
      store.cache(secret);
      for (int i = 0; i < 3; i++) {
        Decision decision = authorizer.authenticate(Map.of("x-api-key", secret), IP).toCompletableFuture().join();
        assertThat(decision.reason()).isEqualTo(Reason.OK);
      }
      assertThat(store.lookups).hasValue(0);
      assertThat(used).isEmpty();
      assertThat(authorizer.decisions(Reason.OK)).as("not counted as decisions").isZero();
    }

    @Test
    void refusalsCountAgainstTheSameGuardAsDecisions() {
      for (int i = 0; i < GUARD; i++) {
        assertThat(authorizer.authenticate(Map.of("x-api-key", FORMAT.generate()), IP).toCompletableFuture().join()
            .reason()).isEqualTo(Reason.CREDENTIAL_UNKNOWN);
      }
      assertThat(decide(input(key(record("orders:read")), "orders", "read")).reason())
          .isEqualTo(Reason.IP_RATE_LIMITED);
    }

    @Test
    void aScopeBoundKeyWhoseScopeIsSwitchedOffIsRefused() {
      String project = "scp_01jzpr0jzct00000000000000p";
      store.scopes.put("ten_1/" + project, new ScopePath(List.of(new ScopePath.Node(project, false)), 0));
      String secret = key(record("*").scope(project));
      assertThat(authorizer.authenticate(Map.of("x-api-key", secret), IP).toCompletableFuture().join().reason())
          .isEqualTo(Reason.SCOPE_API_DISABLED);
    }
  }

  // --- fixtures ---

  private Decision decide(AuthorizeInput in) {
    return authorizer.decide(in).toCompletableFuture().join();
  }

  private String key(Records.Key record) {
    String secret = FORMAT.generate();
    store.records.put(ByteBuffer.wrap(SecretFormat.digest(secret)), record.build());
    return secret;
  }

  private static AuthorizeInput input(String secret, String resource, String action) {
    return input(secret, resource, action, IP);
  }

  private static AuthorizeInput input(String secret, String resource, String action, String ip) {
    return input(secret, resource, action, ip, "");
  }

  private static AuthorizeInput input(String secret, String resource, String action, String ip, String scopeId) {
    return new AuthorizeInput(secret, Transport.API_KEY_HEADER, Map.of(), ip, resource, action, "", "", scopeId);
  }

  private static AuthorizeInput routed(String secret, String path) {
    return new AuthorizeInput(secret, Transport.API_KEY_HEADER, Map.of(), IP, "", "", "GET", path, "");
  }

  /** A scope with its ancestors, nearest first, all switched on. */
  private static ScopePath path(String... ids) {
    List<ScopePath.Node> nodes = new ArrayList<>();
    for (String id : ids) {
      nodes.add(new ScopePath.Node(id, true));
    }
    return new ScopePath(nodes, 0);
  }

  private static Records.Key record(String... permissions) {
    return Records.key().permissions(permissions).limit(0, true).policy(Records.policy().ipLimit(1000, 60));
  }

  /** Records by digest, lookups counted; the peeks answer only for what was marked in memory. */
  private static final class MemoryStore implements CredentialStore {
    final Map<ByteBuffer, CredentialRecord> records = new HashMap<>();
    final Set<ByteBuffer> cached = new HashSet<>();
    final Set<ByteBuffer> unknown = new HashSet<>();
    final Map<String, ScopePath> scopes = new HashMap<>();
    final Set<String> cachedScopes = new HashSet<>();
    final AtomicInteger lookups = new AtomicInteger();

    void cache(String secret) {
      cached.add(ByteBuffer.wrap(SecretFormat.digest(secret)));
    }

    @Override
    public Optional<CredentialRecord> findByDigest(byte[] digest) {
      lookups.incrementAndGet();
      return Optional.ofNullable(records.get(ByteBuffer.wrap(digest)));
    }

    @Override
    public CredentialRecord peek(byte[] digest) {
      ByteBuffer key = ByteBuffer.wrap(digest);
      return cached.contains(key) ? records.get(key) : null;
    }

    @Override
    public boolean knownUnknown(byte[] digest) {
      return unknown.contains(ByteBuffer.wrap(digest));
    }

    @Override
    public ScopePath scopePath(String tenantId, String scopeId) {
      lookups.incrementAndGet();
      return scopes.get(tenantId + "/" + scopeId);
    }

    @Override
    public ScopePath peekScopePath(String tenantId, String scopeId) {
      String key = tenantId + "/" + scopeId;
      return cachedScopes.contains(key) ? scopes.get(key) : NOT_IN_MEMORY;
    }
  }
}
