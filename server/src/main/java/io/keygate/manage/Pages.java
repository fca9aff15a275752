package io.keygate.manage;

import io.keygate.KeygateException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Keyset pagination: a page token is the opaque, base64url-encoded position of the last item
 * returned; the next page starts after it.
 */
public final class Pages {
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 1000;
  private static final Pattern POSITION = Pattern.compile("[a-z0-9_]{1,64}");

  private Pages() {}

  /** The page size asked for, defaulted and checked. */
  public static int size(int requested) {
    if (requested < 0 || requested > MAX_SIZE) {
      throw KeygateException.invalid("page_size", "page_size must be between 0 and " + MAX_SIZE + ", got " + requested);
    }
    return requested == 0 ? DEFAULT_SIZE : requested;
  }

  /** The position after which the page starts; empty for the first page. */
  public static String after(String pageToken) {
    if (pageToken.isEmpty()) {
      return "";
    }
    try {
      String position = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
      if (POSITION.matcher(position).matches()) {
        return position;
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw KeygateException.invalid("page_token",
        "page_token is not a token this server issued; start again without it");
  }

  /** The token for the page after {@code items}, or empty if this was the last page. */
  public static <T> String next(List<T> items, int size, Function<T, String> position) {
    if (items.size() < size) {
      return "";
    }
    String last = position.apply(items.get(items.size() - 1));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8));
  }
}
