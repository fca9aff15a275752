package io.keygate.decision;

import io.keygate.authz.AccessRequest;
import io.keygate.authz.CredentialRecord;
import io.keygate.authz.DecisionEngine;
import io.keygate.authz.Reason;
import io.keygate.authz.RouteTable;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * Step 4, no I/O: the {@link DecisionEngine}'s judgement of the found credential at the clock's
 * time, with the permission of a method-and-path request mapped by the key's tenant's routes (its
 * own table, else the deployment's). For a management call, the engine's authentication checks
 * (transport, revoked, expired) and, for a scope-bound key, its scope's API-access switches.
 */
final class EngineStep implements Step {
  private final RouteTable routes;
  private final Clock clock;

  EngineStep(RouteTable routes, Clock clock) {
    this.routes = routes;
    this.clock = clock;
  }

  @Override
  public CompletionStage<Decision> run(Exchange x) {
    CredentialRecord key = x.key;
    x.now = clock.instant();
    if (x.management) {
      x.reason = DecisionEngine.authenticate(key, x.found.transport(), x.now);
      if (x.reason == Reason.OK && key.scopeId() != null && (x.scope == null || !x.scope.apiAccessEnabled())) {
        x.reason = Reason.SCOPE_API_DISABLED;
      }
      return NEXT;
    }
    if (x.routed) {
      RouteTable.Route route = key.policy().routesOr(routes).match(x.in.method(), x.in.path());
      x.permission = route == null || route.isPublic() ? null : route.permission();
      x.write = route != null ? route.write() : !AccessRequest.isReadMethod(x.in.method());
    }
    AccessRequest request = new AccessRequest(x.found.transport(), x.permission, x.write,
        x.in.scopeId().isEmpty() ? null : x.in.scopeId());
    x.reason = DecisionEngine.decide(key, request, x.scope, x.now);
    return NEXT;
  }
}
