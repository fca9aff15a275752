package io.keygate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.decision.CredentialExtractor;
import io.keygate.keys.SecretFormat;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Property-based tests of the credential parser: the shape check and the header extractor see
 * whatever a client sends. They never throw, accept only well-formed secrets, and any one-character
 * change to a real secret — substitution, insertion, deletion, case — is caught without a lookup.
 */
class CredentialParserPropertiesTest {
  private static final SecretFormat FORMAT = new SecretFormat(SecretFormat.DEFAULT_PREFIX);
  private static final CredentialExtractor EXTRACTOR = new CredentialExtractor(SecretFormat.DEFAULT_PREFIX);

  @Example
  void generatedSecretsAreValid() {
    for (int i = 0; i < 2000; i++) {
      assertThat(FORMAT.check(FORMAT.generate())).isEqualTo(SecretFormat.Shape.VALID);
    }
  }

  @Property(tries = 3000)
  void anySubstitutedCharacterIsCaught(@ForAll @IntRange(min = 0, max = 66) int position,
      @ForAll("anyChar") char replacement) {
    String secret = FORMAT.generate();
    if (secret.charAt(position) == replacement) {
      return;
    }
    String changed = secret.substring(0, position) + replacement + secret.substring(position + 1);
    assertThat(FORMAT.check(changed)).as(changed).isEqualTo(SecretFormat.Shape.MALFORMED);
  }

  @Property(tries = 1000)
  void insertionsDeletionsAndUpperCaseAreCaught(@ForAll @IntRange(min = 0, max = 66) int position,
      @ForAll("anyChar") char inserted) {
    String secret = FORMAT.generate();
    assertThat(FORMAT.check(secret.substring(0, position) + inserted + secret.substring(position)))
        .isEqualTo(SecretFormat.Shape.MALFORMED);
    assertThat(FORMAT.check(secret.substring(0, position) + secret.substring(position + 1)))
        .isEqualTo(SecretFormat.Shape.MALFORMED);
    String upper = secret.toUpperCase();
    assertThat(FORMAT.check(upper)).isEqualTo(SecretFormat.Shape.MALFORMED);
  }

  /** Arbitrary input — any code point, NULs, lone surrogates, 10 KB — never throws and is never valid. */
  @Property(tries = 3000)
  void arbitraryInputIsMissingOrMalformed(@ForAll("hostile") String candidate) {
    SecretFormat.Shape shape = FORMAT.check(candidate);
    assertThat(shape).isEqualTo(candidate.isEmpty() ? SecretFormat.Shape.MISSING : SecretFormat.Shape.MALFORMED);
  }

  /** Whatever headers arrive, the extractor answers (credential or refusal) and invents nothing. */
  @Property(tries = 3000)
  void extractorNeverThrowsAndOnlyReturnsWhatWasSent(@ForAll("headerNames") String name1,
      @ForAll("hostile") String value1, @ForAll("headerNames") String name2, @ForAll("hostile") String value2) {
    Map<String, String> headers = new HashMap<>();
    headers.put(name1, value1);
    headers.put(name2, value2);
    CredentialExtractor.Found found = EXTRACTOR.fromHeaders(headers);
    assertThat(found).isNotNull();
    if (found.refusal() == null && found.credential() != null && !found.credential().isEmpty()) {
      assertThat(headers.values()).anyMatch(v -> v.contains(found.credential()));
    }
    assertThat(EXTRACTOR.credentialInQuery("/x?" + name1 + "=" + value1)).isNotNull();
  }

  @Provide
  Arbitrary<Character> anyChar() {
    return Arbitraries.oneOf(Arbitraries.chars().with("0123456789abcdef".toCharArray()), Arbitraries.chars().all(),
        Arbitraries.of('G', 'g', 'A', 'F', '_', '\0', ' ', 'é'));
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(80),
        Arbitraries.strings().withChars("lk_0123456789abcdefABCDEF\0 ").ofMinLength(60).ofMaxLength(70),
        Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMaxLength(67),
        Arbitraries.strings().all().ofLength(10_240),
        Arbitraries.just(""),
        Arbitraries.strings().ascii().ofMaxLength(200).map(s -> "Bearer " + s),
        Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).map(s -> "lk_" + s));
  }

  @Provide
  Arbitrary<String> headerNames() {
    return Arbitraries.oneOf(Arbitraries.of("x-api-key", "authorization", "X-Api-Key", "Authorization", "cookie"),
        Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(20));
  }

  @Property(tries = 20)
  void checkWorkIsBoundedByTheLength(@ForAll @StringLength(min = 100_000, max = 200_000) String huge) {
    assertThat(FORMAT.check(huge)).isEqualTo(SecretFormat.Shape.MALFORMED);
  }
}
