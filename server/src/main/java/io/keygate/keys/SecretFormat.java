package io.keygate.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The shape of a Keygate secret: {@code <prefix>} + 64 lower-case hex characters, where the first
 * 56 are random (224 bits from {@link SecureRandom}) and the last 8 are the CRC32 of everything
 * before them. The checksum lets {@link #check} refuse typos and random strings without any lookup;
 * it adds no secrecy.
 *
 * <p>Secrets are stored only as their SHA-256 {@link #digest}: they carry 224 bits of entropy, so a
 * slow password hash would add cost and no protection.
 */
public final class SecretFormat {
  /** Default prefix, as in the seed products. */
  public static final String DEFAULT_PREFIX = "lk_";

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{0,15}_");
  private static final int RANDOM_HEX = 56;
  private static final int CHECKSUM_HEX = 8;
  private static final HexFormat HEX = HexFormat.of();

  private final String prefix;
  private final SecureRandom random = new SecureRandom();

  /** The outcome of checking a candidate's shape. */
  public enum Shape {
    VALID,
    MISSING,
    MALFORMED
  }

  public SecretFormat(String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "token prefix must be a lower-case letter, up to 15 more letters or digits, then '_'");
    }
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  /** Total length of a valid secret. */
  public int length() {
    return prefix.length() + RANDOM_HEX + CHECKSUM_HEX;
  }

  /** A new secret. */
  public String generate() {
    byte[] bytes = new byte[RANDOM_HEX / 2];
    random.nextBytes(bytes);
    String body = prefix + HEX.formatHex(bytes);
    return body + checksum(body);
  }

  /**
   * Checks the shape of a candidate credential without looking it up. Constant work for any input:
   * over-long input is refused on its length before anything else is read.
   */
  public Shape check(CharSequence candidate) {
    if (candidate == null || candidate.length() == 0) {
      return Shape.MISSING;
    }
    if (candidate.length() != length()) {
      return Shape.MALFORMED;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (candidate.charAt(i) != prefix.charAt(i)) {
        return Shape.MALFORMED;
      }
    }
    for (int i = prefix.length(); i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return Shape.MALFORMED;
      }
    }
    int split = length() - CHECKSUM_HEX;
    byte[] body = new byte[split];
    for (int i = 0; i < split; i++) {
      body[i] = (byte) candidate.charAt(i);
    }
    CRC32 crc = new CRC32();
    crc.update(body, 0, split);
    int given = 0;
    for (int i = split; i < candidate.length(); i++) {
      given = given << 4 | Character.digit(candidate.charAt(i), 16);
    }
    return (int) crc.getValue() == given ? Shape.VALID : Shape.MALFORMED;
  }

  /** SHA-256 of the secret: the only form in which it is stored or compared. */
  public static byte[] digest(String secret) {
    MessageDigest sha256 = SHA256.get();
    sha256.reset();
    return sha256.digest(secret.getBytes(StandardCharsets.US_ASCII));
  }

  /** One instance per thread: looking the algorithm up costs more than hashing a secret. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  });

  /** A short, non-secret hint to recognise a secret: {@code lk_3f9a…c21e}. */
  public String hint(String secret) {
    return prefix + secret.substring(prefix.length(), prefix.length() + 4) + "…"
        + secret.substring(secret.length() - 4);
  }

  private static String checksum(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    return HEX.toHexDigits((int) crc.getValue());
  }
}
