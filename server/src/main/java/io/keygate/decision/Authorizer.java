package io.keygate.decision;

import io.keygate.KeygateException;
import io.keygate.authz.AccessRequest;
import io.keygate.authz.CredentialRecord;
import io.keygate.authz.Decision;
import io.keygate.authz.DecisionEngine;
import io.keygate.authz.Permissions;
import io.keygate.authz.Reason;
import io.keygate.authz.ScopePath;
import io.keygate.keys.Ids;
import io.keygate.keys.SecretFormat;
import io.keygate.ratelimit.ClientAddress;
import io.keygate.ratelimit.LimitStatus;
import io.keygate.ratelimit.RateLimiter;
import io.keygate.store.CredentialStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Runs one decision: validate the input, find the credential (header rules, query refusal, shape
 * and checksum before any lookup), look it up by digest, resolve the scope path, and let the
 * {@link DecisionEngine} judge. Denials are returned; only bad input (INVALID_ARGUMENT) and
 * unreachable backends (UNAVAILABLE) throw.
 */
public final class Authorizer {
  private static final int MAX_FIELD = 256;

  private final CredentialStore store;
  private final SecretFormat format;
  private final CredentialExtractor extractor;
  private final Clock clock;
  private final RouteTable routes;
  private final RateLimiter limiter;
  private final UsageSink usage;
  private final LongAdder[] decisions = new LongAdder[Reason.values().length];

  public Authorizer(CredentialStore store, SecretFormat format, Clock clock) {
    this(store, format, clock, RouteTable.EMPTY, RateLimiter.NONE, UsageSink.NONE);
  }

  public Authorizer(CredentialStore store, SecretFormat format, Clock clock, RouteTable routes, RateLimiter limiter,
      UsageSink usage) {
    this.store = store;
    this.format = format;
    this.extractor = new CredentialExtractor(format.prefix());
    this.clock = clock;
    this.routes = routes;
    this.limiter = limiter;
    this.usage = usage;
    Arrays.setAll(decisions, i -> new LongAdder());
  }

  /** Decides, counts the decision by reason ({@link #decisions}) and failed authentications per IP. */
  public Decision authorize(AuthorizeInput in) {
    AuthorizeInput canonical = canonical(in);
    return authorize(canonical, prepare(canonical));
  }

  private Decision authorize(AuthorizeInput in, Prepared prepared) {
    Decision decision = decide(in, prepared);
    decisions[decision.reason().ordinal()].increment();
    if (decision.httpStatus() == 401 && decision.reason() != Reason.CREDENTIAL_MISSING) {
      // A credential was sent and refused: count it against the IP's failed-authentication guard.
      limiter.countFailure(in.clientIp());
    }
    return decision;
  }

  /** Decisions taken since start, by reason (index: {@link Reason#ordinal()}). */
  public long decisions(Reason reason) {
    return decisions[reason.ordinal()].sum();
  }

  /**
   * A decision begun on a thread that must not block (a transport thread). Either {@code now} is
   * set — a key already in memory: shape check, digest, cache hit, role and permission checks done
   * here, both rate limits counted through the limiter's non-blocking path (in process, or one
   * asynchronous Redis round trip) — or {@code blocking} is, to run on a thread that may block: a
   * cache miss, a refusal before or at authentication (those count against the IP and its failure
   * guard first), a scope to resolve, a public route, or a limiter that can only count by blocking.
   * The work done here (validation, digest, cache look) is not done again by {@code blocking}.
   */
  public record Attempt(CompletionStage<Decision> now, Supplier<Decision> blocking) {}

