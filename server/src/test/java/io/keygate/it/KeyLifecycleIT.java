package io.keygate.it;

import static io.keygate.it.Grpc.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.keygate.testing.TestClock;
import io.keygate.v1.ApiKey;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateTenantResponse;
import io.keygate.v1.CreateTokenRequest;
import io.keygate.v1.CreateTokenResponse;
import io.keygate.v1.CredentialState;
import io.keygate.v1.DeleteApiKeyRequest;
import io.keygate.v1.DeleteTokenRequest;
import io.keygate.v1.Expiration;
import io.keygate.v1.GetApiKeyRequest;
import io.keygate.v1.KeyRateLimit;
import io.keygate.v1.Lifetime;
import io.keygate.v1.LifetimeUnit;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.ListApiKeysResponse;
import io.keygate.v1.ListTokensRequest;
import io.keygate.v1.RateLimitMode;
import io.keygate.v1.RotateTokenRequest;
import io.keygate.v1.RotateTokenResponse;
import io.keygate.v1.TenantSettings;
import io.keygate.v1.TokenAccess;
import io.keygate.v1.TokenSpec;
import io.keygate.v1.Tags;
import io.keygate.v1.UpdateApiKeyRequest;
import io.keygate.v1.UpdateTokenRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keys and tokens through their whole life: create, read, update, rotate, revoke, delete; caps and lifetimes. */
class KeyLifecycleIT {
  private static TestKeygate keygate;
  private static String admin;
  private static String roleId;

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();
  private static final TestClock CLOCK = TestClock.atNow();

