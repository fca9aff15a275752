package io.keygate.cli.declare;

import io.keygate.cli.declare.Declaration.TenantSelector;
import io.keygate.v1.GetTenantRequest;
import io.keygate.v1.ListPrincipalsRequest;
import io.keygate.v1.ListPrincipalsResponse;
import io.keygate.v1.ListRolesRequest;
import io.keygate.v1.ListRolesResponse;
import io.keygate.v1.ListScopesRequest;
import io.keygate.v1.ListScopesResponse;
import io.keygate.v1.ListTenantsRequest;
import io.keygate.v1.ListTenantsResponse;
import io.keygate.v1.Principal;
import io.keygate.v1.Role;
import io.keygate.v1.Scope;
import io.keygate.v1.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads what Keygate holds for the tenant a file names, with read-only management calls (GetTenant, and the
 * List RPCs of the kinds of object the file manages, every page). It never creates a tenant: creating one
 * returns its admin secret, which a declarative run must not handle.
 */
public final class StateReader {
  private static final int PAGE = 1000;

  private final Stubs stubs;

  public StateReader(Stubs stubs) {
    this.stubs = stubs;
  }

  public Actual read(Declaration declaration) {
    Tenant own = stubs.tenants().getTenant(GetTenantRequest.getDefaultInstance()).getTenant();
    Tenant tenant = tenant(declaration.tenant(), own);
    boolean callersOwn = tenant.getId().equals(own.getId());
    boolean principals = callersOwn && declaration.managesPrincipals();
    List<Scope> scopes = callersOwn && (declaration.scopes().isPresent() || principals) ? scopes() : List.of();
    List<Role> roles = callersOwn && (declaration.roles().isPresent() || principals) ? roles() : List.of();
    return new Actual(tenant, callersOwn, scopes, roles, principals ? principals() : List.of());
  }

  private Tenant tenant(TenantSelector selector, Tenant own) {
    switch (selector.kind()) {
      case CURRENT:
        return own;
      case ID:
        return selector.value().equals(own.getId()) ? own
            : stubs.tenants().getTenant(GetTenantRequest.newBuilder().setTenantId(selector.value()).build())
                .getTenant();
      default:
        if (own.getName().equals(selector.value())) {
          return own;
        }
        List<Tenant> named = all(token -> {
          ListTenantsResponse r = stubs.tenants().listTenants(ListTenantsRequest.newBuilder().setPageSize(PAGE)
              .setPageToken(token).build());
          return new Page<>(r.getTenantsList(), r.getNextPageToken());
        }).stream().filter(t -> t.getName().equals(selector.value())).toList();
        if (named.isEmpty()) {
          throw new DeclarationException(selector.line(), "tenant: there is no tenant named '" + selector.value()
              + "'. apply never creates tenants (creating one returns its admin key's secret, which a file must"
              + " not handle): create it with `keygate tenants create --name " + selector.value() + "` first");
        }
        if (named.size() > 1) {
          throw new DeclarationException(selector.line(), "tenant: " + named.size() + " tenants are named '"
              + selector.value() + "': " + named.stream().map(Tenant::getId).collect(Collectors.joining(" and "))
              + "; name the one to configure by its id");
        }
        return named.get(0);
    }
  }

  private List<Scope> scopes() {
    return all(token -> {
      ListScopesResponse r = stubs.scopes().listScopes(ListScopesRequest.newBuilder().setPageSize(PAGE)
          .setPageToken(token).build());
      return new Page<>(r.getScopesList(), r.getNextPageToken());
    });
  }

  private List<Role> roles() {
    return all(token -> {
      ListRolesResponse r = stubs.roles().listRoles(ListRolesRequest.newBuilder().setPageSize(PAGE)
          .setPageToken(token).build());
      return new Page<>(r.getRolesList(), r.getNextPageToken());
    });
  }

  private List<Principal> principals() {
    return all(token -> {
      ListPrincipalsResponse r = stubs.principals().listPrincipals(ListPrincipalsRequest.newBuilder()
          .setPageSize(PAGE).setPageToken(token).build());
      return new Page<>(r.getPrincipalsList(), r.getNextPageToken());
    });
  }

  private record Page<T>(List<T> items, String next) {}

  private static <T> List<T> all(Function<String, Page<T>> fetch) {
    List<T> items = new ArrayList<>();
    String token = "";
    do {
      Page<T> page = fetch.apply(token);
      items.addAll(page.items());
      token = page.next();
    } while (!token.isEmpty());
    return items;
  }
}
