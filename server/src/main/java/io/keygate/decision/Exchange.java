package io.keygate.decision;

import io.keygate.authz.CredentialRecord;
import io.keygate.authz.Reason;
import io.keygate.authz.ScopePath;
import io.keygate.ratelimit.LimitStatus;
import java.time.Instant;

/**
 * One request on its way through the {@link Authorizer}'s steps: the input, and what each step has
 * found out so far. Each field is written by one step (named on it) and read by those after it.
 */
final class Exchange {
  /** The request, its client IP canonical. */
  final AuthorizeInput in;
  /** Authentication of a management call: the credential checks only, no permission or limits. */
  final boolean management;

  /** {@link ShapeStep}: the client the limits count ({@link io.keygate.ratelimit.ClientAddress#client}). */
  String client;
  /** {@link ShapeStep} (resource and action) or {@link EngineStep} (route): the permission asked for. */
  String permission;
  /** Set with {@link #permission}: whether the request writes. */
  boolean write;
  /** {@link ShapeStep}: only method and path were given; the key's tenant's routes map them. */
  boolean routed;
  /** {@link ShapeStep}: the credential as found. */
  CredentialExtractor.Found found;
  /** {@link ShapeStep}: why the credential is refused without a lookup; null when it has the right shape. */
  Reason refusal;
  /** {@link ShapeStep}: the SHA-256 of a credential of the right shape. */
  byte[] digest;

  /** {@link FloodGuardStep}: the client is over the failed-authentication guard (its status). */
  LimitStatus flagged;
  /** {@link FloodGuardStep}: the guard was checked before the lookup (so {@link LimitStep} need not). */
  boolean guardChecked;
  /** {@link FloodGuardStep} (from memory) or {@link LookupStep}: the credential's record. */
  CredentialRecord key;
  /** {@link LookupStep}: the scope the request touches, {@code null} when the tenant has no such scope. */
  ScopePath scope;

  /** {@link EngineStep}: the time of the decision. */
  Instant now;
  /** {@link EngineStep}: the engine's answer, before the limits. */
  Reason reason;
  /** {@link LimitStep}: the binding rate limit, reported with the answer. */
  LimitStatus binding;

  Exchange(AuthorizeInput in, boolean management) {
    this.in = in;
    this.management = management;
  }
}
