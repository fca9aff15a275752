package io.keygate.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {
  private static final String CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

  static Stream<Arguments> factories() {
    return Stream.of(
        Arguments.of("ten", (Supplier<String>) Ids::tenant),
        Arguments.of("scp", (Supplier<String>) Ids::scope),
        Arguments.of("prn", (Supplier<String>) Ids::principal),
        Arguments.of("rol", (Supplier<String>) Ids::role),
        Arguments.of("key", (Supplier<String>) Ids::apiKey),
        Arguments.of("tok", (Supplier<String>) Ids::token));
  }

  @ParameterizedTest
  @MethodSource("factories")
  void eachFactoryUsesItsPrefixAnd26CrockfordCharacters(String prefix, Supplier<String> factory) {
    String id = factory.get();

    assertThat(id).startsWith(prefix + "_").hasSize(30);
    assertThat(id.substring(4).chars()).allMatch(c -> CROCKFORD.indexOf(c) >= 0);
    assertThat(Ids.looksLike(prefix, id)).isTrue();
  }

  @ParameterizedTest
  @MethodSource("factories")
  void anIdDoesNotLookLikeAnotherType(String prefix, Supplier<String> factory) {
    String id = factory.get();
    List<String> others = Stream.of("ten", "scp", "prn", "rol", "key", "tok").filter(p -> !p.equals(prefix)).toList();

    assertThat(others).allMatch(other -> !Ids.looksLike(other, id));
  }

  @Test
  void theFirstTenCharactersEncodeTheCreationMillisecond() {
    long before = System.currentTimeMillis();
    String id = Ids.next("abc");
    long after = System.currentTimeMillis();

    long time = 0;
    for (char c : id.substring(4, 14).toCharArray()) {
      time = time * 32 + CROCKFORD.indexOf(c);
    }
    assertThat(time).isBetween(before, after);
  }

  @Test
  void idsSortByCreationTime() throws InterruptedException {
    String first = Ids.apiKey();
    Thread.sleep(3);
    String second = Ids.apiKey();
    Thread.sleep(3);
    String third = Ids.apiKey();

    assertThat(List.of(third, first, second).stream().sorted().toList()).containsExactly(first, second, third);
  }

  @Test
  void idsAreUnique() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(Ids.token());
    }
    assertThat(seen).hasSize(10_000);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "key_",
      "key_01hzzzzzzzzzzzzzzzzzzzzzz",        // 25 characters
      "key_01hzzzzzzzzzzzzzzzzzzzzzzzz",      // 27 characters
      "key_01HZZZZZZZZZZZZZZZZZZZZZZZ",        // upper case
      "key_01hzzzzzzzzzzzzzzzzzzzzzzi",        // i is not Crockford
      "key_01hzzzzzzzzzzzzzzzzzzzzzzl",        // l is not Crockford
      "key_01hzzzzzzzzzzzzzzzzzzzzzzo",        // o is not Crockford
      "key_01hzzzzzzzzzzzzzzzzzzzzzzu",        // u is not Crockford
      "key-01hzzzzzzzzzzzzzzzzzzzzzzz",
      "tok_01hzzzzzzzzzzzzzzzzzzzzzzz",        // another type
      "key_01hzzzzzzzzzzzzzzzzzzzzzz ",
      " key_01hzzzzzzzzzzzzzzzzzzzzzz",
      "key_01hzzzzzzzzzzzzzzzzzzzzzz\n",
      "key_01hzzzzzzzzzz'; drop table"})
  void malformedIdsDoNotLookLikeKeys(String id) {
    assertThat(Ids.looksLike("key", id)).isFalse();
  }

  @Test
  void aWellFormedHandWrittenIdLooksLikeAKey() {
    assertThat(Ids.looksLike("key", "key_01hzzzzzzzzzzzzzzzzzzzzzzz")).isTrue();
    assertThat(Ids.looksLike("key", "key_0123456789abcdefghjkmnpqrs")).isTrue();
    assertThat(Ids.looksLike("key", "key_tvwxyz0123456789abcdefghjk")).isTrue();
  }

  @Test
  void aPrefixThatIsNotThreeLettersNeverMatches() {
    assertThat(Ids.looksLike("ke", "ke_01hzzzzzzzzzzzzzzzzzzzzzzz")).isFalse();
    assertThat(Ids.looksLike("keys", "keys_01hzzzzzzzzzzzzzzzzzzzzzzz")).isFalse();
  }
}
