package io.keygate.cli.declare;

import io.keygate.cli.declare.Declaration.PrincipalDecl;
import io.keygate.cli.declare.Declaration.RoleDecl;
import io.keygate.cli.declare.Declaration.ScopeDecl;
import io.keygate.cli.declare.Declaration.TenantSelector;
import io.keygate.v1.PrincipalKind;
import io.keygate.v1.TenantSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads a declarative file (format: docs/cli.md, "keygate diff and apply") into a {@link Declaration}. Strict:
 * an unknown key, a value of the wrong shape, a name given twice are errors naming the line, so a typo never
 * passes as "not managed".
 */
public final class DeclarationParser {
  /** The one version of the format this CLI reads. */
  public static final int VERSION = 1;

  private static final List<String> TOP = List.of("version", "tenant", "settings", "scopes", "roles", "principals");
  /** Top-level keys with a reason why they are not (yet) part of the format. */
  private static final Map<String, String> RESERVED = Map.of(
      "routes", "a tenant's routes are one of its settings: write them as settings.routes (a block of route lines)",
      "keys", "API keys are never declarative: their secrets are shown once; use `keygate keys create`",
      "api_keys", "API keys are never declarative: their secrets are shown once; use `keygate keys create`",
      "tokens", "tokens are never declarative: their secrets are shown once; use `keygate tokens create`",
      "tenants", "a file configures one tenant (see `tenant:`); tenants are created with `keygate tenants create`");
  private static final List<String> SCOPE = List.of("name", "kind", "api_access_enabled", "scopes");
  private static final List<String> ROLE = List.of("name", "description", "permissions");
  private static final List<String> PRINCIPALS = List.of("users", "service_accounts");
  private static final List<String> USER = List.of("email", "name", "role", "scope", "agents");
  private static final List<String> SERVICE_ACCOUNT = List.of("name", "email", "role", "scope");
  private static final List<String> AGENT = List.of("name", "email", "internal", "role", "scope");

  private DeclarationParser() {}

  public static Declaration parse(String text) {
    YamlValue root = YamlValue.parse(text);
    List<String> allowed = new ArrayList<>(TOP);
    allowed.addAll(RESERVED.keySet());
    YamlValue.Fields top = root.fields(allowed);
    for (String key : top.keys()) {
      if (RESERVED.containsKey(key)) {
        throw new DeclarationException(top.keyLine(key), key + ": " + RESERVED.get(key));
      }
    }
    YamlValue version = top.required("version");
    if (!version.text().equals(String.valueOf(VERSION))) {
      throw version.error("'" + version.text() + "' is not a version this keygate reads (" + VERSION + ")");
    }
    TenantSelector tenant = tenant(top.required("tenant"));
    Optional<YamlValue> settings = top.get("settings");
    Optional<YamlValue> principals = top.get("principals");
    Optional<YamlValue.Fields> principalFields = principals.map(p -> p.fields(PRINCIPALS));
    Optional<List<PrincipalDecl>> users = principalFields.flatMap(p -> p.get("users"))
        .map(v -> principals(v, PrincipalKind.PRINCIPAL_KIND_USER));
    Optional<List<PrincipalDecl>> accounts = principalFields.flatMap(p -> p.get("service_accounts"))
        .map(v -> principals(v, PrincipalKind.PRINCIPAL_KIND_SERVICE_ACCOUNT));
    int sectionsLine = Stream.of("scopes", "roles", "principals").filter(k -> top.get(k).isPresent())
        .mapToInt(top::keyLine).min().orElse(0);
    Declaration declaration = new Declaration(tenant, settings.map(DeclarationParser::settings),
        top.get("scopes").map(DeclarationParser::scopes),
        top.get("roles").map(DeclarationParser::roles), users, accounts, sectionsLine);
    noDuplicates(declaration);
    return declaration;
  }

  private static TenantSelector tenant(YamlValue value) {
    if (!value.isScalar()) {
      YamlValue.Fields fields = value.fields(List.of("name"));
      return new TenantSelector(TenantSelector.Kind.NAME, name(fields.required("name")), value.line());
    }
    String text = value.text().trim();
    if (text.equals("current")) {
      return new TenantSelector(TenantSelector.Kind.CURRENT, "", value.line());
    }
    if (text.matches("ten_[0-9a-z]{26}")) {
      return new TenantSelector(TenantSelector.Kind.ID, text, value.line());
    }
    throw value.error("'" + text + "' is neither 'current' nor a tenant id (ten_…); name a tenant with"
        + " tenant: {name: " + text + "}");
  }

  private static TenantSettings settings(YamlValue value) {
    YamlValue.Fields fields = value.fields(SettingField.KEYS);
    TenantSettings.Builder settings = TenantSettings.newBuilder();
    for (String key : fields.keys()) {
      SettingField.of(key).read(fields.get(key).orElseThrow(), settings);
    }
    return settings.build();
  }

