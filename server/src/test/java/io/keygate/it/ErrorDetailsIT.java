package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.keygate.keys.SecretFormat;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.DeleteApiKeyRequest;
import io.keygate.v1.GetApiKeyRequest;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.ListRolesRequest;
import io.keygate.v1.RevokeApiKeyRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every failure a real client gets carries {@code google.rpc.ErrorInfo} (domain {@code keygate}, a
 * stable reason, details as metadata), and INVALID_ARGUMENT a {@code google.rpc.BadRequest} naming
 * the field — read from the {@code grpc-status-details-bin} trailer as a client library does
 * ({@link StatusProto#fromThrowable}).
 */
class ErrorDetailsIT {
  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();
  private static final SecretFormat FORMAT = new SecretFormat("lk_");
  private static TestKeygate keygate;
  private static TenantFixture tenant;

  @BeforeAll
  static void start() {
    keygate = FLEET.keygate();
    tenant = TenantFixture.create(keygate);
  }

  @Test
  void anInvalidFieldIsNamedInErrorInfoAndBadRequest() {
    StatusRuntimeException e = failure(() -> keygate.roles(tenant.admin).createRole(CreateRoleRequest.newBuilder()
        .setName("r").addPermissions("Not A Permission").build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    ErrorInfo info = errorInfo(e);
    assertThat(info.getDomain()).isEqualTo("keygate");
    assertThat(info.getReason()).isEqualTo("INVALID_FIELD");
    assertThat(info.getMetadataMap()).containsEntry("field", "permissions[0]");
    BadRequest bad = detail(e, BadRequest.class).orElseThrow();
    assertThat(bad.getFieldViolations(0).getField()).isEqualTo("permissions[0]");
    assertThat(bad.getFieldViolations(0).getDescription()).contains("permissions[0]");
  }

  @Test
  void theDecisionApisInvalidArgumentNamesTheFieldToo() {
    StatusRuntimeException e = failure(() -> keygate.authorizer().authorize(AuthorizeRequest.newBuilder()
        .setCredential(FORMAT.generate()).setResource("conversations").setAction("read").setClientIp("not-an-ip")
        .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(errorInfo(e).getMetadataMap()).containsEntry("field", "client_ip");
    assertThat(detail(e, BadRequest.class).orElseThrow().getFieldViolations(0).getField()).isEqualTo("client_ip");
  }

  @Test
  void notFoundNamesTheKindOfObjectAndItsId() {
    CreateApiKeyResponse key = tenant.key(tenant.adminPrincipal(), "", "");
    String id = key.getApiKey().getId();
    keygate.keys(tenant.admin).deleteApiKey(DeleteApiKeyRequest.newBuilder().setApiKeyId(id).build());
    StatusRuntimeException e = failure(() -> keygate.keys(tenant.admin).getApiKey(GetApiKeyRequest.newBuilder()
        .setApiKeyId(id).build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(errorInfo(e).getReason()).isEqualTo("NOT_FOUND");
    assertThat(errorInfo(e).getMetadataMap()).containsEntry("resource_type", "api_key").containsEntry("id", id);
    assertThat(detail(e, BadRequest.class)).isEmpty();
  }

  @Test
  void permissionDeniedNamesTheMissingPermission() {
    String reader = tenant.holder("conversations:read");
    StatusRuntimeException e = failure(() -> keygate.roles(reader).listRoles(ListRolesRequest.getDefaultInstance()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(errorInfo(e).getReason()).isEqualTo("MISSING_PERMISSION");
    assertThat(errorInfo(e).getMetadataMap()).containsEntry("permission", "roles:read:all");
  }

  @Test
  void unauthenticatedSaysWhyTheCredentialWasRefused() {
    StatusRuntimeException unknown = failure(() -> keygate.keys(FORMAT.generate())
        .listApiKeys(ListApiKeysRequest.getDefaultInstance()));
    assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(errorInfo(unknown).getReason()).isEqualTo("CREDENTIAL_UNKNOWN");
    StatusRuntimeException malformed = failure(() -> keygate.keys("lk_nope")
        .listApiKeys(ListApiKeysRequest.getDefaultInstance()));
    assertThat(errorInfo(malformed).getReason()).isEqualTo("CREDENTIAL_MALFORMED");
  }

  @Test
  void aFailedPreconditionNamesTheState() {
    String id = tenant.key(tenant.adminPrincipal(), "", "").getApiKey().getId();
    keygate.keys(tenant.admin).revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(id).build());
    StatusRuntimeException e = failure(() -> keygate.keys(tenant.admin).revokeApiKey(RevokeApiKeyRequest
        .newBuilder().setApiKeyId(id).build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(errorInfo(e).getReason()).isEqualTo("API_KEY_NOT_ACTIVE");
  }

  @Test
  void tooManyFailedAuthenticationsSayWhenToRetry() {
    TestKeygate guarded = FLEET.keygate(Map.of("KEYGATE_AUTH_FAILURE_LIMIT", "2"));
    for (int i = 0; i < 2; i++) {
      failure(() -> guarded.keys(FORMAT.generate()).listApiKeys(ListApiKeysRequest.getDefaultInstance()));
    }
    StatusRuntimeException e = failure(() -> guarded.keys(FORMAT.generate())
        .listApiKeys(ListApiKeysRequest.getDefaultInstance()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(errorInfo(e).getReason()).isEqualTo("AUTH_FAILURE_LIMITED");
    assertThat(Long.parseLong(errorInfo(e).getMetadataOrThrow("retry_after_seconds"))).isPositive();
  }

  // --- helpers ---

  private static StatusRuntimeException failure(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("the call succeeded");
  }

  private static ErrorInfo errorInfo(StatusRuntimeException e) {
    return detail(e, ErrorInfo.class).orElseThrow(() -> new AssertionError("no ErrorInfo in " + e));
  }

  private static <T extends com.google.protobuf.Message> Optional<T> detail(StatusRuntimeException e, Class<T> type) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertThat(status).as("google.rpc.Status in the trailers").isNotNull();
    assertThat(status.getCode()).isEqualTo(e.getStatus().getCode().value());
    for (Any any : status.getDetailsList()) {
      if (any.is(type)) {
        try {
          return Optional.of(any.unpack(type));
        } catch (InvalidProtocolBufferException x) {
          throw new AssertionError(x);
        }
      }
    }
    return Optional.empty();
  }
}
