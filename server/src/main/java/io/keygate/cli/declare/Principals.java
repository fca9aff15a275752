package io.keygate.cli.declare;

import io.keygate.cli.declare.Declaration.PrincipalDecl;
import io.keygate.v1.Principal;
import io.keygate.v1.PrincipalKind;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * How a principal of the file is matched with one of Keygate: a user by its e-mail, compared without case, when
 * the entry gives a non-empty one, else by its name; a service account by name; an agent by name among the
 * agents of its user.
 */
final class Principals {
  private Principals() {}

  /** The entry's natural key (agents are keyed under their user: see {@link Ref#agent}). */
  static Ref fileRef(PrincipalDecl entry) {
    if (entry.kind() == PrincipalKind.PRINCIPAL_KIND_USER) {
      return Ref.user(entry.email().orElse(""), entry.name().orElse(""));
    }
    return Ref.serviceAccount(entry.name().orElseThrow());
  }

  /** The key as text, for "listed twice": the e-mail in lower case, or the name. */
  static String fileKey(PrincipalDecl entry) {
    return entry.email().filter(e -> !e.isEmpty()).map(e -> e.toLowerCase(Locale.ROOT))
        .orElseGet(() -> entry.name().orElseThrow());
  }

  /** Whether a user of Keygate has the key of the file's user {@code entry}. */
  static Predicate<Principal> userKey(PrincipalDecl entry) {
    String email = entry.email().orElse("");
    if (!email.isEmpty()) {
      return p -> p.getEmail().equalsIgnoreCase(email);
    }
    String name = entry.name().orElseThrow();
    return p -> p.getDisplayName().equals(name);
  }

  /** {@code prn_… ("Ada", ada@example.com)}, to tell candidates apart. */
  static String describe(Principal p) {
    return p.getId() + " (" + Values.quoted(p.getDisplayName()) + (p.getEmail().isEmpty() ? "" : ", " + p.getEmail())
        + ")";
  }
}
