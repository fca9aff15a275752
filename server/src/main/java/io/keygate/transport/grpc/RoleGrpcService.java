package io.keygate.transport.grpc;

import io.grpc.stub.StreamObserver;
import io.keygate.manage.RoleManager;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateRoleResponse;
import io.keygate.v1.DeleteRoleRequest;
import io.keygate.v1.DeleteRoleResponse;
import io.keygate.v1.GetRoleRequest;
import io.keygate.v1.GetRoleResponse;
import io.keygate.v1.ListRolesRequest;
import io.keygate.v1.ListRolesResponse;
import io.keygate.v1.RoleServiceGrpc;
import io.keygate.v1.UpdateRoleRequest;
import io.keygate.v1.UpdateRoleResponse;

/** {@code keygate.v1.RoleService}. */
public final class RoleGrpcService extends RoleServiceGrpc.RoleServiceImplBase {
  private final RoleManager roles;

  public RoleGrpcService(RoleManager roles) {
    this.roles = roles;
  }

  @Override
  public void createRole(CreateRoleRequest request, StreamObserver<CreateRoleResponse> observer) {
    Rpc.managed(observer, caller -> CreateRoleResponse.newBuilder().setRole(roles.create(caller, request)).build());
  }

  @Override
  public void getRole(GetRoleRequest request, StreamObserver<GetRoleResponse> observer) {
    Rpc.managed(observer, caller ->
        GetRoleResponse.newBuilder().setRole(roles.get(caller, request.getRoleId())).build());
  }

  @Override
  public void listRoles(ListRolesRequest request, StreamObserver<ListRolesResponse> observer) {
    Rpc.managed(observer, caller -> roles.list(caller, request));
  }

  @Override
  public void updateRole(UpdateRoleRequest request, StreamObserver<UpdateRoleResponse> observer) {
    Rpc.managed(observer, caller -> UpdateRoleResponse.newBuilder().setRole(roles.update(caller, request)).build());
  }

  @Override
  public void deleteRole(DeleteRoleRequest request, StreamObserver<DeleteRoleResponse> observer) {
    Rpc.managed(observer, caller -> {
      roles.delete(caller, request.getRoleId());
      return DeleteRoleResponse.getDefaultInstance();
    });
  }
}