  @BeforeAll
  static void start() {
    keygate = FLEET.keygate(TestPostgres.newDatabase(), Map.of(), CLOCK);
    admin = keygate.newTenant("lifecycle").getAdminSecret();
    roleId = keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("svc")
        .addPermissions("orders:*").build()).getRole().getId();
  }


  @Test
  void createdKeyShowsItsSecretOnceAndStoresWhatWasAsked() {
    CreateApiKeyResponse created = keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder()
        .setName("Data Warehouse Sync").setDescription("nightly").putTags("env", "prod").setRoleId(roleId)
        .setRateLimit(KeyRateLimit.newBuilder().setRequestsPerMinute(250)
            .setMode(RateLimitMode.RATE_LIMIT_MODE_ENFORCED))
        .setInitialToken(TokenSpec.newBuilder().setName("primary")).build());
    assertThat(created.getSecret()).matches("lk_[0-9a-f]{64}");
    assertThat(created.getToken().getHint()).startsWith(created.getSecret().substring(0, 7))
        .endsWith(created.getSecret().substring(created.getSecret().length() - 4)).hasSize(3 + 4 + 1 + 4);
    ApiKey key = keygate.keys(admin).getApiKey(GetApiKeyRequest.newBuilder().setApiKeyId(created.getApiKey().getId())
        .build()).getApiKey();
    assertThat(key.getName()).isEqualTo("Data Warehouse Sync");
    assertThat(key.getTagsMap()).containsEntry("env", "prod");
    assertThat(key.getRoleId()).isEqualTo(roleId);
    assertThat(key.getEffectiveRateLimit().getRequestsPerMinute()).isEqualTo(250);
    assertThat(key.getState()).isEqualTo(CredentialState.CREDENTIAL_STATE_ACTIVE);
    assertThat(key.getTokenCount()).isEqualTo(1);
    assertThat(key.toString()).doesNotContain(created.getSecret().substring(3));
    assertThat(allowed(created.getSecret())).isTrue();
  }

  @Test
  void keyWithoutRateLimitShowsTheTenantDefault() {
    ApiKey key = newKey("defaults").getApiKey();
    assertThat(key.hasRateLimit() && key.getRateLimit().hasRequestsPerMinute()).isFalse();
    assertThat(key.getEffectiveRateLimit().getRequestsPerMinute()).isEqualTo(100);
    assertThat(key.getEffectiveRateLimit().getMode()).isEqualTo(RateLimitMode.RATE_LIMIT_MODE_ENFORCED);
  }

  @Test
  void updateChangesOnlyTheFieldsGiven() {
    CreateApiKeyResponse created = newKey("before");
    String id = created.getApiKey().getId();
    ApiKey updated = keygate.keys(admin).updateApiKey(UpdateApiKeyRequest.newBuilder().setApiKeyId(id)
        .setName("after").setTags(Tags.newBuilder().putValues("team", "blue"))
        .setRateLimit(KeyRateLimit.newBuilder().setMode(RateLimitMode.RATE_LIMIT_MODE_INFORMATIONAL)).build())
        .getApiKey();
    assertThat(updated.getId()).isEqualTo(id);
    assertThat(updated.getName()).isEqualTo("after");
    assertThat(updated.getTagsMap()).containsExactly(java.util.Map.entry("team", "blue"));
    assertThat(updated.getRoleId()).isEqualTo(roleId);
    assertThat(updated.getEffectiveRateLimit().getMode()).isEqualTo(RateLimitMode.RATE_LIMIT_MODE_INFORMATIONAL);
    ApiKey cleared = keygate.keys(admin).updateApiKey(UpdateApiKeyRequest.newBuilder().setApiKeyId(id).setRoleId("")
        .build()).getApiKey();
    assertThat(cleared.getRoleId()).isEmpty();
    assertThat(cleared.getName()).isEqualTo("after");
    assertThat(allowed(created.getSecret())).as("no role and no default permissions").isFalse();
  }

  @Test
  void listPagesThroughEveryKeyAndFilters() {
    for (int i = 0; i < 5; i++) {
      keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("paged " + i)
          .putTags("batch", "paging").build());
    }
    Set<String> seen = new HashSet<>();
    String token = "";
    int pages = 0;
    do {
      ListApiKeysResponse page = keygate.keys(admin).listApiKeys(ListApiKeysRequest.newBuilder().setTag("batch=paging")
          .setPageSize(2).setPageToken(token).build());
      page.getApiKeysList().forEach(k -> assertThat(seen.add(k.getId())).isTrue());
      token = page.getNextPageToken();
      pages++;
    } while (!token.isEmpty());
    assertThat(seen).hasSize(5);
    assertThat(pages).isEqualTo(3);
    assertThat(keygate.keys(admin).listApiKeys(ListApiKeysRequest.newBuilder().setTag("batch=other").build())
        .getApiKeysCount()).isZero();
  }

  @Test
  void tokensUnderOneKeyWorkIndependentlyAndDeletingTheKeyDeletesThemAll() {
    CreateApiKeyResponse created = newKey("multi");
    String keyId = created.getApiKey().getId();
    CreateTokenResponse second = keygate.keys(admin).createToken(CreateTokenRequest.newBuilder().setApiKeyId(keyId)
        .setToken(TokenSpec.newBuilder().setName("second")).build());
    assertThat(allowed(created.getSecret())).isTrue();
    assertThat(allowed(second.getSecret())).isTrue();
    assertThat(keygate.keys(admin).listTokens(ListTokensRequest.newBuilder().setApiKeyId(keyId).build())
        .getTokensList()).extracting(t -> t.getName()).containsExactly("default", "second");

    keygate.keys(admin).deleteToken(DeleteTokenRequest.newBuilder().setTokenId(second.getToken().getId()).build());
    assertThat(allowed(second.getSecret())).isFalse();
    assertThat(allowed(created.getSecret())).isTrue();

    int deleted = keygate.keys(admin).deleteApiKey(DeleteApiKeyRequest.newBuilder().setApiKeyId(keyId).build())
        .getDeletedTokens();
    assertThat(deleted).isEqualTo(1);
    assertThat(allowed(created.getSecret())).isFalse();
    assertStatus(Status.Code.NOT_FOUND, () -> keygate.keys(admin).getApiKey(GetApiKeyRequest.newBuilder()
        .setApiKeyId(keyId).build()));
  }

  @Test
  void rotationInvalidatesTheOldSecretAtOnceOrAfterTheGracePeriod() {
    CreateApiKeyResponse created = newKey("rotating");
    String tokenId = created.getToken().getId();
    RotateTokenResponse now = keygate.keys(admin).rotateToken(RotateTokenRequest.newBuilder().setTokenId(tokenId)
        .build());
    assertThat(now.getToken().getId()).isEqualTo(tokenId);
    assertThat(now.getSecret()).isNotEqualTo(created.getSecret());
    assertThat(allowed(created.getSecret())).isFalse();
    assertThat(allowed(now.getSecret())).isTrue();

    RotateTokenResponse graced = keygate.keys(admin).rotateToken(RotateTokenRequest.newBuilder().setTokenId(tokenId)
        .setGracePeriod(Duration.newBuilder().setSeconds(2)).build());
    assertThat(graced.getToken().hasPreviousSecretExpireTime()).isTrue();
    assertThat(allowed(now.getSecret())).as("old secret within grace").isTrue();
    assertThat(allowed(graced.getSecret())).isTrue();
    CLOCK.advance(1999);
    assertThat(allowed(now.getSecret())).as("old secret at the end of its grace").isTrue();
    CLOCK.advance(1);
    assertThat(allowed(now.getSecret())).as("old secret after grace").isFalse();
    assertThat(allowed(graced.getSecret())).isTrue();
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.keys(admin).rotateToken(RotateTokenRequest.newBuilder()
        .setTokenId(tokenId).setGracePeriod(Duration.newBuilder().setSeconds(8 * 24 * 3600)).build()));
  }

  @Test
  void updatedTokenCanBeMadeReadOnly() {
    CreateApiKeyResponse created = newKey("narrowed");
    keygate.keys(admin).updateToken(UpdateTokenRequest.newBuilder().setTokenId(created.getToken().getId())
        .setAccess(TokenAccess.TOKEN_ACCESS_READ_ONLY).setName("ro").build());
    assertThat(keygate.authorizer().authorize(AuthorizeRequest.newBuilder().setCredential(created.getSecret())
        .setResource("orders").setAction("write").build()).getHttpStatus()).isEqualTo(403);
    assertThat(allowed(created.getSecret())).isTrue();
  }

  @Test
  void revokedKeyStaysVisibleAndTakesNoNewTokens() {
    CreateApiKeyResponse created = newKey("revoked");
    String id = created.getApiKey().getId();
    ApiKey revoked = keygate.keys(admin).revokeApiKey(io.keygate.v1.RevokeApiKeyRequest.newBuilder().setApiKeyId(id)
        .build()).getApiKey();
    assertThat(revoked.getState()).isEqualTo(CredentialState.CREDENTIAL_STATE_REVOKED);
    assertThat(revoked.hasRevokeTime()).isTrue();
    assertStatus(Status.Code.FAILED_PRECONDITION, () -> keygate.keys(admin).createToken(CreateTokenRequest.newBuilder()
        .setApiKeyId(id).build()));
    assertStatus(Status.Code.FAILED_PRECONDITION, () -> keygate.keys(admin).revokeApiKey(
        io.keygate.v1.RevokeApiKeyRequest.newBuilder().setApiKeyId(id).build()));
    assertThat(keygate.keys(admin).listApiKeys(ListApiKeysRequest.newBuilder()
        .setState(CredentialState.CREDENTIAL_STATE_REVOKED).build()).getApiKeysList())
        .extracting(ApiKey::getId).contains(id);
  }

  @Test
  void activeTokensPerPrincipalAreCappedAndAFailedCreateLeavesNothing() {
    CreateTenantResponse small = keygate.newTenant("small", TenantSettings.newBuilder()
        .setMaxActiveTokensPerPrincipal(2).build());
    String smallAdmin = small.getAdminSecret();
    CreateApiKeyResponse second = keygate.keys(smallAdmin).createApiKey(CreateApiKeyRequest.newBuilder()
        .setName("second").setInitialToken(TokenSpec.getDefaultInstance()).build());
    assertThat(second.getSecret()).isNotEmpty();
    assertStatus(Status.Code.FAILED_PRECONDITION, () -> keygate.keys(smallAdmin).createToken(
        CreateTokenRequest.newBuilder().setApiKeyId(second.getApiKey().getId()).build()))
        .hasMessageContaining("2 active tokens");
    int keysBefore = keygate.keys(smallAdmin).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount();
    assertStatus(Status.Code.FAILED_PRECONDITION, () -> keygate.keys(smallAdmin).createApiKey(
        CreateApiKeyRequest.newBuilder().setName("third").setInitialToken(TokenSpec.getDefaultInstance()).build()));
    assertThat(keygate.keys(smallAdmin).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount())
        .as("the key of the failed create was rolled back").isEqualTo(keysBefore);
    keygate.keys(smallAdmin).deleteToken(DeleteTokenRequest.newBuilder().setTokenId(second.getToken().getId()).build());
    assertThat(keygate.keys(smallAdmin).createToken(CreateTokenRequest.newBuilder()
        .setApiKeyId(second.getApiKey().getId()).build()).getSecret()).isNotEmpty();
  }

  @Test
  void tokenLifetimeIsCappedByTheTenant() {
    String keyId = newKey("lifetimes").getApiKey().getId();
    Instant before = CLOCK.instant();
    CreateTokenResponse uncapped = keygate.keys(admin).createToken(CreateTokenRequest.newBuilder().setApiKeyId(keyId)
        .setToken(TokenSpec.newBuilder().setExpiration(Expiration.newBuilder().setNever(true))).build());
    Instant cap = before.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
    assertThat(uncapped.getToken().getExpireTime().getSeconds()).isEqualTo(cap.getEpochSecond());
    CreateTokenResponse weeks = keygate.keys(admin).createToken(CreateTokenRequest.newBuilder().setApiKeyId(keyId)
        .setToken(TokenSpec.newBuilder().setExpiration(Expiration.newBuilder()
            .setAfter(Lifetime.newBuilder().setAmount(2).setUnit(LifetimeUnit.LIFETIME_UNIT_WEEKS)))).build());
    assertThat(weeks.getToken().getExpireTime().getSeconds() - before.getEpochSecond()).isEqualTo(14L * 86400);
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.keys(admin).createToken(CreateTokenRequest.newBuilder()
        .setApiKeyId(keyId).setToken(TokenSpec.newBuilder().setExpiration(Expiration.newBuilder()
            .setAfter(Lifetime.newBuilder().setAmount(13).setUnit(LifetimeUnit.LIFETIME_UNIT_MONTHS)))).build()))
        .hasMessageContaining("maximum token lifetime");
    Instant past = CLOCK.instant().minusSeconds(60);
    assertStatus(Status.Code.INVALID_ARGUMENT, () -> keygate.keys(admin).createToken(CreateTokenRequest.newBuilder()
        .setApiKeyId(keyId).setToken(TokenSpec.newBuilder().setExpiration(Expiration.newBuilder()
            .setAt(Timestamp.newBuilder().setSeconds(past.getEpochSecond())))).build()));
  }

  @Test
  void tenantWithoutACapIssuesTokensThatNeverExpire() {
    CreateTenantResponse open = keygate.newTenant("uncapped", TenantSettings.newBuilder()
        .setMaxTokenLifetime(Lifetime.newBuilder().setAmount(0)).build());
    CreateApiKeyResponse key = keygate.keys(open.getAdminSecret()).createApiKey(CreateApiKeyRequest.newBuilder()
        .setName("forever").setInitialToken(TokenSpec.getDefaultInstance()).build());
    assertThat(key.getToken().hasExpireTime()).isFalse();
  }

  private static CreateApiKeyResponse newKey(String name) {
    return keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName(name).setRoleId(roleId)
        .setInitialToken(TokenSpec.getDefaultInstance()).build());
  }

  private static boolean allowed(String secret) {
    return keygate.authorizer().authorize(AuthorizeRequest.newBuilder().setCredential(secret).setResource("orders")
        .setAction("read").build()).getHttpStatus() == 200;
  }
}
