package io.keygate.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {
  private static final RouteTable TABLE = RouteTable.parse("""
      # method  path pattern              permission
      GET       /v1/conversations/**      conversations:read
      POST      /v1/conversations         conversations:write
      DELETE    /v1/conversations/{id}    conversations:delete
      PUT       /v1/conversations/*/title conversations:rename
      *         /healthz                  public
      *         /                         public
      """, "routes.txt");

  private static String permission(RouteTable table, String method, String path) {
    RouteTable.Route route = table.match(method, path);
    return route == null ? null : route.isPublic() ? "public" : route.permission();
  }

  @Test
  void parsesRoutesSkippingCommentsAndBlankLines() {
    RouteTable table = RouteTable.parse("# routes\n\n   \n\tget /a/{id}   things:read   # trailing comment\r\n"
        + "  *\t/b  public\n#GET /c things:read\n", "t");
    assertThat(table.routes()).containsExactly(
        new RouteTable.Route("GET", "/a/{id}", "things:read"),
        new RouteTable.Route("*", "/b", null));
    assertThat(table.routes().get(1).isPublic()).isTrue();
    assertThat(table.routes().get(0).isPublic()).isFalse();
    assertThat(RouteTable.parse("", "t").routes()).isEmpty();
    assertThat(RouteTable.parse("# nothing\n\n", "t").routes()).isEmpty();
    assertThat(TABLE.routes()).hasSize(6);
  }

  @Test
  void qualifiedPermissionsAreAccepted() {
    assertThat(RouteTable.parse("GET /v1/keys api-keys:read:all", "t").routes().get(0).permission())
        .isEqualTo("api-keys:read:all");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "GET /a",                          // too few fields
      "GET /a things:read extra",        // too many fields
      "G3T /a things:read",              // not a method
      "GET a/b things:read",             // pattern not absolute
      "GET /a//b things:read",           // empty segment
      "GET /a/ things:read",             // trailing empty segment
      "GET /**/a things:read",           // ** not last
      "GET /a/%2e things:read",          // percent sign in a literal
      "GET /a/{} things:read",           // empty parameter name
      "GET /a/b* things:read",           // partial wildcard
      "GET /a things",                   // no action
      "GET /a things:*",                 // wildcard permission
      "GET /a *",                        // wildcard permission
      "GET /a Things:read",              // upper case
      "GET /a things:read:all:more",     // too many segments
      "GET /a private"})                 // neither a permission nor public
  void errorsNameTheSourceAndTheLine(String badLine) {
    assertThatThrownBy(() -> RouteTable.parse("# ok\nGET /ok things:read\n\n" + badLine + "\n", "routes.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("routes.txt line 4: ");
  }

  @Test
  void loadsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("routes");
    Files.writeString(file, "GET /v1/things/** things:read\n");
    assertThat(permission(RouteTable.load(file), "GET", "/v1/things/1")).isEqualTo("things:read");

    Files.writeString(file, "GET /v1/things/** things:read\nGET /v1/x\n");
    assertThatThrownBy(() -> RouteTable.load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file + " line 2");
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> RouteTable.load(missing)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(missing.toString());
  }

  @ParameterizedTest
  @CsvSource(nullValues = "none", value = {
      "GET,    /v1/conversations,                     conversations:read",    // ** matches no segment
      "GET,    /v1/conversations/,                    conversations:read",
      "GET,    /v1/conversations/c1,                  conversations:read",
      "GET,    /v1/conversations/c1/messages/m2,      conversations:read",
      "get,    /v1/conversations/c1,                  conversations:read",    // method case
      "HEAD,   /v1/conversations/c1,                  none",
      "GET,    /v1/conversationsX,                    none",
      "GET,    /V1/conversations,                     none",                  // literals are case-sensitive
      "POST,   /v1/conversations,                     conversations:write",
      "POST,   /v1/conversations/,                    none",                  // exact: no trailing slash
      "POST,   /v1/conversations/c1,                  none",
      "DELETE, /v1/conversations/c1,                  conversations:delete",  // {id}: exactly one segment
      "DELETE, /v1/conversations,                     none",
      "DELETE, /v1/conversations/,                    none",
      "DELETE, /v1/conversations/c1/messages,         none",
      "PUT,    /v1/conversations/c1/title,            conversations:rename",  // *: exactly one segment
      "PUT,    /v1/conversations/title,               none",
      "PUT,    /v1/conversations/c1/c2/title,         none",
      "GET,    /healthz,                              public",                // method *
      "OPTIONS,/healthz,                              public",
      "BREW,   /healthz,                              public",
      "GET,    /healthz/deep,                         none",
      "GET,    /,                                     public",
      "GET,    /other,                                none"})
  void matchesMethodAndPath(String method, String path, String expected) {
    assertThat(permission(TABLE, method, path)).as("%s %s", method, path).isEqualTo(expected);
  }

  @Test
  void theFirstMatchingRouteWins() {
    RouteTable table = RouteTable.parse("""
        GET /v1/admin/**   admin:read
        *   /v1/**         public
        GET /v1/admin/x    never:read
        """, "t");
    assertThat(permission(table, "GET", "/v1/admin/x")).isEqualTo("admin:read");
    assertThat(permission(table, "POST", "/v1/admin/x")).isEqualTo("public");
    assertThat(permission(table, "GET", "/v1/open")).isEqualTo("public");
    assertThat(table.match("GET", "/v1/admin/x")).isSameAs(table.routes().get(0));
  }

  @Test
  void theQueryStringAndFragmentAreIgnored() {
    assertThat(permission(TABLE, "POST", "/v1/conversations?draft=true&x=/../y")).isEqualTo("conversations:write");
    assertThat(permission(TABLE, "POST", "/v1/conversations?")).isEqualTo("conversations:write");
    assertThat(permission(TABLE, "DELETE", "/v1/conversations/c1#top")).isEqualTo("conversations:delete");
    assertThat(permission(TABLE, "GET", "/healthz?verbose")).isEqualTo("public");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "//v1/conversations",
      "/v1//conversations/c1",
      "/v1/conversations//c1",
      "/v1/./conversations/c1",
      "/v1/conversations/./c1",
      "/v1/conversations/.",
      "/v1/conversations/../admin",
      "/v1/conversations/..",
      "/v1/conversations/c1/../../admin",
      "/v1/conversations/..;/admin",
      "/v1/conversations/.;x/c1",
      "/v1/conversations/%2e%2e/admin",
      "/v1/conversations/%2E%2E/admin",
      "/v1/conversations/%2e/c1",
      "/v1/conversations%2fc1",
      "/v1/conversations/c1%2F..%2Fadmin",
      "/v1/conversations/%5c..%5cadmin",
      "/v1/conversations/%5C",
      "/v1/conversations/c1\\..\\admin",
      "/v1/conversations\\c1",
      "/healthz/..",
      "/./healthz",
      "v1/conversations",
      "*",
      "http://evil/v1/conversations",
      ""})
  void nonCanonicalPathsMatchNoRoute(String path) {
    RouteTable everything = RouteTable.parse("* /** everything:read\n", "t");
    assertThat(TABLE.match("GET", path)).as(path).isNull();
    assertThat(TABLE.match("DELETE", path)).as(path).isNull();
    assertThat(everything.match("GET", path)).as(path).isNull();
  }

  @Test
  void dotsInsideASegmentAreCanonical() {
    assertThat(permission(TABLE, "GET", "/v1/conversations/a.b/..c/.d/e..")).isEqualTo("conversations:read");
    assertThat(permission(TABLE, "GET", "/v1/conversations/%41")).isEqualTo("conversations:read");
  }

  @Test
  void publicRoutesNeedNoPermission() {
    RouteTable.Route route = TABLE.match("POST", "/healthz");
    assertThat(route).isNotNull();
    assertThat(route.isPublic()).isTrue();
    assertThat(route.permission()).isNull();
    assertThat(route.method()).isEqualTo("*");
    assertThat(route.pattern()).isEqualTo("/healthz");
  }

  @Test
  void theEmptyTableMatchesNothing() {
    assertThat(RouteTable.EMPTY.routes()).isEmpty();
    assertThat(RouteTable.EMPTY.match("GET", "/")).isNull();
    assertThat(RouteTable.EMPTY.match("GET", "/v1/conversations")).isNull();
  }
}
