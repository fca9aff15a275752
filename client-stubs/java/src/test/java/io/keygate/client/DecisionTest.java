package io.keygate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Metadata;
import io.grpc.Status;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.Identity;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.Reason;
import io.keygate.v1.TokenAccess;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionTest {
  private static final Identity IDENTITY = Identity.newBuilder()
      .setTenantId("ten_1").setApiKeyId("key_1").setTokenId("tok_1").setPrincipalId("prn_1")
      .setPrincipalKind(PrincipalKind.PRINCIPAL_KIND_AGENT).setParentPrincipalId("prn_0")
      .setRoleId("rol_1").setRoleName("support").addPermissions("conversations:read")
      .setTokenAccess(TokenAccess.TOKEN_ACCESS_READ_ONLY).build();

  @Test
  void allowCarriesIdentityAndHeaders() {
    Decision d = Decision.from(AuthorizeResponse.newBuilder()
        .setDecision(io.keygate.v1.Decision.DECISION_ALLOW).setHttpStatus(200).setReason(Reason.REASON_OK)
        .setMessage("ok").setIdentity(IDENTITY).putResponseHeaders("x-ratelimit-remaining", "99").build());

    assertThat(d.allowed()).isTrue();
    assertThat(d.httpStatus()).isEqualTo(200);
    assertThat(d.reason()).isEqualTo("OK");
    assertThat(d.identity()).contains(new CallerIdentity("ten_1", "key_1", "tok_1", "prn_1", "AGENT", "prn_0",
        "rol_1", "support", java.util.List.of("conversations:read"), true, ""));
    assertThat(d.responseHeaders()).containsExactly(Map.entry("x-ratelimit-remaining", "99"));
    assertThat(d.retryAfterSeconds()).isEmpty();
  }

  @Test
  void unauthenticatedDenialHasNoIdentity() {
    Decision d = Decision.from(AuthorizeResponse.newBuilder()
        .setDecision(io.keygate.v1.Decision.DECISION_DENY).setHttpStatus(401)
        .setReason(Reason.REASON_CREDENTIAL_UNKNOWN).setMessage("unknown credential")
        .putResponseHeaders("www-authenticate", "ApiKey").build());

    assertThat(d.allowed()).isFalse();
    assertThat(d.reason()).isEqualTo("CREDENTIAL_UNKNOWN");
    assertThat(d.identity()).isEmpty();
    assertThat(KeygateServerInterceptor.statusFor(d).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(KeygateServerInterceptor.statusFor(d).getDescription())
        .isEqualTo("CREDENTIAL_UNKNOWN: unknown credential");
  }

  @Test
  void rateLimitedDenialMapsRetryAfter() {
    Decision d = Decision.from(AuthorizeResponse.newBuilder()
        .setDecision(io.keygate.v1.Decision.DECISION_DENY).setHttpStatus(429)
        .setReason(Reason.REASON_KEY_RATE_LIMITED).setIdentity(IDENTITY)
        .putResponseHeaders("retry-after", "17").putResponseHeaders("x-ratelimit-remaining", "0").build());

    assertThat(d.retryAfterSeconds()).hasValue(17);
    assertThat(KeygateServerInterceptor.statusFor(d).getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    Metadata trailers = KeygateServerInterceptor.trailersFor(d);
    assertThat(trailers.get(Metadata.Key.of("retry-after", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("17");
    assertThat(trailers.get(KeygateServerInterceptor.REASON)).isEqualTo("KEY_RATE_LIMITED");
  }

  @Test
  void forbiddenAndLimiterDownMapToTheirStatuses() {
    Decision forbidden = deny(403, Reason.REASON_PERMISSION_DENIED);
    Decision limiterDown = deny(503, Reason.REASON_RATE_LIMITER_UNAVAILABLE);

    assertThat(KeygateServerInterceptor.statusFor(forbidden).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(KeygateServerInterceptor.statusFor(limiterDown).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
  }

  @Test
  void unsetDecisionIsNotAllowed() {
    Decision d = Decision.from(AuthorizeResponse.newBuilder().setHttpStatus(200).build());

    assertThat(d.allowed()).isFalse();
    assertThat(d.reason()).isEqualTo("UNSPECIFIED");
  }

  @Test
  void decisionIsImmutable() {
    Decision d = Decision.from(AuthorizeResponse.newBuilder().setIdentity(IDENTITY)
        .putResponseHeaders("retry-after", "1").build());

    assertThatThrownBy(() -> d.responseHeaders().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> d.identity().orElseThrow().permissions().add("*:*"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void clientIpComesFromTheSocketAddress() {
    assertThat(KeygateServerInterceptor.clientIp(new java.net.InetSocketAddress("203.0.113.7", 4242)))
        .isEqualTo("203.0.113.7");
    assertThat(KeygateServerInterceptor.clientIp(null)).isEmpty();
  }

  private static Decision deny(int status, Reason reason) {
    return Decision.from(AuthorizeResponse.newBuilder().setDecision(io.keygate.v1.Decision.DECISION_DENY)
        .setHttpStatus(status).setReason(reason).build());
  }
}
