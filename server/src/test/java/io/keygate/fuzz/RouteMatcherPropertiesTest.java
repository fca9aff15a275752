package io.keygate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.authz.RouteTable;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based tests of the route matcher: it never throws on any method or path, a path built
 * from a pattern matches that pattern's route, and no crafted form of a path — dot segments, doubled
 * slashes, encoded separators — reaches a protected route it would not reach in canonical form.
 */
class RouteMatcherPropertiesTest {
  private static final RouteTable ROUTES = RouteTable.parse("""
      GET     /v1/orders/{id}            orders:read
      DELETE  /v1/orders/{id}            orders:delete
      GET     /v1/orders/{id}/items/**   orders:read
      POST    /v1/admin/*                admin:write
      *       /healthz                   public
      """, "test");

  @Property(tries = 5000)
  void neverThrowsOnAnyInput(@ForAll("methods") String method, @ForAll("paths") String path) {
    RouteTable.Route route = ROUTES.match(method, path);
    if (route != null) {
      assertThat(path).startsWith("/");
    }
  }

  @Property(tries = 2000)
  void aPathBuiltFromAPatternMatchesItsRoute(@ForAll("segments") String id, @ForAll("segments") String item,
      @ForAll("segments") String more) {
    assertThat(ROUTES.match("GET", "/v1/orders/" + id).permission()).isEqualTo("orders:read");
    assertThat(ROUTES.match("delete", "/v1/orders/" + id).permission()).isEqualTo("orders:delete");
    assertThat(ROUTES.match("GET", "/v1/orders/" + id + "/items/" + item + "/" + more + "?q=1").permission())
        .isEqualTo("orders:read");
    assertThat(ROUTES.match("POST", "/v1/admin/" + id).permission()).isEqualTo("admin:write");
    assertThat(ROUTES.match("PUT", "/v1/orders/" + id)).isNull();
    assertThat(ROUTES.match("GET", "/v1/orders/" + id + "/" + item)).isNull();
  }

  /** Any non-canonical rewriting of a path matches nothing at all, not even a public route. */
  @Property(tries = 3000)
  void nonCanonicalPathsMatchNothing(@ForAll("segments") String id, @ForAll("tricks") String trick,
      @ForAll("positions") int position) {
    List<String> parts = new java.util.ArrayList<>(List.of("v1", "admin", id));
    parts.add(Math.min(position, parts.size()), trick);
    String path = "/" + String.join("/", parts);
    assertThat(ROUTES.match("POST", path)).as(path).isNull();
    assertThat(ROUTES.match("GET", path.replace("/v1/admin", "/healthz"))).isNull();
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.oneOf(Arbitraries.of("GET", "get", "POST", "DELETE", "*", ""),
        Arbitraries.strings().all().ofMaxLength(12));
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> structured = Combinators.combine(
        Arbitraries.of("", "/", "//", "/v1/orders/", "/v1/admin/", "/healthz", "/./", "/../", "%2e%2e/", "%2F"),
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.of("", "?", "#", "/", ";", "/..;", "?a=/../"))
        .as((a, b, c) -> a + b + c);
    return Arbitraries.oneOf(structured, Arbitraries.strings().all().ofMaxLength(300),
        Arbitraries.strings().withChars("/.%2eEfF;?#\\").ofMaxLength(30));
  }

  @Provide
  Arbitrary<String> segments() {
    return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("-_~").ofMinLength(1).ofMaxLength(12)
        .filter(s -> !s.equals(".") && !s.equals(".."));
  }

  @Provide
  Arbitrary<String> tricks() {
    return Arbitraries.of("", ".", "..", ".;", "..;", "%2e", "%2E%2E", "%2f", "%2F", "%5c", "%5C", "%2e%2e;");
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 3);
  }
}
