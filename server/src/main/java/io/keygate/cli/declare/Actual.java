package io.keygate.cli.declare;

import io.keygate.v1.Principal;
import io.keygate.v1.Role;
import io.keygate.v1.Scope;
import io.keygate.v1.Tenant;
import java.util.List;

/**
 * What Keygate holds for the tenant a file names, as read before planning. The lists are read only when the
 * file manages that kind of object (and only in the caller's own tenant: the management API lists nothing of
 * another); otherwise they are empty.
 *
 * @param tenant the tenant, with every setting
 * @param callersOwn whether it is the tenant of the key the calls are made with
 */
public record Actual(Tenant tenant, boolean callersOwn, List<Scope> scopes, List<Role> roles,
    List<Principal> principals) {
  public Actual {
    scopes = List.copyOf(scopes);
    roles = List.copyOf(roles);
    principals = List.copyOf(principals);
  }
}
