package io.keygate.transport.grpc;

import io.grpc.stub.StreamObserver;
import io.keygate.manage.AuditReader;
import io.keygate.v1.AuditServiceGrpc;
import io.keygate.v1.ListAuditEventsRequest;
import io.keygate.v1.ListAuditEventsResponse;

/** {@code keygate.v1.AuditService}. */
public final class AuditGrpcService extends AuditServiceGrpc.AuditServiceImplBase {
  private final AuditReader audit;

  public AuditGrpcService(AuditReader audit) {
    this.audit = audit;
  }

  @Override
  public void listAuditEvents(ListAuditEventsRequest request, StreamObserver<ListAuditEventsResponse> observer) {
    Rpc.managed(observer, caller -> audit.list(caller, request));
  }
}
