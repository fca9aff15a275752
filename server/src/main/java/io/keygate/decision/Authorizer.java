package io.keygate.decision;

import io.keygate.KeygateException;
import io.keygate.authz.AccessRequest;
import io.keygate.authz.Reason;
import io.keygate.authz.RouteTable;
import io.keygate.keys.SecretFormat;
import io.keygate.ratelimit.ClientAddress;
import io.keygate.ratelimit.RateLimiter;
import io.keygate.store.CredentialStore;
import io.keygate.store.UsageSink;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;

/**
 * The decision, as a list of steps run in order, each answering or letting the next one run:
 *
 * <ol>
 *   <li>{@link ShapeStep} — fields, permission, credential shape (no I/O);
 *   <li>{@link FloodGuardStep} — the deployment's failed-authentication guard, before any lookup;
 *   <li>{@link LookupStep} — the credential's record and the scope, from memory or the store;
 *   <li>{@link EngineStep} — the {@link io.keygate.authz.DecisionEngine}'s judgement (no I/O);
 *   <li>{@link LimitStep} — the tenant's per-IP limit and the key's, in one count;
 *   <li>{@link UsageStep} — the tally of an allowed request, and the answer.
 * </ol>
 *
 * <p>It runs on the calling thread (a transport thread may call it) until a step needs I/O; a cache
 * miss moves it to {@code blocking}, a Redis count to the limiter's asynchronous path, and it goes on
 * from whichever thread completes that. Invalid input throws INVALID_ARGUMENT from {@link #decide}
 * itself; an unreachable store completes the stage exceptionally (UNAVAILABLE). Management calls
 * are authenticated by the same steps ({@link #authenticate}).
 */
public final class Authorizer {
  private final Step[] steps;
  private final LongAdder[] decisions = new LongAdder[Reason.values().length];

  /**
   * @param routes the deployment's route table (a tenant's own replaces it for its keys)
   * @param blocking where lookups that may wait for the database run
   */
  public Authorizer(CredentialStore store, SecretFormat format, Clock clock, RouteTable routes, RateLimiter limiter,
      Limits limits, UsageSink usage, Executor blocking) {
    FloodGuardStep guard = new FloodGuardStep(store, limiter, limits);
    this.steps = new Step[] {
        new ShapeStep(format, routes),
        guard,
        new LookupStep(store, blocking, guard),
        new EngineStep(routes, clock),
        new LimitStep(limiter, limits, guard),
        new UsageStep(usage),
    };
    Arrays.setAll(decisions, i -> new LongAdder());
  }

  /** Decides one request; counts the decision by reason ({@link #decisions}). */
  public CompletionStage<Decision> decide(AuthorizeInput in) {
    return run(new Exchange(canonical(in), false), 0);
  }

  /**
   * Authenticates a management call: the same steps without permission, route or rate limits — the
   * credential's shape, the failed-authentication guard, the lookup through the cache, and the
   * engine's authentication checks (and, for a scope-bound key, its scope's API-access switches).
   * Allowed: the identity; refusals as for decisions (401, 403 SCOPE_API_DISABLED, 429, 503).
   */
  public CompletionStage<Decision> authenticate(Map<String, String> headers, String clientIp) {
    AuthorizeInput in = new AuthorizeInput("", AccessRequest.Transport.UNKNOWN, headers,
        clientIp.isEmpty() ? ClientAddress.UNKNOWN : clientIp, "", "", "", "", "");
    return run(new Exchange(in, true), 0);
  }

  /** Decisions taken since start, by reason (index: {@link Reason#ordinal()}). */
  public long decisions(Reason reason) {
    return decisions[reason.ordinal()].sum();
  }

  /** Runs the steps from {@code from} until one answers. */
  private CompletionStage<Decision> run(Exchange x, int from) {
    for (int i = from; i < steps.length; i++) {
      CompletionStage<Decision> result = steps[i].run(x);
      if (result == Step.NEXT) {
        continue;
      }
      CompletableFuture<Decision> now = result.toCompletableFuture();
      if (now.isDone() && !now.isCompletedExceptionally()) {
        Decision decision = now.join();
        if (decision == null) {
          continue;
        }
        return answered(x, decision, now);
      }
      int next = i + 1;
      return result.thenCompose(decision -> decision == null ? run(x, next)
          : answered(x, decision, CompletableFuture.completedFuture(decision)));
    }
    throw new IllegalStateException("the last step always answers");
  }

  /** {@code answer}, which completed with {@code decision}, counted. */
  private CompletionStage<Decision> answered(Exchange x, Decision decision, CompletionStage<Decision> answer) {
    if (!x.management) {
      decisions[decision.reason().ordinal()].increment();
    }
    return answer;
  }

  /**
   * {@code in} with its client IP in canonical form ({@link ClientAddress}), {@code unknown} when none
   * was given; INVALID_ARGUMENT when it is not an IP literal.
   */
  private static AuthorizeInput canonical(AuthorizeInput in) {
    String ip = in.clientIp().isEmpty() ? ClientAddress.UNKNOWN : ClientAddress.canonical(in.clientIp());
    if (ip == null) {
      throw KeygateException.invalid("client_ip",
          "client_ip must be an IPv4 or IPv6 address literal (no port, brackets or zone),"
          + " or empty");
    }
    return ip.equals(in.clientIp()) ? in : new AuthorizeInput(in.credential(), in.transport(), in.headers(), ip,
        in.resource(), in.action(), in.method(), in.path(), in.scopeId());
  }
}
