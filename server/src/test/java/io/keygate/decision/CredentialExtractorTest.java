package io.keygate.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.authz.AccessRequest;
import io.keygate.authz.AccessRequest.Transport;
import io.keygate.authz.CredentialRecord;
import io.keygate.authz.DecisionEngine;
import io.keygate.authz.Reason;
import io.keygate.authz.ScopePath;
import io.keygate.testing.Records;
import io.keygate.keys.SecretFormat;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialExtractorTest {
  private static final SecretFormat FORMAT = new SecretFormat(SecretFormat.DEFAULT_PREFIX);
  private static final String SECRET = FORMAT.generate();
  private static final String OTHER_SECRET = FORMAT.generate();

  private final CredentialExtractor extractor = new CredentialExtractor("lk_");

  private static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  private static void assertFound(CredentialExtractor.Found found, String credential, Transport transport) {
    assertThat(found.refusal()).isNull();
    assertThat(found.credential()).isEqualTo(credential);
    assertThat(found.transport()).isEqualTo(transport);
  }

  private static void assertRefused(CredentialExtractor.Found found, Reason reason) {
    assertThat(found.refusal()).isEqualTo(reason);
    assertThat(found.credential()).isNull();
    assertThat(found.transport()).isEqualTo(Transport.UNKNOWN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x-api-key", "X-API-Key", "X-Api-Key", "X-API-KEY"})
  void apiKeyHeaderIsFoundWhateverItsCase(String name) {
    assertFound(extractor.fromHeaders(headers(name, SECRET)), SECRET, Transport.API_KEY_HEADER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer ", "bearer ", "BEARER ", "Bearer   "})
  void bearerTokenIsFoundWhateverTheSchemeCase(String scheme) {
    assertFound(extractor.fromHeaders(headers("Authorization", scheme + SECRET)), SECRET, Transport.BEARER);
    assertFound(extractor.fromHeaders(headers("authorization", scheme + SECRET)), SECRET, Transport.BEARER);
  }

  @Test
  void surroundingWhitespaceIsStripped() {
    assertFound(extractor.fromHeaders(headers("x-api-key", "  " + SECRET + "\t")), SECRET, Transport.API_KEY_HEADER);
    assertFound(extractor.fromHeaders(headers("authorization", "Bearer " + SECRET + "  ")), SECRET,
        Transport.BEARER);
  }

  @Test
  void bothTransportsCarryingKeygateCredentialsAreRefused() {
    assertRefused(extractor.fromHeaders(headers("x-api-key", SECRET, "authorization", "Bearer " + OTHER_SECRET)),
        Reason.MULTIPLE_CREDENTIALS);
    assertRefused(extractor.fromHeaders(headers("X-API-Key", SECRET, "Authorization", "Bearer " + SECRET)),
        Reason.MULTIPLE_CREDENTIALS);
    assertThat(Reason.MULTIPLE_CREDENTIALS.httpStatus()).isEqualTo(401);
  }

  /** One header name sent twice in different cases is two credentials (issue 14, item 17). */
  @Test
  void oneHeaderInTwoCasesIsTwoCredentials() {
    Map<String, String> apiKeys = new java.util.LinkedHashMap<>();
    apiKeys.put("x-api-key", SECRET);
    apiKeys.put("X-Api-Key", SECRET);
    assertRefused(extractor.fromHeaders(apiKeys), Reason.MULTIPLE_CREDENTIALS);
    Map<String, String> bearers = new java.util.LinkedHashMap<>();
    bearers.put("authorization", "Bearer " + SECRET);
    bearers.put("Authorization", "Bearer " + SECRET);
    assertRefused(extractor.fromHeaders(bearers), Reason.MULTIPLE_CREDENTIALS);
  }

  @Test
  void aForeignBearerTokenBesideAnApiKeyIsNotKeygatesAndIsIgnored() {
    assertFound(extractor.fromHeaders(headers("x-api-key", SECRET, "authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.x.y")),
        SECRET, Transport.API_KEY_HEADER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Digest username=\"u\"", "Bearer", "Bearer ", "Bearerlk_abc", " ",
      "Token lk_abc"})
  void authorizationWithoutABearerCredentialIsNotACredential(String authorization) {
    assertRefused(extractor.fromHeaders(headers("authorization", authorization)), Reason.CREDENTIAL_MISSING);
  }

  @Test
  void otherSchemesDoNotHideAnApiKeyHeader() {
    assertFound(extractor.fromHeaders(headers("authorization", "Basic dXNlcjpwYXNz", "x-api-key", SECRET)), SECRET,
        Transport.API_KEY_HEADER);
  }

  @Test
  void noOrBlankHeadersMeanMissing() {
    assertRefused(extractor.fromHeaders(Map.of()), Reason.CREDENTIAL_MISSING);
    assertRefused(extractor.fromHeaders(headers("x-api-key", "   ")), Reason.CREDENTIAL_MISSING);
    assertRefused(extractor.fromHeaders(headers("x-api-key", "", "authorization", "")), Reason.CREDENTIAL_MISSING);
    assertRefused(extractor.fromHeaders(headers("cookie", "key=" + SECRET, "api-key", SECRET)),
        Reason.CREDENTIAL_MISSING);
  }

  @Test
  void blankApiKeyHeaderLeavesTheBearerToken() {
    assertFound(extractor.fromHeaders(headers("x-api-key", " ", "authorization", "Bearer " + SECRET)), SECRET,
        Transport.BEARER);
  }

  @Test
  void malformedCredentialsArePassedOnForTheShapeCheckToRefuse() {
    CredentialExtractor.Found found = extractor.fromHeaders(headers("x-api-key", "not-a-key"));

    assertFound(found, "not-a-key", Transport.API_KEY_HEADER);
    assertThat(FORMAT.check(found.credential())).isEqualTo(SecretFormat.Shape.MALFORMED);
  }

  @Test
  void foundNeverPrintsTheCredential() {
    assertThat(extractor.fromHeaders(headers("x-api-key", SECRET)).toString())
        .doesNotContain(SECRET).doesNotContain(SECRET.substring(3, 20)).contains("API_KEY_HEADER");
  }

  @ParameterizedTest(name = "tenant accepts {0}, credential in {1}: {2}")
  @CsvSource({
      "true,  true,  x-api-key,     OK",
      "true,  true,  authorization, OK",
      "true,  false, x-api-key,     OK",
      "true,  false, authorization, TRANSPORT_NOT_ACCEPTED",
      "false, true,  x-api-key,     TRANSPORT_NOT_ACCEPTED",
      "false, true,  authorization, OK"})
  void theFoundTransportIsJudgedAgainstTheTenantsPolicy(boolean apiKeyHeader, boolean bearer, String header,
      Reason expected) {
    String value = header.equals("authorization") ? "Bearer " + SECRET : SECRET;
    CredentialExtractor.Found found = extractor.fromHeaders(headers(header, value));
    CredentialRecord key = Records.key().policy(Records.policy().transports(apiKeyHeader, bearer)).build();

    Reason reason = DecisionEngine.decide(key, new AccessRequest(found.transport(), "orders:read", false, null),
        ScopePath.TENANT_WIDE, Instant.EPOCH);

    assertThat(reason).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/v1/orders?api_key=abc",
      "/v1/orders?apikey=abc",
      "/v1/orders?api-key=abc",
      "/v1/orders?x-api-key=abc",
      "/v1/orders?key=abc",
      "/v1/orders?token=abc",
      "/v1/orders?access_token=abc",
      "/v1/orders?auth=abc",
      "/v1/orders?authorization=Bearer",
      "/v1/orders?API_KEY=abc",
      "/v1/orders?Access_Token=abc",
      "/v1/orders?page=2&api_key=abc",
      "/v1/orders?page=2;token=abc",
      "/v1/orders?token",
      "/v1/orders?q=lk_0123",
      "/v1/orders?lk_0123456789abcdef",
      "/v1/orders?api%5Fkey=abc",
      "/v1/orders?q=lk%5F0123",
      "?api_key="})
  void credentialsInTheQueryStringAreDetected(String path) {
    assertThat(extractor.credentialInQuery(path)).isTrue();
  }

  @Test
  void theGeneratedSecretAnywhereInTheQueryIsDetected() {
    assertThat(extractor.credentialInQuery("/v1/orders?page=2&q=" + SECRET)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/v1/orders",
      "/v1/orders/lk_0123456789abcdef",
      "/v1/api_key/token",
      "/v1/orders?",
      "/v1/orders?page=2&sort=name",
      "/v1/orders?keys=3",
      "/v1/orders?monkey=1",
      "/v1/orders?q=LK_0123",
      "/v1/orders?q=xlk_0123"})
  void pathsWithoutQueryCredentialsAreNotRefused(String path) {
    assertThat(extractor.credentialInQuery(path)).isFalse();
  }

  @Test
  void queryDetectionUsesTheConfiguredPrefix() {
    CredentialExtractor acme = new CredentialExtractor("acme_");

    assertThat(acme.credentialInQuery("/v1/orders?q=acme_0123")).isTrue();
    assertThat(acme.credentialInQuery("/v1/orders?q=lk_0123")).isFalse();
  }

  @Test
  void aBearerWithAnotherPrefixIsMultipleOnlyForTheConfiguredPrefix() {
    CredentialExtractor acme = new CredentialExtractor("acme_");

    assertRefused(acme.fromHeaders(headers("x-api-key", "acme_1", "authorization", "Bearer acme_2")),
        Reason.MULTIPLE_CREDENTIALS);
    assertFound(acme.fromHeaders(headers("x-api-key", "acme_1", "authorization", "Bearer " + SECRET)), "acme_1",
        Transport.API_KEY_HEADER);
  }
}
