package io.keygate.manage;

import io.keygate.KeygateException;
import io.keygate.authz.Permissions;
import io.keygate.keys.Ids;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import io.keygate.keys.Expirations;
import io.keygate.v1.Expiration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Input checks shared by the management calls. Every failure is INVALID_ARGUMENT with a message that
 * names the field and says what is allowed, and never echoes more than a short, sanitised excerpt.
 */
public final class Validate {
  private static final Pattern TAG_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
  private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");
  static final int MAX_TAGS = 50;
  static final int MAX_PERMISSIONS = 200;

  private Validate() {}

  /** A required single-line name of 1 to {@code max} characters. */
  public static String name(String field, String value, int max) {
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      throw KeygateException.invalid(field, field + " is required");
    }
    text(field, trimmed, max, false);
    return trimmed;
  }

  /** Optional free text up to {@code max} characters; newlines and tabs allowed. */
  public static String description(String field, String value, int max) {
    text(field, value, max, true);
    return value;
  }

  public static String email(String field, String value) {
    if (value.isEmpty()) {
      return value;
    }
    text(field, value, 320, false);
    if (!EMAIL.matcher(value).matches()) {
      throw KeygateException.invalid(field, field + " must be an e-mail address like name@example.com");
    }
    return value;
  }

  public static String kind(String field, String value) {
    if (!KIND.matcher(value).matches()) {
      throw KeygateException.invalid(field, field + " must be 1-40 characters of [a-z0-9_-], e.g. 'team' or 'project'");
    }
    return value;
  }

  /** An id of the given type, e.g. {@code key}; empty allowed when {@code optional}. */
  public static String id(String field, String value, String prefix, boolean optional) {
    if (value.isEmpty()) {
      if (optional) {
        return value;
      }
      throw KeygateException.invalid(field, field + " is required");
    }
    if (!Ids.looksLike(prefix, value)) {
      throw KeygateException.invalid(field, field + " must be an id starting with '" + prefix + "_'");
    }
    return value;
  }

  public static Map<String, String> tags(String field, Map<String, String> tags) {
    if (tags.size() > MAX_TAGS) {
      throw KeygateException.invalid(field,
          field + " has " + tags.size() + " tags; at most " + MAX_TAGS + " are allowed");
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      if (!TAG_NAME.matcher(tag.getKey()).matches()) {
        throw KeygateException.invalid(field, field + " has a tag name that is not 1-63 characters of [a-z0-9_.-]");
      }
      text(field + "[" + tag.getKey() + "]", tag.getValue(), 256, false);
    }
    return tags;
  }

  /**
   * A time within protobuf's {@code Timestamp} range (years 1 to 9999; beyond it a time cannot even be
   * written as JSON), as an instant.
   */
  public static Instant timestamp(String field, Timestamp timestamp) {
    if (!Timestamps.isValid(timestamp)) {
      throw KeygateException.invalid(field, field + " must be a time between 0001-01-01 and 9999-12-31 (seconds "
          + Timestamps.MIN_VALUE.getSeconds() + " to " + Timestamps.MAX_VALUE.getSeconds() + ", nanos 0 to"
          + " 999999999)");
    }
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  /** An expiration's time, when it gives one, is a valid timestamp ({@link Expirations} bounds it further). */
  public static void expiration(String field, Expiration expiration) {
    if (expiration.getKindCase() == Expiration.KindCase.AT) {
      timestamp(field + ".at", expiration.getAt());
    }
  }

  public static List<String> permissions(String field, List<String> permissions) {
    if (permissions.size() > MAX_PERMISSIONS) {
      throw KeygateException.invalid(field, field + " has " + permissions.size() + " entries; at most "
          + MAX_PERMISSIONS + " are allowed");
    }
    for (int i = 0; i < permissions.size(); i++) {
      String problem = Permissions.problem(permissions.get(i));
      if (problem != null) {
        throw KeygateException.invalid(field + "[" + i + "]", field + "[" + i + "] " + problem
            + " (expected resource:action[:qualifier], e.g. 'api-keys:read:all')");
      }
    }
    return List.copyOf(permissions);
  }

  private static void text(String field, String value, int max, boolean multiline) {
    if (value.length() > max) {
      throw KeygateException.invalid(field, field + " is " + value.length() + " characters long; at most " + max
          + " are allowed");
    }
    int position = 0;
    for (int cp : value.codePoints().toArray()) {
      boolean allowedWhitespace = multiline && (cp == '\n' || cp == '\t' || cp == '\r');
      if (Character.isISOControl(cp) && !allowedWhitespace || cp >= Character.MIN_SURROGATE
          && cp <= Character.MAX_SURROGATE) {
        throw KeygateException.invalid(field, field + " contains a control character or broken Unicode at position "
            + position);
      }
      position++;
    }
  }
}
