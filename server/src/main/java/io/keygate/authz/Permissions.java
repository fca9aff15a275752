package io.keygate.authz;

import java.util.List;

/**
 * Permission strings {@code resource:action[:qualifier]} and how a granted permission covers a
 * required one:
 *
 * <ul>
 *   <li>{@code *} as a segment matches any value; a lone {@code *} covers everything;
 *   <li>a granted permission without a qualifier covers every qualifier of its action;
 *   <li>qualifiers nest: {@code all} covers {@code team}, which covers {@code own};
 *   <li>a required permission without a qualifier is covered by any qualifier of its action.
 * </ul>
 */
public final class Permissions {
  private static final List<String> QUALIFIER_ORDER = List.of("own", "team", "all");

  private Permissions() {}

  /** Null when {@code permission} is well formed, else what is wrong with it. One pass, no allocation. */
  public static String problem(String permission) {
    if (permission == null || permission.isEmpty()) {
      return "is empty";
    }
    if (permission.equals("*")) {
      return null;
    }
    int colons = 0;
    for (int i = 0; i < permission.length(); i++) {
      colons += permission.charAt(i) == ':' ? 1 : 0;
    }
    if (colons < 1 || colons > 2) {
      return "must be resource:action or resource:action:qualifier";
    }
    int start = 0;
    for (int i = 0; i <= permission.length(); i++) {
      if (i == permission.length() || permission.charAt(i) == ':') {
        if (!wellFormed(permission, start, i)) {
          return "has a segment that is not '*' or 1-63 characters of [a-z0-9_.-]";
        }
        start = i + 1;
      }
    }
    return null;
  }

  /** {@code s[from, to)} is {@code *} or 1–63 of {@code [a-z0-9_.-]} starting with a letter or digit. */
  private static boolean wellFormed(String s, int from, int to) {
    int length = to - from;
    if (length == 1 && s.charAt(from) == '*') {
      return true;
    }
    if (length < 1 || length > 63) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean alnum = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      if (!alnum && (i == from || c != '_' && c != '.' && c != '-')) {
        return false;
      }
    }
    return true;
  }

  /** True when any of {@code granted} covers {@code required}. */
  public static boolean allows(List<String> granted, String required) {
    for (String g : granted) {
      if (covers(g, required)) {
        return true;
      }
    }
    return false;
  }

  /** True when the single permission {@code granted} covers {@code required}. */
  public static boolean covers(String granted, String required) {
    if (granted.equals("*")) {
      return true;
    }
    String[] g = granted.split(":", -1);
    String[] r = required.split(":", -1);
    if (g.length < 2 || r.length < 2 || !segment(g[0], r[0]) || !segment(g[1], r[1])) {
      return false;
    }
    if (g.length == 2 || r.length == 2) {
      return true;
    }
    return qualifier(g[2], r[2]);
  }

  /**
   * True when every permission in {@code wanted} is covered by {@code held}: the rule that keeps a
   * caller from granting more than it has.
   */
  public static boolean coversAll(List<String> held, List<String> wanted) {
    for (String w : wanted) {
      if (held.stream().noneMatch(h -> includes(h, w))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when everything the grant {@code wanted} allows, {@code held} allows too. Unlike
   * {@link #covers}, an unqualified {@code wanted} is a grant of every qualifier, so only an
   * unqualified or {@code *}-qualified {@code held} includes it.
   */
  private static boolean includes(String held, String wanted) {
    if (!covers(held, wanted)) {
      return false;
    }
    if (wanted.split(":", -1).length != 2) {
      return true;
    }
    String[] h = held.split(":", -1);
    return h.length != 3 || h[2].equals("*");
  }

  private static boolean segment(String granted, String required) {
    return granted.equals("*") || granted.equals(required);
  }

  private static boolean qualifier(String granted, String required) {
    if (granted.equals("*") || granted.equals(required)) {
      return true;
    }
    int g = QUALIFIER_ORDER.indexOf(granted);
    int r = QUALIFIER_ORDER.indexOf(required);
    return g >= 0 && r >= 0 && g >= r;
  }
}
