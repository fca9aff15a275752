package io.keygate.keys;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Object ids: a type prefix, an underscore and 26 Crockford base-32 characters holding a 48-bit
 * millisecond timestamp and 80 random bits (the ULID layout, lower case). Ids sort roughly by
 * creation time, which keyset pagination relies on; they are identifiers, not secrets.
 */
public final class Ids {
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final Pattern SHAPE = Pattern.compile("[a-z]{3}_[0-9a-hjkmnp-tv-z]{26}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String tenant() {
    return next("ten");
  }

  public static String scope() {
    return next("scp");
  }

  public static String principal() {
    return next("prn");
  }

  public static String role() {
    return next("rol");
  }

  public static String apiKey() {
    return next("key");
  }

  public static String token() {
    return next("tok");
  }

  /** True when {@code id} has the shape of an id with this prefix. */
  public static boolean looksLike(String prefix, String id) {
    return id != null && id.startsWith(prefix + "_") && SHAPE.matcher(id).matches();
  }

  static String next(String prefix) {
    long time = System.currentTimeMillis();
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    char[] out = new char[26];
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    long hi = 0;
    for (int i = 0; i < 5; i++) {
      hi = (hi << 8) | (random[i] & 0xff);
    }
    long lo = 0;
    for (int i = 5; i < 10; i++) {
      lo = (lo << 8) | (random[i] & 0xff);
    }
    for (int i = 17; i >= 10; i--) {
      out[i] = ALPHABET[(int) (hi & 31)];
      hi >>>= 5;
    }
    for (int i = 25; i >= 18; i--) {
      out[i] = ALPHABET[(int) (lo & 31)];
      lo >>>= 5;
    }
    return prefix + "_" + new String(out);
  }
}
