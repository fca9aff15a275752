package io.keygate.authz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Maps an HTTP method and path to the permission a request needs. One route per line:
 *
 * <pre>
 * # method  path pattern              permission (resource:action) or "public"
 * GET       /v1/conversations/**      conversations:read
 * POST      /v1/conversations         conversations:write
 * DELETE    /v1/conversations/{id}    conversations:delete
 * *         /healthz                  public
 * </pre>
 *
 * <p>The first matching route wins. A pattern is a path of segments: a literal, {@code *} or
 * {@code {name}} (exactly one segment), or a final {@code **} (any number of segments, also none).
 * The method is an HTTP method or {@code *}. {@code public} routes are allowed without a credential.
 * The query string is ignored. Paths that are not canonical ({@code //}, {@code .} or {@code ..}
 * segments, also {@code .;} and {@code ..;} which servlet containers read as dot segments,
 * percent-encoded {@code /}, {@code .} or {@code \}) match no route, so a crafted path cannot slip
 * past a pattern; let Envoy normalise paths ({@code normalize_path}, {@code merge_slashes}).
 */
public final class RouteTable {
  /** What a route requires: a permission, or nothing for public routes. */
  public record Route(String method, String pattern, String permission) {
    public boolean isPublic() {
      return permission == null;
    }

    /** Whether a request on this route writes: its action is not a read ({@link AccessRequest#isReadAction}). */
    public boolean write() {
      return !isPublic() && !AccessRequest.isReadAction(permission.substring(permission.indexOf(':') + 1));
    }
  }

  /** Most routes and characters of a tenant's table (tenants.proto {@code routes}). */
  public static final int MAX_TENANT_ROUTES = 500;
  public static final int MAX_TENANT_CHARS = 65_536;

  public static final RouteTable EMPTY = new RouteTable(List.of(), "");

  private static final Pattern METHOD = Pattern.compile("\\*|[A-Z]{1,16}");
  private static final Pattern SEGMENT =
      Pattern.compile("\\*\\*|\\*|\\{[A-Za-z0-9_]{1,64}}|[A-Za-z0-9._~!$&'()+,;=:@-]{1,256}");
  private static final Pattern NOT_CANONICAL = Pattern.compile("//|/\\.{1,2}(/|;|$)|%2[fFeE]|%5[cC]|\\\\");

  private final List<Route> routes;
  private final List<String[]> compiled;
  private final String text;

  private RouteTable(List<Route> routes, String text) {
    this.routes = List.copyOf(routes);
    this.text = text;
    this.compiled = new ArrayList<>();
    for (Route route : routes) {
      compiled.add(route.pattern().equals("/") ? new String[0] : route.pattern().substring(1).split("/", -1));
    }
  }

  public List<Route> routes() {
    return routes;
  }

  /** The text the table was parsed from. */
  public String text() {
    return text;
  }

  /** Reads the table from a file; an error names the file and the line. */
  public static RouteTable load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the route table " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses the table; {@code source} names it in error messages. */
  public static RouteTable parse(String text, String source) {
    List<Route> routes = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+");
      String where = source + " line " + (i + 1) + ": ";
      if (parts.length != 3) {
        throw new IllegalArgumentException(where + "expected 'METHOD /path/pattern resource:action' (or 'public'),"
            + " got '" + line + "'");
      }
      String method = parts[0].toUpperCase(Locale.ROOT);
      if (!METHOD.matcher(method).matches()) {
        throw new IllegalArgumentException(where + "method must be an HTTP method or *, got '" + parts[0] + "'");
      }
      routes.add(new Route(method, pattern(parts[1], where), permission(parts[2], where)));
    }
    return new RouteTable(routes, text);
  }

  /**
   * Parses a tenant's table ({@code TenantSettings.routes}): as {@link #parse}, without {@code public}
   * routes (those are decided before any credential says which tenant is asking) and bounded in
   * size. Errors name the line.
   */
  public static RouteTable parseTenant(String text) {
    if (text.length() > MAX_TENANT_CHARS) {
      throw new IllegalArgumentException("at most " + MAX_TENANT_CHARS + " characters, got " + text.length());
    }
    RouteTable table = parse(text, "routes");
    for (Route route : table.routes) {
      if (route.isPublic()) {
        throw new IllegalArgumentException("'public' routes belong in the deployment's KEYGATE_ROUTES_FILE: they"
            + " are decided before a credential names the tenant (" + route.method() + " " + route.pattern() + ")");
      }
    }
    if (table.routes.size() > MAX_TENANT_ROUTES) {
      throw new IllegalArgumentException("at most " + MAX_TENANT_ROUTES + " routes, got " + table.routes.size());
    }
    return table;
  }

  /** The first route matching {@code method} and {@code path}, or null. */
  public Route match(String method, String path) {
    int query = path.indexOf('?');
    String bare = query < 0 ? path : path.substring(0, query);
    int fragment = bare.indexOf('#');
    if (fragment >= 0) {
      bare = bare.substring(0, fragment);
    }
    if (!bare.startsWith("/") || NOT_CANONICAL.matcher(bare).find()) {
      return null;
    }
    String[] segments = bare.equals("/") ? new String[0] : bare.substring(1).split("/", -1);
    String upper = method.toUpperCase(Locale.ROOT);
    for (int i = 0; i < routes.size(); i++) {
      Route route = routes.get(i);
      if ((route.method().equals("*") || route.method().equals(upper)) && matches(compiled.get(i), segments)) {
        return route;
      }
    }
    return null;
  }

  private static boolean matches(String[] pattern, String[] segments) {
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.equals("**")) {
        return true;
      }
      if (i >= segments.length) {
        return false;
      }
      boolean any = p.equals("*") || p.startsWith("{");
      if (any ? segments[i].isEmpty() : !p.equals(segments[i])) {
        return false;
      }
    }
    return pattern.length == segments.length;
  }

  private static String pattern(String pattern, String where) {
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException(where + "path pattern must start with '/', got '" + pattern + "'");
    }
    if (pattern.equals("/")) {
      return pattern;
    }
    String[] segments = pattern.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (!SEGMENT.matcher(segments[i]).matches()) {
        throw new IllegalArgumentException(where + "path segment '" + segments[i] + "' is not a literal, *, {name}"
            + " or a final **");
      }
      if (segments[i].equals("**") && i != segments.length - 1) {
        throw new IllegalArgumentException(where + "** may only be the last segment of '" + pattern + "'");
      }
    }
    return pattern;
  }

  private static String permission(String permission, String where) {
    if (permission.equals("public")) {
      return null;
    }
    String problem = Permissions.problem(permission);
    if (problem != null || permission.contains("*") || permission.split(":").length < 2) {
      throw new IllegalArgumentException(where + "'" + permission + "' is not a permission resource:action"
          + (problem != null ? " (" + problem + ")" : "") + " nor 'public'");
    }
    return permission;
  }
}
