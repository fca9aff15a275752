package io.keygate.cli.declare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An object by its natural key — what the file and Keygate agree it is, whatever its id: a scope by the path of
 * names from the top, a role by name, a user by e-mail (or name), a service account by name, an agent by its
 * user's key and its name. A ref with an empty key is "none" (no role, no scope).
 */
public record Ref(Type type, List<String> key) {
  /** What kind of object. */
  public enum Type {
    TENANT("tenant"), SCOPE("scope"), ROLE("role"), USER("user"), SERVICE_ACCOUNT("service account"),
    AGENT("agent");

    final String label;

    Type(String label) {
      this.label = label;
    }
  }

  public Ref {
    key = List.copyOf(key);
  }

  static Ref none(Type type) {
    return new Ref(type, List.of());
  }

  static Ref tenant(String label) {
    return new Ref(Type.TENANT, List.of(label));
  }

  static Ref scope(List<String> path) {
    return new Ref(Type.SCOPE, path);
  }

  static Ref role(String name) {
    return name.isEmpty() ? none(Type.ROLE) : new Ref(Type.ROLE, List.of(name));
  }

  /** A user matched by e-mail (compared without case), or by name when it has none. */
  static Ref user(String email, String name) {
    return email.isEmpty() ? new Ref(Type.USER, List.of("name", name))
        : new Ref(Type.USER, List.of("email", email.toLowerCase(Locale.ROOT)));
  }

  static Ref serviceAccount(String name) {
    return new Ref(Type.SERVICE_ACCOUNT, List.of(name));
  }

  static Ref agent(Ref user, String name) {
    List<String> key = new ArrayList<>(user.key());
    key.add(name);
    return new Ref(Type.AGENT, key);
  }

  boolean isNone() {
    return key.isEmpty();
  }

  /** {@code scope "Engineering/Platform"}, {@code user ada@example.com}, {@code agent "bot" of user "Ada"}. */
  @Override
  public String toString() {
    return type.label + " " + name();
  }

  /** The key alone: {@code "Engineering/Platform"}, {@code ada@example.com}; {@code (none)} for none. */
  String name() {
    if (isNone()) {
      return "(none)";
    }
    return switch (type) {
      case TENANT -> key.get(0);
      case SCOPE -> Values.quoted(String.join("/", key));
      case USER -> userName(key.get(0), key.get(1));
      case AGENT -> Values.quoted(key.get(2)) + " of user " + userName(key.get(0), key.get(1));
      default -> Values.quoted(key.get(0));
    };
  }

  private static String userName(String by, String value) {
    return by.equals("email") ? value : Values.quoted(value);
  }
}
