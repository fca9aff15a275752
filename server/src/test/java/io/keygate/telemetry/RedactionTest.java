package io.keygate.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.keys.SecretFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {
  private static final String SECRET = new SecretFormat(SecretFormat.DEFAULT_PREFIX).generate();
  private static final String HEX = SECRET.substring(3);

  @ParameterizedTest
  @ValueSource(strings = {
      "%s",
      "x-api-key: %s",
      "Authorization: Bearer %s",
      "path=/v1/orders?api_key=%s&page=2",
      "headers={x-api-key=%s}",
      "\"%s\"",
      "(%s)",
      "%s%n",
      "path=/v1/orders?q=Bearer%%20%s",
      "path=/v1/orders?q%%3D%s",
      "prefix_%s",
      "tokens: %s, %s"})
  void aKeygateSecretIsRedactedWhereverItAppears(String template) {
    String text = String.format(template, SECRET, SECRET);

    String redacted = Redaction.redact(text);

    assertThat(redacted).doesNotContain(HEX).doesNotContain(HEX.substring(0, 16)).contains("lk_[REDACTED]");
  }

  @Test
  void textAroundTheSecretIsKept() {
    assertThat(Redaction.redact("rotated token tok_1: new secret " + SECRET + " issued"))
        .isEqualTo("rotated token tok_1: new secret lk_[REDACTED] issued");
  }

  @Test
  void everySecretOnALineIsRedacted() {
    String other = new SecretFormat(SecretFormat.DEFAULT_PREFIX).generate();

    assertThat(Redaction.redact("old=" + SECRET + " new=" + other))
        .isEqualTo("old=lk_[REDACTED] new=lk_[REDACTED]");
  }

  @ParameterizedTest
  @CsvSource({
      "acme_",
      "k9_",
      "abcdefghijklmnop_"})
  void secretsWithACustomPrefixAreRedactedToo(String prefix) {
    String secret = new SecretFormat(prefix).generate();

    assertThat(Redaction.redact("key " + secret + "."))
        .isEqualTo("key " + prefix + "[REDACTED].");
  }

  @Test
  void upperCaseOrTruncatedHexIsStillRedactedFromSixteenCharacters() {
    assertThat(Redaction.redact("lk_" + HEX.toUpperCase())).isEqualTo("lk_[REDACTED]");
    assertThat(Redaction.redact("lk_" + HEX.substring(0, 16) + " rest"))
        .isEqualTo("lk_[REDACTED] rest");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "authorize key_01hzzzzzzzzzzzzzzzzzzzzzzz allowed",
      "lk_0123456789abcde is only 15 hex",
      "reason=credential_unknown status=401",
      "hint lk_3f9a…c21e",
      "sha256 0123456789abcdef0123456789abcdef",
      "tenant ten_01hzzzzzzzzzzzzzzzzzzzzzzz"})
  void textWithoutSecretsIsUnchanged(String text) {
    assertThat(Redaction.redact(text)).isEqualTo(text);
  }

  @Test
  void nullStaysNull() {
    assertThat(Redaction.redact(null)).isNull();
  }
}
