package io.keygate.fleet;

import com.google.protobuf.Timestamp;
import io.keygate.authz.CredentialRecord;
import io.keygate.authz.RouteTable;
import io.keygate.authz.ScopePath;
import io.keygate.authz.TenantPolicy;
import io.keygate.fleet.v1.LookupScopePathResponse;
import io.keygate.fleet.v1.ScopeNode;
import io.keygate.store.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The fleet API's messages to and from the domain's records: one mapping each way, nothing else. */
final class FleetRecords {
  private FleetRecords() {}

  static io.keygate.fleet.v1.CredentialRecord toProto(CredentialRecord r) {
    io.keygate.fleet.v1.CredentialRecord.Builder out = io.keygate.fleet.v1.CredentialRecord.newBuilder()
        .setTenantId(r.tenantId())
        .setApiKeyId(r.apiKeyId())
        .setTokenId(r.tokenId())
        .setPrincipalId(r.principalId())
        .setPrincipalKind(r.principalKind())
        .setParentPrincipalId(empty(r.parentPrincipalId()))
        .setPrincipalScopeId(empty(r.principalScopeId()))
        .setScopeId(empty(r.scopeId()))
        .setRoleId(empty(r.roleId()))
        .setRoleName(empty(r.roleName()))
        .addAllPermissions(r.permissions())
        .setReadOnly(r.readOnly())
        .setRevoked(r.revoked())
        .setKeyLimitPerMinute(r.keyLimitPerMinute())
        .setKeyLimitEnforced(r.keyLimitEnforced())
        .setPolicy(toProto(r.policy()))
        .setVersion(r.version());
    if (r.expiresAt() != null) {
      out.setExpireTime(Timestamp.newBuilder().setSeconds(r.expiresAt().getEpochSecond())
          .setNanos(r.expiresAt().getNano()));
    }
    return out.build();
  }

  static CredentialRecord fromProto(io.keygate.fleet.v1.CredentialRecord p) {
    Instant expiresAt = p.hasExpireTime()
        ? Instant.ofEpochSecond(p.getExpireTime().getSeconds(), p.getExpireTime().getNanos()) : null;
    return new CredentialRecord(p.getTenantId(), p.getApiKeyId(), p.getTokenId(), p.getPrincipalId(),
        p.getPrincipalKind(), orNull(p.getParentPrincipalId()), orNull(p.getPrincipalScopeId()),
        orNull(p.getScopeId()), orNull(p.getRoleId()), orNull(p.getRoleName()), p.getPermissionsList(),
        p.getReadOnly(), expiresAt, p.getRevoked(), p.getKeyLimitPerMinute(), p.getKeyLimitEnforced(),
        fromProto(p.getPolicy()), p.getVersion());
  }

  static io.keygate.fleet.v1.TenantPolicy toProto(TenantPolicy p) {
    return io.keygate.fleet.v1.TenantPolicy.newBuilder()
        .setTenantId(p.tenantId())
        .setSystem(p.system())
        .setApiAccessEnabled(p.apiAccessEnabled())
        .setAcceptsApiKeyHeader(p.acceptsApiKeyHeader())
        .setAcceptsBearer(p.acceptsBearer())
        .setIpLimitRequests(p.ipLimitRequests())
        .setIpLimitWindowSeconds(p.ipLimitWindowSeconds())
        .setFailureGuardBlocksValidKeys(p.failureGuardBlocksValidKeys())
        .setServiceAccountsIssueTokens(p.serviceAccountsIssueTokens())
        .setTokensForAnyone(p.tokensForAnyone())
        .addAllTokenResources(p.tokenResources())
        .setRoutes(p.routes() == null ? "" : p.routes().text())
        .setExactRateLimits(p.exactRateLimits())
        .build();
  }

  static TenantPolicy fromProto(io.keygate.fleet.v1.TenantPolicy p) {
    return new TenantPolicy(p.getTenantId(), p.getSystem(), p.getApiAccessEnabled(), p.getAcceptsApiKeyHeader(),
        p.getAcceptsBearer(), p.getIpLimitRequests(), p.getIpLimitWindowSeconds(), p.getFailureGuardBlocksValidKeys(),
        p.getServiceAccountsIssueTokens(), p.getTokensForAnyone(), java.util.Set.copyOf(p.getTokenResourcesList()),
        p.getRoutes().isEmpty() ? null : RouteTable.parseTenant(p.getRoutes()), p.getExactRateLimits());
  }

  static LookupScopePathResponse toProto(ScopePath path) {
    if (path == null) {
      return LookupScopePathResponse.newBuilder().setFound(false).build();
    }
    LookupScopePathResponse.Builder out = LookupScopePathResponse.newBuilder().setFound(true)
        .setVersion(path.version());
    for (ScopePath.Node node : path.nodes()) {
      out.addNodes(ScopeNode.newBuilder().setId(node.id()).setApiAccessEnabled(node.apiAccessEnabled()));
    }
    return out.build();
  }

  /** The path, or null when the tenant has no such scope. */
  static ScopePath fromProto(LookupScopePathResponse p) {
    if (!p.getFound()) {
      return null;
    }
    List<ScopePath.Node> nodes = new ArrayList<>(p.getNodesCount());
    for (ScopeNode node : p.getNodesList()) {
      nodes.add(new ScopePath.Node(node.getId(), node.getApiAccessEnabled()));
    }
    return new ScopePath(nodes, p.getVersion());
  }

  static io.keygate.fleet.v1.Change toProto(Change c) {
    return io.keygate.fleet.v1.Change.newBuilder().setSequence(c.seq()).setTenantId(c.tenantId())
        .setApiKeyId(empty(c.apiKeyId())).build();
  }

  static Change fromProto(io.keygate.fleet.v1.Change c) {
    return c.getApiKeyId().isEmpty() ? Change.tenant(c.getSequence(), c.getTenantId())
        : Change.key(c.getSequence(), c.getTenantId(), c.getApiKeyId());
  }

  private static String empty(String s) {
    return s == null ? "" : s;
  }

  private static String orNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
