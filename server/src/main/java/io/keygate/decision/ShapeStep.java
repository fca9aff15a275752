package io.keygate.decision;

import io.keygate.KeygateException;
import io.keygate.authz.AccessRequest;
import io.keygate.authz.Permissions;
import io.keygate.authz.Reason;
import io.keygate.authz.RouteTable;
import io.keygate.keys.Ids;
import io.keygate.keys.SecretFormat;
import io.keygate.ratelimit.ClientAddress;
import java.util.concurrent.CompletionStage;

/**
 * Step 1, no I/O: the request's fields (bad ones throw INVALID_ARGUMENT), the permission asked for
 * (from resource and action; from method and path the key's tenant's routes decide it later, except
 * that a {@code public} route of the deployment's table is allowed here, without a credential), and
 * the credential: in a query string, missing, duplicated, malformed (prefix, length, hex, CRC32) —
 * each refused without a lookup. A missing credential is answered here (401, nothing to count); the
 * other refusals go on to the {@link FloodGuardStep}, which counts them.
 */
final class ShapeStep implements Step {
  private static final int MAX_FIELD = 256;
  private static final CompletionStage<Decision> PUBLIC = Step.answer(new Decision(Reason.OK, null, null));
  private static final CompletionStage<Decision> MISSING = Step.answer(Decision.refuse(Reason.CREDENTIAL_MISSING,
      null));

  private final SecretFormat format;
  private final CredentialExtractor extractor;
  private final RouteTable routes;

  ShapeStep(SecretFormat format, RouteTable routes) {
    this.format = format;
    this.extractor = new CredentialExtractor(format.prefix());
    this.routes = routes;
  }

  @Override
  public CompletionStage<Decision> run(Exchange x) {
    AuthorizeInput in = x.in;
    validate(in);
    x.client = ClientAddress.client(in.clientIp());
    if (!x.management) {
      if (in.resource().isEmpty() && in.action().isEmpty()) {
        if (in.method().isEmpty() || in.path().isEmpty()) {
          throw KeygateException.invalid("resource", "resource and action are required (or method and path)");
        }
        RouteTable.Route route = routes.match(in.method(), in.path());
        if (route != null && route.isPublic()) {
          return PUBLIC;
        }
        x.routed = true;
      } else {
        x.permission = permission(in);
        x.write = !AccessRequest.isReadAction(in.action());
      }
    }
    if (!in.path().isEmpty() && extractor.credentialInQuery(in.path())) {
      x.refusal = Reason.CREDENTIAL_IN_QUERY;
      return NEXT;
    }
    x.found = in.credential().isEmpty() ? extractor.fromHeaders(in.headers())
        : new CredentialExtractor.Found(in.credential(), in.transport(), null);
    x.refusal = x.found.refusal() != null ? x.found.refusal() : switch (format.check(x.found.credential())) {
      case MISSING -> Reason.CREDENTIAL_MISSING;
      case MALFORMED -> Reason.CREDENTIAL_MALFORMED;
      default -> null;
    };
    if (x.refusal == Reason.CREDENTIAL_MISSING) {
      return MISSING;
    }
    if (x.refusal == null) {
      x.digest = SecretFormat.digest(x.found.credential());
    }
    return NEXT;
  }

  /** The permission asked for with resource and action. */
  private static String permission(AuthorizeInput in) {
    if (in.resource().isEmpty() || in.action().isEmpty()) {
      throw KeygateException.invalid("resource", "resource and action go together: set both");
    }
    String permission = in.resource() + ":" + in.action();
    String problem = Permissions.problem(permission);
    if (problem != null || permission.contains("*")) {
      throw KeygateException.invalid("resource", "resource:action '" + abbreviate(permission)
          + "' is not a permission: use [a-z0-9_.-] segments, e.g. resource 'conversations', action 'read'");
    }
    return permission;
  }

  private static void validate(AuthorizeInput in) {
    if (in.method().length() > 16 || in.path().length() > 8192 || in.scopeId().length() > MAX_FIELD) {
      String field = in.method().length() > 16 ? "method" : in.path().length() > 8192 ? "path" : "scope_id";
      throw KeygateException.invalid(field, "method (16), path (8192) or scope_id (256) is too long");
    }
    if (!in.scopeId().isEmpty() && !Ids.looksLike("scp", in.scopeId())) {
      throw KeygateException.invalid("scope_id", "scope_id must be an id starting with 'scp_'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "…";
  }
}
