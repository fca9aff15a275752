package io.keygate.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.KeygateException;
import io.keygate.keys.Ids;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PagesTest {
  private static String encode(String position) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertInvalid(ThrowingCallable call, String text) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(KeygateException.class,
            e -> assertThat(e.kind()).isEqualTo(KeygateException.Kind.INVALID_ARGUMENT))
        .hasMessageContaining(text);
  }

  @ParameterizedTest
  @CsvSource({"0, 50", "1, 1", "50, 50", "999, 999", "1000, 1000"})
  void sizeDefaultsToFiftyAndAcceptsUpToAThousand(int requested, int expected) {
    assertThat(Pages.size(requested)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, -50, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void sizeOutOfRangeIsRefused(int requested) {
    assertInvalid(() -> Pages.size(requested), "page_size");
  }

  @Test
  void emptyTokenStartsAtTheBeginning() {
    assertThat(Pages.after("")).isEmpty();
  }

  @Test
  void aShortPageIsTheLast() {
    assertThat(Pages.next(List.of("key_a", "key_b"), 3, Function.identity())).isEmpty();
    assertThat(Pages.next(List.of(), 50, Function.identity())).isEmpty();
  }

  @Test
  void aFullPageGivesATokenForTheItemsAfterItsLast() {
    String token = Pages.next(List.of("key_a", "key_b", "key_c"), 3, Function.identity());

    assertThat(token).isNotEmpty().doesNotContain("=").matches("[A-Za-z0-9_-]+");
    assertThat(Pages.after(token)).isEqualTo("key_c");
  }

  @Test
  void tokensUseThePositionFunction() {
    record Item(String id, String name) {}
    List<Item> items = List.of(new Item("rol_1", "reader"), new Item("rol_2", "writer"));

    assertThat(Pages.after(Pages.next(items, 2, Item::id))).isEqualTo("rol_2");
  }

  @Test
  void walkingPagesVisitsEveryItemOnce() {
    List<String> all = IntStream.range(0, 23).mapToObj(i -> Ids.apiKey()).sorted().toList();
    List<String> seen = new ArrayList<>();
    String token = "";
    do {
      String after = Pages.after(token);
      List<String> page = all.stream().filter(id -> id.compareTo(after) > 0).limit(5).toList();
      seen.addAll(page);
      token = Pages.next(page, 5, Function.identity());
    } while (!token.isEmpty());

    assertThat(seen).containsExactlyElementsOf(all);
  }

  @Test
  void paddedTokensAreAcceptedToo() {
    String padded = Base64.getUrlEncoder().encodeToString("key_a".getBytes(StandardCharsets.UTF_8));

    assertThat(padded).endsWith("=");
    assertThat(Pages.after(padded)).isEqualTo("key_a");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64!", "a", "key_c", "////", "+/+/"})
  void tokensThatAreNotBase64UrlAreRefused(String token) {
    assertInvalid(() -> Pages.after(token), "page_token");
  }

  @ParameterizedTest
  @ValueSource(strings = {"KEY_C", "key c", "key_c' or '1'='1", "kéy", "key-c", "\u0000"})
  void tokensThatDoNotDecodeToAPositionAreRefused(String position) {
    assertInvalid(() -> Pages.after(encode(position)), "page_token");
  }

  @Test
  void positionsUpTo64CharactersAreAccepted() {
    assertThat(Pages.after(encode("a".repeat(64)))).hasSize(64);
    assertInvalid(() -> Pages.after(encode("a".repeat(65))), "page_token");
  }
}