  /** Begins {@link #authorize} without blocking; throws what it throws for invalid input. */
  public Attempt attempt(AuthorizeInput request) {
    AuthorizeInput in = canonical(request);
    Prepared p = prepare(in);
    Supplier<Decision> full = () -> authorize(in, p);
    if (p.publicRoute() || p.early() != null || p.cached().isEmpty()) {
      return new Attempt(null, full);
    }
    CredentialRecord key = p.cached().get();
    if (!in.scopeId().isEmpty() || key.scopeId() != null) {
      return new Attempt(null, full);
    }
    Instant now = clock.instant();
    Reason reason = DecisionEngine.decide(key, p.request(in), ScopePath.TENANT_WIDE, now);
    if (reason.httpStatus() == 401) {
      return new Attempt(null, full);
    }
    CompletionStage<RateLimiter.Outcome> counted = limiter.countKeyAsync(key, in.clientIp(), false,
        reason == Reason.OK);
    if (counted == null) {
      return new Attempt(null, full);
    }
    return new Attempt(counted.thenApply(limits -> {
      Decision decision = afterLimits(key, reason, null, limits, now);
      decisions[decision.reason().ordinal()].increment();
      return decision;
    }), null);
  }

  /** What is known about a request before any I/O. */
  private record Prepared(String permission, boolean write, boolean publicRoute, CredentialExtractor.Found found,
      Reason early, byte[] digest, Optional<CredentialRecord> cached) {
    AccessRequest request(AuthorizeInput in) {
      return new AccessRequest(found.transport(), permission, write, in.scopeId().isEmpty() ? null : in.scopeId());
    }
  }

  /** Validation, route, permission, credential shape and digest, and a look in the cache: no I/O. */
  private Prepared prepare(AuthorizeInput in) {
    validate(in);
    RouteTable.Route route = null;
    if (in.resource().isEmpty() && in.action().isEmpty() && !in.method().isEmpty() && !in.path().isEmpty()) {
      route = routes.match(in.method(), in.path());
    }
    String permission = route != null ? route.permission() : permission(in);
    boolean write = route != null && !route.isPublic()
        ? !AccessRequest.isReadAction(route.permission().substring(route.permission().indexOf(':') + 1))
        : write(in);
    if (route != null && route.isPublic()) {
      return new Prepared(permission, write, true, null, null, null, Optional.empty());
    }
    // Find and check the credential: no I/O so far.
    Reason early = null;
    CredentialExtractor.Found found = null;
    if (!in.path().isEmpty() && extractor.credentialInQuery(in.path())) {
      early = Reason.CREDENTIAL_IN_QUERY;
    } else {
      found = in.credential().isEmpty()
          ? extractor.fromHeaders(in.headers())
          : new CredentialExtractor.Found(in.credential(), in.transport(), null);
      early = found.refusal() != null ? found.refusal() : switch (format.check(found.credential())) {
        case MISSING -> Reason.CREDENTIAL_MISSING;
        case MALFORMED -> Reason.CREDENTIAL_MALFORMED;
        default -> null;
      };
    }
    byte[] digest = early == null ? SecretFormat.digest(found.credential()) : null;
    Optional<CredentialRecord> record = digest == null ? Optional.empty() : store.peek(digest);
    return new Prepared(permission, write, false, found, early, digest, record);
  }

  private Decision decide(AuthorizeInput in, Prepared p) {
    if (p.publicRoute()) {
      RateLimiter.Outcome ip = limiter.countIp(in.clientIp());
      Decision limited = limited(ip, null);
      return limited != null ? limited : new Decision(Reason.OK, null, ip.binding());
    }
    Optional<CredentialRecord> record = p.cached();
    // Every request counts against its IP, before any lookup: a flood of bad keys stays cheap. A
    // key already in memory has both its limits counted in one round trip further down instead.
    boolean ipCounted = record.isEmpty();
    LimitStatus ipStatus = null;
    if (ipCounted) {
      RateLimiter.Outcome ip = limiter.countIp(in.clientIp());
      Decision limited = limited(ip, null);
      if (limited != null) {
        return limited;
      }
      ipStatus = ip.binding();
    }
    if (p.early() != null) {
      return Decision.refuse(p.early(), ipStatus);
    }
    if (record.isEmpty()) {
      record = store.findByDigest(p.digest());
    }
    if (record.isEmpty()) {
      return Decision.refuse(Reason.CREDENTIAL_UNKNOWN, ipStatus);
    }
    CredentialRecord key = record.get();
    String scopeId = !in.scopeId().isEmpty() ? in.scopeId() : key.scopeId();
    ScopePath path = scopeId == null ? ScopePath.TENANT_WIDE : store.scopePath(key.tenantId(), scopeId);
    Instant now = clock.instant();
    Reason reason = DecisionEngine.decide(key, p.request(in), path, now);
    if (reason.httpStatus() == 401) {
      if (!ipCounted) {
        RateLimiter.Outcome ip = limiter.countIp(in.clientIp());
        Decision limited = limited(ip, null);
        if (limited != null) {
          return limited;
        }
        ipStatus = ip.binding();
      }
      return Decision.refuse(reason, ipStatus);
    }
    RateLimiter.Outcome limits = limiter.countKey(key, in.clientIp(), ipCounted, reason == Reason.OK);
    return afterLimits(key, reason, ipStatus, limits, now);
  }

