package io.keygate.transport.grpc;

import io.grpc.stub.StreamObserver;
import io.keygate.manage.ScopeManager;
import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.CreateScopeResponse;
import io.keygate.v1.DeleteScopeRequest;
import io.keygate.v1.DeleteScopeResponse;
import io.keygate.v1.GetScopeRequest;
import io.keygate.v1.GetScopeResponse;
import io.keygate.v1.ListScopesRequest;
import io.keygate.v1.ListScopesResponse;
import io.keygate.v1.ScopeServiceGrpc;
import io.keygate.v1.UpdateScopeRequest;
import io.keygate.v1.UpdateScopeResponse;

/** {@code keygate.v1.ScopeService}. */
public final class ScopeGrpcService extends ScopeServiceGrpc.ScopeServiceImplBase {
  private final ScopeManager scopes;

  public ScopeGrpcService(ScopeManager scopes) {
    this.scopes = scopes;
  }

  @Override
  public void createScope(CreateScopeRequest request, StreamObserver<CreateScopeResponse> observer) {
    Rpc.managed(observer, caller -> CreateScopeResponse.newBuilder().setScope(scopes.create(caller, request)).build());
  }

  @Override
  public void getScope(GetScopeRequest request, StreamObserver<GetScopeResponse> observer) {
    Rpc.managed(observer, caller ->
        GetScopeResponse.newBuilder().setScope(scopes.get(caller, request.getScopeId())).build());
  }

  @Override
  public void listScopes(ListScopesRequest request, StreamObserver<ListScopesResponse> observer) {
    Rpc.managed(observer, caller -> scopes.list(caller, request));
  }

  @Override
  public void updateScope(UpdateScopeRequest request, StreamObserver<UpdateScopeResponse> observer) {
    Rpc.managed(observer, caller -> UpdateScopeResponse.newBuilder().setScope(scopes.update(caller, request)).build());
  }

  @Override
  public void deleteScope(DeleteScopeRequest request, StreamObserver<DeleteScopeResponse> observer) {
    Rpc.managed(observer, caller -> {
      scopes.delete(caller, request.getScopeId());
      return DeleteScopeResponse.getDefaultInstance();
    });
  }
}
