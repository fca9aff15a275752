package io.keygate.transport.grpc;

import io.grpc.stub.StreamObserver;
import io.keygate.manage.TenantManager;
import io.keygate.v1.CreateTenantRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.GetTenantRequest;
import io.keygate.v1.GetTenantResponse;
import io.keygate.v1.ListTenantsRequest;
import io.keygate.v1.ListTenantsResponse;
import io.keygate.v1.TenantServiceGrpc;
import io.keygate.v1.UpdateTenantRequest;
import io.keygate.v1.UpdateTenantResponse;

/** {@code keygate.v1.TenantService}. */
public final class TenantGrpcService extends TenantServiceGrpc.TenantServiceImplBase {
  private final TenantManager tenants;

  public TenantGrpcService(TenantManager tenants) {
    this.tenants = tenants;
  }

  @Override
  public void createTenant(CreateTenantRequest request, StreamObserver<CreateTenantResponse> observer) {
    Rpc.managed(observer, caller -> tenants.create(caller, request));
  }

  @Override
  public void getTenant(GetTenantRequest request, StreamObserver<GetTenantResponse> observer) {
    Rpc.managed(observer, caller -> GetTenantResponse.newBuilder().setTenant(tenants.get(caller, request)).build());
  }

  @Override
  public void listTenants(ListTenantsRequest request, StreamObserver<ListTenantsResponse> observer) {
    Rpc.managed(observer, caller -> tenants.list(caller, request));
  }

  @Override
  public void updateTenant(UpdateTenantRequest request, StreamObserver<UpdateTenantResponse> observer) {
    Rpc.managed(observer, caller ->
        UpdateTenantResponse.newBuilder().setTenant(tenants.update(caller, request)).build());
  }
}
