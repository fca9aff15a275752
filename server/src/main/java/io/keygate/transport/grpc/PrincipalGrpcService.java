package io.keygate.transport.grpc;

import io.grpc.stub.StreamObserver;
import io.keygate.manage.PrincipalManager;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreatePrincipalResponse;
import io.keygate.v1.DeletePrincipalRequest;
import io.keygate.v1.DeletePrincipalResponse;
import io.keygate.v1.GetPrincipalRequest;
import io.keygate.v1.GetPrincipalResponse;
import io.keygate.v1.ListPrincipalsRequest;
import io.keygate.v1.ListPrincipalsResponse;
import io.keygate.v1.PrincipalServiceGrpc;
import io.keygate.v1.UpdatePrincipalRequest;
import io.keygate.v1.UpdatePrincipalResponse;

/** {@code keygate.v1.PrincipalService}. */
public final class PrincipalGrpcService extends PrincipalServiceGrpc.PrincipalServiceImplBase {
  private final PrincipalManager principals;

  public PrincipalGrpcService(PrincipalManager principals) {
    this.principals = principals;
  }

  @Override
  public void createPrincipal(CreatePrincipalRequest request, StreamObserver<CreatePrincipalResponse> observer) {
    Rpc.managed(observer, caller ->
        CreatePrincipalResponse.newBuilder().setPrincipal(principals.create(caller, request)).build());
  }

  @Override
  public void getPrincipal(GetPrincipalRequest request, StreamObserver<GetPrincipalResponse> observer) {
    Rpc.managed(observer, caller ->
        GetPrincipalResponse.newBuilder().setPrincipal(principals.get(caller, request.getPrincipalId())).build());
  }

  @Override
  public void listPrincipals(ListPrincipalsRequest request, StreamObserver<ListPrincipalsResponse> observer) {
    Rpc.managed(observer, caller -> principals.list(caller, request));
  }

  @Override
  public void updatePrincipal(UpdatePrincipalRequest request, StreamObserver<UpdatePrincipalResponse> observer) {
    Rpc.managed(observer, caller ->
        UpdatePrincipalResponse.newBuilder().setPrincipal(principals.update(caller, request)).build());
  }

  @Override
  public void deletePrincipal(DeletePrincipalRequest request, StreamObserver<DeletePrincipalResponse> observer) {
    Rpc.managed(observer, caller -> {
      principals.delete(caller, request.getPrincipalId());
      return DeletePrincipalResponse.getDefaultInstance();
    });
  }
}
