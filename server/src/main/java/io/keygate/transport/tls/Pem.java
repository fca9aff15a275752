package io.keygate.transport.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM as OpenSSL, cert-manager and Kubernetes write it: certificate chains, and unencrypted private keys
 * in PKCS #8 ({@code PRIVATE KEY}), PKCS #1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}) form
 * — cert-manager's default encoding is PKCS #1. Every error names the file and what is wrong, never a
 * byte of what it holds.
 */
public final class Pem {
  private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----",
      Pattern.DOTALL);
  private static final String CERTIFICATE = "CERTIFICATE";
  private static final List<String> KEY_TYPES = List.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY",
      "ENCRYPTED PRIVATE KEY");
  /** DER of INTEGER 0, the version of a PKCS #8 PrivateKeyInfo. */
  private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
  /** DER of the AlgorithmIdentifier rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
  private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
      (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
  /** DER of the OID id-ecPublicKey (1.2.840.10045.2.1). */
  private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
  private static final SecureRandom RANDOM = new SecureRandom();

  private Pem() {}

  /** The certificates of {@code file}, in order (a server's own certificate first, then its issuers). */
  public static X509Certificate[] certificates(PemFile file) {
    return certificates(file, file.read());
  }

  /** The certificates in {@code pem}, read from {@code file}. */
  public static X509Certificate[] certificates(PemFile file, byte[] pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Block block : blocks(file, pem)) {
        if (block.type().equals(CERTIFICATE)) {
          certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
        }
      }
    } catch (CertificateException e) {
      throw new IllegalArgumentException(file + ": holds a certificate that does not parse (" + e.getMessage()
          + ")", e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(file + ": holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return certificates.toArray(new X509Certificate[0]);
  }

  /** The private key of {@code file}. */
  public static PrivateKey privateKey(PemFile file) {
    return privateKey(file, file.read());
  }

  /** The one private key in {@code pem}, read from {@code file}. */
  public static PrivateKey privateKey(PemFile file, byte[] pem) {
    List<Block> keys = blocks(file, pem).stream().filter(b -> KEY_TYPES.contains(b.type())).toList();
    if (keys.size() != 1) {
      throw new IllegalArgumentException(file + ": " + (keys.isEmpty()
          ? "holds no PEM private key (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE KEY)"
          : "holds " + keys.size() + " private keys; give it one"));
    }
    Block key = keys.get(0);
    if (key.type().equals("ENCRYPTED PRIVATE KEY") || key.encrypted()) {
      throw new IllegalArgumentException(file + ": the private key is encrypted; Keygate reads unencrypted keys"
          + " only (openssl pkcs8 -topk8 -nocrypt decrypts one)");
    }
    byte[] pkcs8 = switch (key.type()) {
      case "RSA PRIVATE KEY" -> der(0x30, VERSION_0, RSA_ALGORITHM, der(0x04, key.der()));
      case "EC PRIVATE KEY" -> der(0x30, VERSION_0, der(0x30, EC_PUBLIC_KEY, curveOf(file, key.der())),
          der(0x04, key.der()));
      default -> key.der();
    };
    for (String algorithm : List.of("RSA", "EC", "EdDSA")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      } catch (GeneralSecurityException | RuntimeException e) {
        // not this algorithm; try the next
      }
    }
    // The JDK's message could quote part of the encoding: only the file is named.
    throw new IllegalArgumentException(file + ": the " + key.type() + " does not parse as an RSA, EC or EdDSA key");
  }

  /**
   * Whether {@code key} is the private half of {@code certificate}'s public key: a random challenge signed
   * with one verifies with the other.
   */
  public static boolean matches(X509Certificate certificate, PrivateKey key) {
    PublicKey publicKey = certificate.getPublicKey();
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
      default -> null;
    };
    if (algorithm == null) {
      return false;
    }
    try {
      byte[] challenge = new byte[32];
      RANDOM.nextBytes(challenge);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** A certificate as the log shows it: subject (or first name), serial in hex, end of validity. */
  public static String describe(X509Certificate certificate) {
    String subject = certificate.getSubjectX500Principal().getName();
    if (subject.isEmpty()) {
      try {
        subject = certificate.getSubjectAlternativeNames() == null ? "(no subject)"
            : String.valueOf(certificate.getSubjectAlternativeNames().iterator().next().get(1));
      } catch (CertificateException e) {
        subject = "(no subject)";
      }
    }
    return "'" + subject + "' serial " + serial(certificate) + " valid until " + certificate.getNotAfter()
        .toInstant();
  }

  /** The serial number in lower-case hex, as {@code openssl x509 -serial} shows it (without its case). */
  public static String serial(X509Certificate certificate) {
    BigInteger serial = certificate.getSerialNumber();
    return serial.toString(16);
  }

  private record Block(String type, byte[] der, boolean encrypted) {}

  private static List<Block> blocks(PemFile file, byte[] pem) {
    String text = new String(pem, StandardCharsets.ISO_8859_1);
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String body = m.group(2);
      // A traditional encrypted key: "Proc-Type: 4,ENCRYPTED" and "DEK-Info: …" before the base64.
      boolean encrypted = body.contains("Proc-Type:");
      try {
        blocks.add(new Block(m.group(1), encrypted ? new byte[0] : Base64.getMimeDecoder().decode(body.strip()),
            encrypted));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": its " + m.group(1) + " block is not base64");
      }
    }
    return blocks;
  }

  /** The namedCurve OID (tag, length and value) in the parameters [0] of a SEC1 ECPrivateKey. */
  private static byte[] curveOf(PemFile file, byte[] sec1) {
    try {
      int[] sequence = header(sec1, 0);
      int at = sequence[0];
      int end = sequence[0] + sequence[1];
      while (at < end) {
        int tag = sec1[at] & 0xff;
        int[] field = header(sec1, at);
        if (tag == 0xa0) {
          byte[] parameters = Arrays.copyOfRange(sec1, field[0], field[0] + field[1]);
          if (parameters.length > 0 && parameters[0] == 0x06) {
            return parameters;
          }
          break;
        }
        at = field[0] + field[1];
      }
    } catch (IndexOutOfBoundsException | IllegalStateException e) {
      throw new IllegalArgumentException(file + ": the EC PRIVATE KEY is not valid DER");
    }
    throw new IllegalArgumentException(file + ": the EC PRIVATE KEY does not name its curve; write it as PKCS #8"
        + " (openssl pkcs8 -topk8 -nocrypt)");
  }

  /** {start of the value, its length} of the DER element at {@code at}. */
  private static int[] header(byte[] der, int at) {
    int position = at + 1;
    int length = der[position++] & 0xff;
    if (length >= 0x80) {
      int bytes = length & 0x7f;
      if (bytes == 0 || bytes > 3) {
        throw new IllegalStateException("unsupported length");
      }
      length = 0;
      for (int i = 0; i < bytes; i++) {
        length = (length << 8) | (der[position++] & 0xff);
      }
    }
    if (position + length > der.length) {
      throw new IllegalStateException("truncated");
    }
    return new int[] {position, length};
  }

  /** A DER element of {@code tag} whose value is {@code parts}, concatenated. */
  private static byte[] der(int tag, byte[]... parts) {
    ByteArrayOutputStream value = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      value.writeBytes(part);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = value.size();
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(value.toByteArray());
    return out.toByteArray();
  }
}