  /** The decision once the key's limits are counted: denied by a limit, or {@code reason}. */
  private Decision afterLimits(CredentialRecord key, Reason reason, LimitStatus ipStatus, RateLimiter.Outcome limits,
      Instant now) {
    LimitStatus binding = LimitStatus.tighter(ipStatus, limits.binding());
    if (reason != Reason.OK) {
      return new Decision(reason, key, binding);
    }
    Decision limited = limited(limits, key);
    if (limited != null) {
      return limited;
    }
    usage.used(key, now);
    return new Decision(Reason.OK, key, binding);
  }

  /** The denial an outcome of the limiter implies, or null when it lets the request through. */
  private static Decision limited(RateLimiter.Outcome outcome, CredentialRecord key) {
    if (outcome.unavailable()) {
      return new Decision(Reason.RATE_LIMITER_UNAVAILABLE, key, null);
    }
    if (outcome.denies()) {
      return new Decision(outcome.binding().scope() == LimitStatus.Scope.IP ? Reason.IP_RATE_LIMITED
          : Reason.KEY_RATE_LIMITED, key, outcome.binding());
    }
    return null;
  }

  /** The route table requests are mapped with. */
  public RouteTable routes() {
    return routes;
  }

  /** The permission asked for, or null when only method and path were given and no route matched. */
  private static String permission(AuthorizeInput in) {
    if (in.resource().isEmpty() && in.action().isEmpty()) {
      if (in.method().isEmpty() || in.path().isEmpty()) {
        throw KeygateException.invalid("resource and action are required (or method and path)");
      }
      return null;
    }
    if (in.resource().isEmpty() || in.action().isEmpty()) {
      throw KeygateException.invalid("resource and action go together: set both");
    }
    String permission = in.resource() + ":" + in.action();
    String problem = Permissions.problem(permission);
    if (problem != null || permission.contains("*")) {
      throw KeygateException.invalid("resource:action '" + abbreviate(permission)
          + "' is not a permission: use [a-z0-9_.-] segments, e.g. resource 'conversations', action 'read'");
    }
    return permission;
  }

  private static boolean write(AuthorizeInput in) {
    if (!in.action().isEmpty()) {
      return !AccessRequest.isReadAction(in.action());
    }
    return !AccessRequest.isReadMethod(in.method());
  }

  /**
   * {@code in} with its client IP in canonical form ({@link ClientAddress}), {@code unknown} when none
   * was given; INVALID_ARGUMENT when it is not an IP literal.
   */
  private static AuthorizeInput canonical(AuthorizeInput in) {
    String ip = in.clientIp().isEmpty() ? ClientAddress.UNKNOWN : ClientAddress.canonical(in.clientIp());
    if (ip == null) {
      throw KeygateException.invalid("client_ip must be an IPv4 or IPv6 address literal (no port, brackets or zone),"
          + " or empty");
    }
    return ip.equals(in.clientIp()) ? in : new AuthorizeInput(in.credential(), in.transport(), in.headers(), ip,
        in.resource(), in.action(), in.method(), in.path(), in.scopeId());
  }

  private static void validate(AuthorizeInput in) {
    if (in.method().length() > 16 || in.path().length() > 8192 || in.scopeId().length() > MAX_FIELD) {
      throw KeygateException.invalid("method (16), path (8192) or scope_id (256) is too long");
    }
    if (!in.scopeId().isEmpty() && !Ids.looksLike("scp", in.scopeId())) {
      throw KeygateException.invalid("scope_id must be an id starting with 'scp_'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "…";
  }
}
