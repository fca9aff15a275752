package io.keygate.it;

import io.grpc.Metadata;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenAccess;
import io.keygate.v1.TokenSpec;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh tenant on a test server, and the few calls its tests make over and over — as its first
 * admin — to set up roles, principals, scopes and keys.
 */
final class TenantFixture {
  private static final AtomicInteger NAMES = new AtomicInteger();

  final TestKeygate keygate;
  final CreateTenantResponse created;
  /** The first admin's secret ({@code *}). */
  final String admin;

  private TenantFixture(TestKeygate keygate, CreateTenantResponse created) {
    this.keygate = keygate;
    this.created = created;
    this.admin = created.getAdminSecret();
  }

  static TenantFixture create(TestKeygate keygate, TenantSettings settings) {
    return new TenantFixture(keygate, keygate.newTenant("fixture-" + NAMES.incrementAndGet(), settings));
  }

  static TenantFixture create(TestKeygate keygate) {
    return create(keygate, TenantSettings.getDefaultInstance());
  }

  String id() {
    return created.getTenant().getId();
  }

  String adminPrincipal() {
    return created.getAdminPrincipal().getId();
  }

  String adminRole() {
    return created.getAdminPrincipal().getRoleId();
  }

  String adminKey() {
    return created.getAdminApiKeyId();
  }

  String role(String... permissions) {
    return keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("role-" + NAMES.incrementAndGet())
        .addAllPermissions(java.util.List.of(permissions)).build()).getRole().getId();
  }

  String principal(PrincipalKind kind, String roleId, String scopeId) {
    return keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder().setKind(kind)
        .setDisplayName("principal-" + NAMES.incrementAndGet()).setRoleId(roleId).setScopeId(scopeId).build())
        .getPrincipal().getId();
  }

  String user(String roleId) {
    return principal(PrincipalKind.PRINCIPAL_KIND_USER, roleId, "");
  }

  String agent(String parentUserId, String roleId) {
    return keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKind(PrincipalKind.PRINCIPAL_KIND_AGENT).setDisplayName("agent-" + NAMES.incrementAndGet())
        .setParentPrincipalId(parentUserId).setRoleId(roleId).build()).getPrincipal().getId();
  }

  String scope(String parentId) {
    return keygate.scopes(admin).createScope(CreateScopeRequest.newBuilder().setName("scope-" + NAMES.incrementAndGet())
        .setParentId(parentId).build()).getScope().getId();
  }

  /** A key of {@code ownerId} with {@code roleId} (empty: none), bound to {@code scopeId}, and a read-write token. */
  CreateApiKeyResponse key(String ownerId, String roleId, String scopeId) {
    CreateApiKeyResponse created = keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder()
        .setName("key-" + NAMES.incrementAndGet()).setOwnerPrincipalId(ownerId).setRoleId(roleId).setScopeId(scopeId)
        .setInitialToken(TokenSpec.newBuilder().setAccess(TokenAccess.TOKEN_ACCESS_READ_WRITE)).build());
    if (keygate.credentials(admin).containsKey(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER))) {
      keygate.sendAsBearer(created.getSecret()); // the tenant accepts only Bearer
    }
    return created;
  }

  /** A secret of a new user holding a new role with {@code permissions}. */
  String holder(String... permissions) {
    String role = role(permissions);
    return key(user(role), role, "").getSecret();
  }

  /** Authorize {@code resource:action} with {@code secret}. */
  AuthorizeResponse authorize(String secret, String resource, String action) {
    return keygate.authorizer().authorize(AuthorizeRequest.newBuilder().setCredential(secret).setResource(resource)
        .setAction(action).setClientIp("192.0.2.200").build());
  }

  boolean works(String secret) {
    return authorize(secret, "api-keys", "read").getHttpStatus() != 401;
  }
}
