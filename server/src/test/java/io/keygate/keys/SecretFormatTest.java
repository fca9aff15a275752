package io.keygate.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.keygate.keys.SecretFormat.Shape;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretFormatTest {
  private final SecretFormat format = new SecretFormat(SecretFormat.DEFAULT_PREFIX);

  /** A candidate with a correct CRC32 over {@code body}, computed here independently of the class. */
  private static String withChecksum(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    return body + String.format("%08x", crc.getValue());
  }

  @Test
  void generatedSecretIsLkPrefixAnd64LowerCaseHex() {
    String secret = format.generate();

    assertThat(secret).matches("lk_[0-9a-f]{64}");
    assertThat(format.length()).isEqualTo(67);
    assertThat(secret).hasSize(format.length());
  }

  @Test
  void lastEightHexAreTheCrc32OfEverythingBefore() {
    String secret = format.generate();

    assertThat(secret).isEqualTo(withChecksum(secret.substring(0, 59)));
  }

  @Test
  void generatedSecretsAreValidAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      String secret = format.generate();
      assertThat(format.check(secret)).isEqualTo(Shape.VALID);
      seen.add(secret);
    }
    assertThat(seen).hasSize(500);
  }

  @Test
  void aHandBuiltCandidateWithCorrectChecksumIsValid() {
    assertThat(format.check(withChecksum("lk_" + "0123456789abcdef".repeat(3) + "01234567"))).isEqualTo(Shape.VALID);
  }

  @ParameterizedTest
  @NullAndEmptySource
  void nothingIsMissing(String candidate) {
    assertThat(format.check(candidate)).isEqualTo(Shape.MISSING);
  }

  static Stream<String> malformed() {
    String good = withChecksum("lk_" + "a1".repeat(28));
    return Stream.of(
        withChecksum("lx_" + "a1".repeat(28)),                 // wrong prefix, checksum fine
        withChecksum("LK_" + "a1".repeat(28)),                 // upper-case prefix
        withChecksum("lk-" + "a1".repeat(28)),                 // wrong separator
        withChecksum("lk_" + "A1".repeat(28)),                 // upper-case hex, checksum fine
        withChecksum("lk_" + "a1".repeat(27) + "g1"),          // not hex
        good.substring(0, good.length() - 1),                   // one short
        good + "0",                                             // one long
        withChecksum("lk_" + "a1".repeat(29)),                 // longer body, checksum fine
        good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0"), // bad checksum
        " " + good.substring(1),                                // right length, leading space
        good.substring(0, 66) + " ",                            // right length, trailing space
        "lk_",                                                  // prefix only
        "Bearer " + good,                                       // scheme not stripped
        good.repeat(1000));                                     // over-long
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedCandidatesAreRefused(String candidate) {
    assertThat(format.check(candidate)).isEqualTo(Shape.MALFORMED);
  }

  @Test
  void everySingleCharacterTypoIsCaughtByTheChecksum() {
    String secret = format.generate();
    IntStream.range(3, secret.length()).forEach(i -> {
      char c = secret.charAt(i);
      char typo = c == 'f' ? 'e' : (char) (c == '9' ? 'a' : c + 1);
      String candidate = secret.substring(0, i) + typo + secret.substring(i + 1);
      assertThat(format.check(candidate)).as("typo at %d", i).isEqualTo(Shape.MALFORMED);
    });
  }

  @Test
  void overLongInputIsRefusedOnItsLengthWithoutReadingIt() {
    CharSequence huge = new CharSequence() {
      @Override
      public int length() {
        return 50_000_000;
      }

      @Override
      public char charAt(int index) {
        throw new AssertionError("read character " + index);
      }

      @Override
      public CharSequence subSequence(int start, int end) {
        throw new AssertionError("read a subsequence");
      }

      @Override
      public String toString() {
        throw new AssertionError("read as a string");
      }
    };

    assertThat(format.check(huge)).isEqualTo(Shape.MALFORMED);
  }

  @Test
  void customPrefixChangesShapeAndLength() {
    SecretFormat acme = new SecretFormat("acme_");

    String secret = acme.generate();

    assertThat(secret).matches("acme_[0-9a-f]{64}");
    assertThat(acme.length()).isEqualTo(69);
    assertThat(acme.prefix()).isEqualTo("acme_");
    assertThat(acme.check(secret)).isEqualTo(Shape.VALID);
    assertThat(format.check(secret)).isEqualTo(Shape.MALFORMED);
    assertThat(acme.check(format.generate())).isEqualTo(Shape.MALFORMED);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"lk", "LK_", "1k_", "_", "lk-", "l k_", "lk__", "abcdefghijklmnopq_", "lk_\n"})
  void invalidPrefixesAreRejected(String prefix) {
    assertThatIllegalArgumentException().isThrownBy(() -> new SecretFormat(prefix));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a_", "lk_", "k9_", "abcdefghijklmnop_"})
  void validPrefixesAreAccepted(String prefix) {
    assertThat(new SecretFormat(prefix).generate()).startsWith(prefix);
  }

  @Test
  void digestIsSha256() {
    assertThat(HexFormat.of().formatHex(SecretFormat.digest("abc")))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void digestIsStableAndDistinguishesSecrets() {
    String one = format.generate();
    String two = format.generate();

    assertThat(SecretFormat.digest(one)).hasSize(32).isEqualTo(SecretFormat.digest(one));
    assertThat(SecretFormat.digest(one)).isNotEqualTo(SecretFormat.digest(two));
  }

  @Test
  void hintShowsPrefixFirstAndLastFourOnly() {
    String secret = "lk_3f9a" + "0".repeat(56) + "c21e";

    assertThat(format.hint(secret)).isEqualTo("lk_3f9a…c21e");
  }

  @Test
  void hintOfAGeneratedSecretDoesNotRevealIt() {
    String secret = format.generate();

    String hint = format.hint(secret);

    assertThat(hint).matches("lk_[0-9a-f]{4}…[0-9a-f]{4}");
    assertThat(hint).startsWith(secret.substring(0, 7)).endsWith(secret.substring(63));
    assertThat(format.check(hint)).isEqualTo(Shape.MALFORMED);
  }

  @Test
  void hintUsesTheCustomPrefix() {
    SecretFormat acme = new SecretFormat("acme_");
    String secret = acme.generate();

    assertThat(acme.hint(secret)).isEqualTo("acme_" + secret.substring(5, 9) + "…" + secret.substring(65));
  }
}
