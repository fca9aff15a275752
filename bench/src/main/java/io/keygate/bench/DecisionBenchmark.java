package io.keygate.bench;

import com.github.benmanes.caffeine.cache.Ticker;
import io.keygate.authz.AccessRequest.Transport;
import io.keygate.authz.CredentialRecord;
import io.keygate.decision.Decision;
import io.keygate.authz.ScopePath;
import io.keygate.authz.TenantPolicy;
import io.keygate.cache.CachingCredentialStore;
import io.keygate.decision.AuthorizeInput;
import io.keygate.decision.Authorizer;
import io.keygate.decision.Limits;
import io.keygate.authz.RouteTable;
import io.keygate.store.UsageSink;
import io.keygate.keys.SecretFormat;
import io.keygate.ratelimit.LocalCounters;
import io.keygate.ratelimit.WindowedRateLimiter;
import io.keygate.store.CredentialStore;
import io.keygate.v1.PrincipalKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The decision in process, without the network: the whole {@link Authorizer} path for a cached key
 * — shape check, SHA-256 of the secret, cache hit, role and permission check, both rate-limit
 * counters (in-process), the decision and its counters. The store behind the cache is in memory
 * and is never reached after the first call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecisionBenchmark {
  private Authorizer authorizer;
  private AuthorizeInput input;

  @Setup
  public void setUp() {
    SecretFormat format = new SecretFormat(SecretFormat.DEFAULT_PREFIX);
    String secret = format.generate();
    byte[] digest = SecretFormat.digest(secret);
    CredentialRecord record = new CredentialRecord("ten_bench", "key_bench", "tok_bench", "prn_bench",
        PrincipalKind.PRINCIPAL_KIND_USER, null, null, null, "rol_bench", "reader",
        List.of("orders:read", "orders:write", "api-keys:read", "invoices:*"), false, null, false,
        1_000_000_000L, true, new TenantPolicy("ten_bench", false, true, true, true, 1_000_000_000L, 900, true, true,
            true, TenantPolicy.DEFAULT_TOKEN_RESOURCES, null), 0);
    CredentialStore memory = new CredentialStore() {
      @Override
      public Optional<CredentialRecord> findByDigest(byte[] candidate) {
        return Arrays.equals(candidate, digest) ? Optional.of(record) : Optional.empty();
      }

      @Override
      public ScopePath scopePath(String tenantId, String scopeId) {
        return null;
      }
    };
    Clock clock = Clock.systemUTC();
    CachingCredentialStore cache = new CachingCredentialStore(memory, Duration.ofSeconds(30), Duration.ofSeconds(10),
        100_000, Ticker.systemTicker());
    WindowedRateLimiter limiter = new WindowedRateLimiter(new LocalCounters(clock, 100_000),
        new LocalCounters(clock, 100_000), true, Runnable::run);
    authorizer = new Authorizer(cache, format, clock, RouteTable.EMPTY, limiter, new Limits(100, 900_000, 10),
        UsageSink.NONE, Runnable::run);
    input = new AuthorizeInput(secret, Transport.API_KEY_HEADER, Map.of(), "198.51.100.7", "api-keys", "read",
        "", "", "");
    Decision first = authorizer.decide(input).toCompletableFuture().join();
    if (!first.allowed()) {
      throw new IllegalStateException("the benchmark's key is not allowed: " + first.reason());
    }
  }

  @Benchmark
  public Decision authorizeCachedKey() {
    return authorizer.decide(input).toCompletableFuture().join();
  }
}