  private static List<ScopeDecl> scopes(YamlValue value) {
    List<ScopeDecl> scopes = new ArrayList<>();
    for (YamlValue item : value.list()) {
      YamlValue.Fields fields = item.fields(SCOPE);
      YamlValue name = fields.required("name");
      String text = name(name);
      if (text.contains("/")) {
        throw name.error("a scope name in a file cannot contain '/': references write paths as A/B/C");
      }
      scopes.add(new ScopeDecl(text, fields.get("kind").map(YamlValue::text),
          fields.get("api_access_enabled").map(YamlValue::bool), fields.get("scopes").map(DeclarationParser::scopes),
          item.line()));
    }
    return scopes;
  }

  private static List<RoleDecl> roles(YamlValue value) {
    List<RoleDecl> roles = new ArrayList<>();
    for (YamlValue item : value.list()) {
      YamlValue.Fields fields = item.fields(ROLE);
      roles.add(new RoleDecl(name(fields.required("name")), fields.get("description").map(YamlValue::text),
          fields.get("permissions").map(YamlValue::texts), item.line()));
    }
    return roles;
  }

  private static List<PrincipalDecl> principals(YamlValue value, PrincipalKind kind) {
    List<PrincipalDecl> principals = new ArrayList<>();
    for (YamlValue item : value.list()) {
      principals.add(principal(item, kind));
    }
    return principals;
  }

  private static PrincipalDecl principal(YamlValue item, PrincipalKind kind) {
    boolean user = kind == PrincipalKind.PRINCIPAL_KIND_USER;
    boolean agent = kind == PrincipalKind.PRINCIPAL_KIND_AGENT;
    YamlValue.Fields fields = item.fields(user ? USER : agent ? AGENT : SERVICE_ACCOUNT);
    Optional<String> email = fields.get("email").map(v -> v.text().trim());
    Optional<String> name = fields.get("name").map(DeclarationParser::name);
    if (name.isEmpty() && (!user || email.filter(e -> !e.isEmpty()).isEmpty())) {
      throw item.error(user ? "a user needs an 'email' or a 'name' to be matched by" : "'name' is required");
    }
    Optional<List<PrincipalDecl>> agents = fields.get("agents").map(v -> principals(v,
        PrincipalKind.PRINCIPAL_KIND_AGENT));
    return new PrincipalDecl(kind, name, email, fields.get("internal").map(YamlValue::bool),
        fields.get("role").map(v -> v.text().trim()), fields.get("scope").map(DeclarationParser::scopePath),
        agents, item.line(), item.path());
  }

  /** {@code Engineering/Platform} or {@code [Engineering, Platform]}; {@code ""} or {@code []}: none. */
  private static List<String> scopePath(YamlValue value) {
    List<String> path = value.isScalar()
        ? (value.text().isBlank() ? List.of() : Arrays.asList(value.text().split("/", -1)))
        : value.texts();
    List<String> names = path.stream().map(String::strip).toList();
    if (names.stream().anyMatch(String::isEmpty)) {
      throw value.error("'" + String.join("/", path) + "' has an empty scope name in it");
    }
    return names;
  }

  private static String name(YamlValue value) {
    String text = value.text().strip();
    if (text.isEmpty()) {
      throw value.error("must not be empty");
    }
    return text;
  }

  private static void noDuplicates(Declaration d) {
    d.roles().ifPresent(roles -> unique(roles, RoleDecl::name, RoleDecl::line, "role"));
    d.scopes().ifPresent(DeclarationParser::uniqueScopes);
    d.serviceAccounts().ifPresent(accounts -> unique(accounts, p -> p.name().orElseThrow(), PrincipalDecl::line,
        "service account"));
    d.users().ifPresent(users -> {
      unique(users, Principals::fileKey, PrincipalDecl::line, "user");
      for (PrincipalDecl u : users) {
        u.agents().ifPresent(agents -> unique(agents, p -> p.name().orElseThrow(), PrincipalDecl::line,
            "agent of " + Principals.fileKey(u)));
      }
    });
  }

  private static void uniqueScopes(List<ScopeDecl> siblings) {
    unique(siblings, ScopeDecl::name, ScopeDecl::line, "scope");
    siblings.forEach(s -> s.children().ifPresent(DeclarationParser::uniqueScopes));
  }

  private static <T> void unique(List<T> items, Function<T, String> key, Function<T, Integer> line, String what) {
    Map<String, T> seen = new HashMap<>();
    for (T item : items) {
      T before = seen.putIfAbsent(key.apply(item), item);
      if (before != null) {
        throw new DeclarationException(line.apply(item), what + " '" + key.apply(item) + "' is listed twice (also on"
            + " line " + line.apply(before) + ")");
      }
    }
  }
}
