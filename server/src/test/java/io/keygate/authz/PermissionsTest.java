package io.keygate.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionsTest {

  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource({
      // exact matches
      "api-keys:read:all,  api-keys:read:all,  true",
      "orders:read,        orders:read,        true",
      // different resource or action
      "orders:read,        invoices:read,      false",
      "orders:read,        orders:write,       false",
      "orders:read:all,    orders:write:all,   false",
      "orders:read,        orders:readers,     false",
      "order:read,         orders:read,        false",
      // the lone wildcard covers everything
      "*,                  orders:read,        true",
      "*,                  api-keys:delete:all, true",
      // wildcard segments
      "*:read,             orders:read,        true",
      "*:read,             orders:write,       false",
      "orders:*,           orders:delete,      true",
      "orders:*,           orders:delete:own,  true",
      "orders:*,           invoices:delete,    false",
      "*:*,                anything:at-all,    true",
      "orders:read:*,      orders:read:team,   true",
      "orders:read:*,      orders:write:team,  false",
      // a grant without qualifier covers every qualifier of its action
      "orders:read,        orders:read:all,    true",
      "orders:read,        orders:read:custom, true",
      // a requirement without qualifier is met by any qualifier of its action
      "orders:read:own,    orders:read,        true",
      "orders:read:own,    orders:write,       false",
      // qualifiers nest: all > team > own
      "api-keys:read:all,  api-keys:read:team, true",
      "api-keys:read:all,  api-keys:read:own,  true",
      "api-keys:read:team, api-keys:read:own,  true",
      "api-keys:read:team, api-keys:read:team, true",
      "api-keys:read:team, api-keys:read:all,  false",
      "api-keys:read:own,  api-keys:read:team, false",
      "api-keys:read:own,  api-keys:read:all,  false",
      // unknown qualifiers only match themselves
      "orders:read:region, orders:read:region, true",
      "orders:read:all,    orders:read:region, false",
      "orders:read:region, orders:read:own,    false",
      // a requirement must have at least resource and action
      "orders:read,        orders,             false",
      "orders:read,        '',                 false"})
  void coversFollowsWildcardsAndQualifierNesting(String granted, String required, boolean expected) {
    assertThat(Permissions.covers(granted, required)).isEqualTo(expected);
  }

  @Test
  void allowsWhenAnyGrantCovers() {
    List<String> granted = List.of("orders:read:own", "invoices:*", "api-keys:read:team");

    assertThat(Permissions.allows(granted, "invoices:delete")).isTrue();
    assertThat(Permissions.allows(granted, "api-keys:read:own")).isTrue();
    assertThat(Permissions.allows(granted, "orders:read:own")).isTrue();
    assertThat(Permissions.allows(granted, "orders:read:team")).isFalse();
    assertThat(Permissions.allows(granted, "api-keys:read:all")).isFalse();
    assertThat(Permissions.allows(granted, "api-keys:create:own")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders", "", ":"})
  void aMalformedGrantAllowsNothingAndDoesNotFail(String granted) {
    assertThat(Permissions.allows(List.of(granted), "orders:read")).isFalse();
    assertThat(Permissions.allows(List.of(granted, "orders:read"), "orders:read")).isTrue();
  }

  @Test
  void nothingGrantedAllowsNothing() {
    assertThat(Permissions.allows(List.of(), "orders:read")).isFalse();
  }

  @Test
  void coversAllNeedsEveryWantedPermissionCovered() {
    List<String> held = List.of("orders:*", "api-keys:read:team");

    assertThat(Permissions.coversAll(held, List.of())).isTrue();
    assertThat(Permissions.coversAll(held, List.of("orders:read", "orders:write:own", "api-keys:read:own")))
        .isTrue();
    assertThat(Permissions.coversAll(held, List.of("orders:read", "api-keys:read:all"))).isFalse();
    assertThat(Permissions.coversAll(List.of("*"), List.of("*", "anything:goes"))).isTrue();
  }

  @ParameterizedTest(name = "holding {0} does not allow granting {1}")
  @CsvSource({
      "orders:read,        *",
      "orders:read,        orders:*",
      "orders:read,        *:read",
      "orders:read:all,    orders:read:*",
      "api-keys:read:team, api-keys:read:all",
      // an unqualified grant covers every qualifier, so it is broader than any qualified one
      "api-keys:read:own,  api-keys:read",
      "api-keys:read:team, api-keys:read",
      "api-keys:read:all,  api-keys:read"})
  void coversAllRefusesGrantsBroaderThanWhatIsHeld(String held, String wanted) {
    assertThat(Permissions.coversAll(List.of(held), List.of(wanted))).isFalse();
  }

  @Test
  void whatCoversAllAcceptsNeverAllowsMoreThanWhatIsHeld() {
    List<String> grants = permissions(List.of("orders", "api-keys", "*"), List.of("read", "write", "*"),
        List.of("", "own", "team", "all", "region", "*"));
    List<String> grantsAndStar = new ArrayList<>(grants);
    grantsAndStar.add("*");
    List<String> requests = permissions(List.of("orders", "api-keys"), List.of("read", "write"),
        List.of("", "own", "team", "all", "region"));

    for (String held : grantsAndStar) {
      for (String wanted : grantsAndStar) {
        if (!Permissions.coversAll(List.of(held), List.of(wanted))) {
          continue;
        }
        for (String required : requests) {
          if (Permissions.covers(wanted, required)) {
            assertThat(Permissions.covers(held, required))
                .as("%s may grant %s, which allows %s", held, wanted, required)
                .isTrue();
          }
        }
      }
    }
  }

  @Test
  void equalOrNarrowerGrantsAreAccepted() {
    assertThat(Permissions.coversAll(List.of("api-keys:read"), List.of("api-keys:read:own", "api-keys:read")))
        .isTrue();
    assertThat(Permissions.coversAll(List.of("api-keys:read:*"), List.of("api-keys:read"))).isTrue();
    assertThat(Permissions.coversAll(List.of("api-keys:*"), List.of("api-keys:read", "api-keys:write:all")))
        .isTrue();
    assertThat(Permissions.coversAll(List.of("api-keys:read:all"), List.of("api-keys:read:team"))).isTrue();
  }

  private static List<String> permissions(List<String> resources, List<String> actions, List<String> qualifiers) {
    List<String> out = new ArrayList<>();
    for (String resource : resources) {
      for (String action : actions) {
        for (String qualifier : qualifiers) {
          out.add(resource + ":" + action + (qualifier.isEmpty() ? "" : ":" + qualifier));
        }
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "*",
      "orders:read",
      "orders:read:all",
      "api-keys:delete:own",
      "*:*",
      "orders:*:team",
      "a.b_c-d:x9:y",
      "0:1"})
  void wellFormedPermissionsHaveNoProblem(String permission) {
    assertThat(Permissions.problem(permission)).isNull();
  }

  @Test
  void segmentsUpTo63CharactersAreAccepted() {
    assertThat(Permissions.problem("a".repeat(63) + ":read")).isNull();
    assertThat(Permissions.problem("a".repeat(64) + ":read")).isNotNull();
  }

  @ParameterizedTest
  @NullAndEmptySource
  void emptyPermissionIsAProblem(String permission) {
    assertThat(Permissions.problem(permission)).isEqualTo("is empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders", "orders:read:all:extra", "a:b:c:d:e"})
  void wrongNumberOfSegmentsIsAProblem(String permission) {
    assertThat(Permissions.problem(permission)).contains("resource:action");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ORDERS:read",
      "orders:Read",
      "orders:read:ALL",
      ":read",
      "orders:",
      "orders::all",
      "orders:read:",
      "-orders:read",
      ".orders:read",
      "orders:re ad",
      " orders:read",
      "orders:read ",
      "orders:re*",
      "**:read",
      "orders:read/all",
      "ordérs:read",
      "orders:read\n"})
  void malformedSegmentsAreAProblem(String permission) {
    assertThat(Permissions.problem(permission)).contains("segment");
  }
}
