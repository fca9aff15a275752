package io.keygate.it;

import static io.keygate.it.Grpc.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import io.grpc.Status;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreatePrincipalRequest;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateScopeRequest;
import io.keygate.v1.Expiration;
import io.keygate.v1.KeyRateLimit;
import io.keygate.v1.Lifetime;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.ListAuditEventsRequest;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenSpec;
import io.keygate.v1.UpdateTenantRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input gets INVALID_ARGUMENT naming the field, and nothing is stored. */
class ValidationIT {
  private static TestKeygate keygate;
  private static String admin;

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  @BeforeAll
  static void start() {
    keygate = FLEET.keygate();
    admin = keygate.newTenant("strict").getAdminSecret();
  }


  @Test
  void badKeyFieldsAreRefusedByName() {
    int keysBefore = keygate.keys(admin).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount();
    refused("name", () -> create(CreateApiKeyRequest.newBuilder().setName("")));
    refused("name", () -> create(CreateApiKeyRequest.newBuilder().setName("nul\u0000byte")));
    refused("name", () -> create(CreateApiKeyRequest.newBuilder().setName("esc\u001b[31m")));
    refused("name", () -> create(CreateApiKeyRequest.newBuilder().setName("x".repeat(201))));
    refused("description", () -> create(CreateApiKeyRequest.newBuilder().setName("ok")
        .setDescription("d".repeat(100_000))));
    refused("tags", () -> create(CreateApiKeyRequest.newBuilder().setName("ok").putTags("Bad Tag", "v")));
    refused("role_id", () -> create(CreateApiKeyRequest.newBuilder().setName("ok").setRoleId("'; drop table x;--")));
    refused("rate_limit.requests_per_minute", () -> create(CreateApiKeyRequest.newBuilder().setName("ok")
        .setRateLimit(KeyRateLimit.newBuilder().setRequestsPerMinute(-1))));
    refused("rate_limit.mode", () -> create(CreateApiKeyRequest.newBuilder().setName("ok")
        .setRateLimit(KeyRateLimit.newBuilder().setModeValue(42))));
    refused("expiration", () -> create(CreateApiKeyRequest.newBuilder().setName("ok")
        .setExpiration(Expiration.newBuilder().setAfter(Lifetime.newBuilder().setAmount(5)))));
    refused("initial_token.access", () -> create(CreateApiKeyRequest.newBuilder().setName("ok")
        .setInitialToken(TokenSpec.newBuilder().setAccessValue(7))));
    assertThat(keygate.keys(admin).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount())
        .as("nothing was stored").isEqualTo(keysBefore);
  }

  @Test
  void sqlMetacharactersAreStoredAsPlainText() {
    String name = "Robert'); DROP TABLE api_keys;--";
    assertThat(create(CreateApiKeyRequest.newBuilder().setName(name).putTags("q", "' or 1=1 --")).getApiKey()
        .getName()).isEqualTo(name);
    assertThat(keygate.keys(admin).listApiKeys(ListApiKeysRequest.newBuilder().setTag("q=' or 1=1 --").build())
        .getApiKeysCount()).isEqualTo(1);
  }

  @Test
  void badRolesPrincipalsScopesAndSettingsAreRefusedByName() {
    refused("permissions[1]", () -> keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("r")
        .addPermissions("orders:read").addPermissions("ORDERS").build()));
    refused("kind", () -> keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setDisplayName("nobody").build()));
    refused("email", () -> keygate.principals(admin).createPrincipal(CreatePrincipalRequest.newBuilder()
        .setKindValue(1).setDisplayName("x").setEmail("not-an-email").build()));
    refused("kind", () -> keygate.scopes(admin).createScope(CreateScopeRequest.newBuilder().setName("s")
        .setKind("Not A Kind").build()));
    refused("settings.ip_limit_requests", () -> keygate.tenants(admin).updateTenant(UpdateTenantRequest.newBuilder()
        .setSettings(TenantSettings.newBuilder().setIpLimitRequests(-5)).build()));
    refused("settings.ip_limit_window", () -> keygate.tenants(admin).updateTenant(UpdateTenantRequest.newBuilder()
        .setSettings(TenantSettings.newBuilder().setIpLimitWindow(Duration.newBuilder().setSeconds(0))).build()));
    refused("settings.accepted_credentials", () -> keygate.tenants(admin).updateTenant(UpdateTenantRequest
        .newBuilder().setSettings(TenantSettings.newBuilder().setAcceptedCredentialsValue(99)).build()));
  }

  @Test
  void badPagingIsRefused() {
    refused("page_size", () -> keygate.keys(admin).listApiKeys(ListApiKeysRequest.newBuilder().setPageSize(5000)
        .build()));
    refused("page_token", () -> keygate.keys(admin).listApiKeys(ListApiKeysRequest.newBuilder()
        .setPageToken("not a token!").build()));
    refused("page_token", () -> keygate.audit(admin).listAuditEvents(ListAuditEventsRequest.newBuilder()
        .setPageToken("a2V5X3h5eg").build()));
  }

  @Test
  void oversizedRequestsAreRejectedBeforeTheyAreRead() {
    assertStatus(Status.Code.RESOURCE_EXHAUSTED, () -> create(CreateApiKeyRequest.newBuilder().setName("big")
        .setDescription("x".repeat(1024 * 1024))));
  }

  private static io.keygate.v1.CreateApiKeyResponse create(CreateApiKeyRequest.Builder request) {
    return keygate.keys(admin).createApiKey(request.build());
  }

  private static void refused(String field, ThrowingCallable call) {
    assertStatus(Status.Code.INVALID_ARGUMENT, call).hasMessageContaining(field);
  }
}
