package io.keygate.cli.declare;

import io.keygate.v1.PrincipalServiceGrpc;
import io.keygate.v1.RoleServiceGrpc;
import io.keygate.v1.ScopeServiceGrpc;
import io.keygate.v1.TenantServiceGrpc;

/**
 * The management stubs reads and changes go through, each call on a fresh stub: every stub carries the
 * operator's credential and its own deadline, so a long run does not share one deadline across its calls.
 */
public interface Stubs {
  TenantServiceGrpc.TenantServiceBlockingStub tenants();

  ScopeServiceGrpc.ScopeServiceBlockingStub scopes();

  RoleServiceGrpc.RoleServiceBlockingStub roles();

  PrincipalServiceGrpc.PrincipalServiceBlockingStub principals();
}
