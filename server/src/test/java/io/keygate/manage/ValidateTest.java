package io.keygate.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.KeygateException;
import io.keygate.keys.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateTest {
  private static void assertInvalid(ThrowingCallable call, String... inMessage) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(KeygateException.class,
            e -> assertThat(e.kind()).isEqualTo(KeygateException.Kind.INVALID_ARGUMENT))
        .hasMessageContainingAll(inMessage);
  }

  @Test
  void nameIsStrippedAndKept() {
    assertThat(Validate.name("name", "  payments service \t", 200)).isEqualTo("payments service");
    assertThat(Validate.name("name", "Zoë's key 🔑", 200)).isEqualTo("Zoë's key 🔑");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t \n"})
  void blankNameIsRequired(String value) {
    assertInvalid(() -> Validate.name("api_key.name", value, 200), "api_key.name", "required");
  }

  @Test
  void nameLengthIsCheckedAfterStripping() {
    assertThat(Validate.name("name", "  " + "a".repeat(10) + "  ", 10)).hasSize(10);
    assertInvalid(() -> Validate.name("name", "a".repeat(11), 10), "name", "11 characters", "at most 10");
  }

  @ParameterizedTest
  @ValueSource(strings = {"line\nbreak", "tab\there", "bell\u0007", "nul\u0000", "del\u007f", "c1\u0085"})
  void nameRefusesControlCharacters(String value) {
    assertInvalid(() -> Validate.name("name", value, 200), "name", "control character");
  }

  @Test
  void controlCharacterPositionIsReportedWithoutEchoingTheValue() {
    assertThatThrownBy(() -> Validate.name("name", "secret\u0001value", 200))
        .hasMessageContaining("position 6")
        .hasMessageNotContaining("secret");
  }

  @Test
  void brokenUnicodeIsRefused() {
    assertInvalid(() -> Validate.name("name", "lone \uD83D surrogate", 200), "broken Unicode");
    assertInvalid(() -> Validate.description("description", "reversed \uDD11\uD83D", 200), "broken Unicode");
  }

  @Test
  void descriptionAllowsEmptyAndLineBreaksButNotOtherControls() {
    assertThat(Validate.description("description", "", 10)).isEmpty();
    assertThat(Validate.description("description", "a\nb\r\n\tc", 10)).isEqualTo("a\nb\r\n\tc");
    assertThat(Validate.description("description", "  kept as is  ", 20)).isEqualTo("  kept as is  ");
    assertInvalid(() -> Validate.description("description", "esc\u001b[31m", 20), "control character");
    assertInvalid(() -> Validate.description("description", "x".repeat(21), 20), "at most 20");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ada@example.com", "a@b", "first.last+tag@sub.example.org"})
  void acceptableEmails(String value) {
    assertThat(Validate.email("email", value)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ada", "@example.com", "ada@", "ada@@example.com", "a da@example.com", "ada@exa mple.com",
      "a@b@c"})
  void malformedEmails(String value) {
    assertInvalid(() -> Validate.email("email", value), "email", "e-mail address");
  }

  @Test
  void overLongEmailIsRefusedOnLength() {
    assertInvalid(() -> Validate.email("email", "a".repeat(310) + "@example.com"), "at most 320");
  }

  @ParameterizedTest
  @ValueSource(strings = {"team", "project", "org_unit", "a", "x-1", "0team"})
  void acceptableKinds(String value) {
    assertThat(Validate.kind("kind", value)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Team", "_team", "-team", "te am", "team.unit", "é"})
  void malformedKinds(String value) {
    assertInvalid(() -> Validate.kind("scope.kind", value), "scope.kind", "[a-z0-9_-]");
  }

  @Test
  void kindIsAtMostFortyCharacters() {
    assertThat(Validate.kind("kind", "k".repeat(40))).hasSize(40);
    assertInvalid(() -> Validate.kind("kind", "k".repeat(41)), "1-40");
  }

  @Test
  void idsMustHaveTheirTypesShape() {
    String key = Ids.apiKey();

    assertThat(Validate.id("key_id", key, "key", false)).isEqualTo(key);
    assertInvalid(() -> Validate.id("key_id", Ids.token(), "key", false), "key_id", "'key_'");
    assertInvalid(() -> Validate.id("key_id", "key_1", "key", false), "'key_'");
    assertInvalid(() -> Validate.id("key_id", key.toUpperCase(), "key", true), "'key_'");
  }

  @Test
  void emptyIdIsRequiredUnlessOptional() {
    assertThat(Validate.id("role_id", "", "rol", true)).isEmpty();
    assertInvalid(() -> Validate.id("role_id", "", "rol", false), "role_id", "required");
  }

  @Test
  void tagsWithGoodNamesAndValuesAreKept() {
    Map<String, String> tags = Map.of("env", "prod", "team.name", "Payments & Billing", "cost_center", "");

    assertThat(Validate.tags("tags", tags)).isEqualTo(tags);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Env", "-env", "env var", "env:prod", "é"})
  void malformedTagNamesAreRefused(String name) {
    assertInvalid(() -> Validate.tags("tags", Map.of(name, "x")), "tags", "tag name");
  }

  @Test
  void tagValuesAreSingleLineAndAtMost256Characters() {
    assertThat(Validate.tags("tags", Map.of("k", "v".repeat(256)))).hasSize(1);
    assertInvalid(() -> Validate.tags("tags", Map.of("k", "v".repeat(257))), "tags[k]", "at most 256");
    assertInvalid(() -> Validate.tags("tags", Map.of("k", "two\nlines")), "tags[k]", "control character");
  }

  @Test
  void atMostFiftyTags() {
    Map<String, String> tags = new HashMap<>();
    for (int i = 0; i < Validate.MAX_TAGS; i++) {
      tags.put("t" + i, "v");
    }
    assertThat(Validate.tags("tags", tags)).hasSize(50);
    tags.put("one-more", "v");
    assertInvalid(() -> Validate.tags("tags", tags), "51 tags", "at most 50");
  }

  @Test
  void permissionsAreCheckedOneByOneAndCopied() {
    List<String> permissions = new ArrayList<>(List.of("orders:read", "api-keys:read:all", "*"));

    List<String> checked = Validate.permissions("permissions", permissions);
    permissions.add("late:addition");

    assertThat(checked).containsExactly("orders:read", "api-keys:read:all", "*");
  }

  @Test
  void aMalformedPermissionIsReportedWithItsIndex() {
    assertInvalid(() -> Validate.permissions("permissions", List.of("orders:read", "ORDERS")), "permissions[1]",
        "resource:action");
    assertInvalid(() -> Validate.permissions("permissions", List.of("orders:read", "")), "permissions[1]", "empty");
    assertInvalid(() -> Validate.permissions("permissions", List.of("orders:read:all:x")), "permissions[0]");
  }

  @Test
  void atMostTwoHundredPermissions() {
    List<String> permissions = new ArrayList<>();
    for (int i = 0; i < Validate.MAX_PERMISSIONS; i++) {
      permissions.add("r" + i + ":read");
    }
    assertThat(Validate.permissions("permissions", permissions)).hasSize(200);
    permissions.add("one:more");
    assertInvalid(() -> Validate.permissions("permissions", permissions), "201 entries", "at most 200");
  }
}
