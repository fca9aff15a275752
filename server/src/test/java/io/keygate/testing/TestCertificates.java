package io.keygate.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * X.509 certificates made in the test (BouncyCastle's builders on the JDK's own providers, nothing
 * registered): a CA, certificates it issues for a server or a client, with any validity. Serial numbers
 * are unique in the JVM, so a test can tell which certificate a handshake presented.
 */
public final class TestCertificates {
  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());
  private static final Duration DAY = Duration.ofDays(1);

  private TestCertificates() {}

  /** A certificate and its key pair. */
  public record Issued(X509Certificate certificate, KeyPair keys) {
    public BigInteger serial() {
      return certificate.getSerialNumber();
    }

    public String certificatePem() {
      return pem("CERTIFICATE", encoded(certificate));
    }

    /** The private key in PKCS #8 ({@code -----BEGIN PRIVATE KEY-----}). */
    public String keyPem() {
      return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    /**
     * The private key in OpenSSL's traditional form: PKCS #1 for RSA, SEC1 for EC — with the curve named in
     * its parameters, as {@code openssl ec} writes it (BouncyCastle's writer leaves them out).
     */
    public String traditionalKeyPem() {
      if (!keys.getPrivate().getAlgorithm().equals("EC")) {
        return jcaPem(keys.getPrivate());
      }
      try {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        ECPrivateKey named = new ECPrivateKey(256, inner.getKey(), inner.getPublicKey(),
            info.getPrivateKeyAlgorithm().getParameters());
        return pem("EC PRIVATE KEY", named.getEncoded());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** An EC key as BouncyCastle's PEM writer writes it: SEC1 without the curve. */
    public String sec1KeyWithoutCurvePem() {
      return jcaPem(keys.getPrivate());
    }

    /** Writes the certificate (then {@code chain}) and the PKCS #8 key, each replaced atomically. */
    public void write(Path certFile, Path keyFile, Issued... chain) {
      StringBuilder certs = new StringBuilder(certificatePem());
      for (Issued issuer : chain) {
        certs.append(issuer.certificatePem());
      }
      replace(certFile, certs.toString());
      replace(keyFile, keyPem());
    }
  }

  /** A self-signed CA, valid from yesterday for a year. */
  public static Issued ca(String commonName) {
    KeyPair keys = ecKeys();
    Instant now = Instant.now();
    return sign(new X500Name("CN=" + commonName), keys, null, now.minus(DAY), now.plus(Duration.ofDays(365)),
        true, null, List.of());
  }

  /** A server certificate from {@code ca} for 127.0.0.1, ::1 and localhost, valid from yesterday for 90 days. */
  public static Issued server(Issued ca) {
    Instant now = Instant.now();
    return server(ca, now.minus(DAY), now.plus(Duration.ofDays(90)));
  }

  /** A server certificate from {@code ca} for 127.0.0.1, ::1 and localhost, valid in [notBefore, notAfter]. */
  public static Issued server(Issued ca, Instant notBefore, Instant notAfter) {
    return server(ca, notBefore, notAfter, List.of("localhost"), List.of("127.0.0.1", "::1"));
  }

  public static Issued server(Issued ca, Instant notBefore, Instant notAfter, List<String> dnsNames,
      List<String> ips) {
    return server(ca, ecKeys(), notBefore, notAfter, dnsNames, ips);
  }

  /** A server certificate like {@link #server(Issued)} for {@code keys}: a renewal that keeps the key. */
  public static Issued server(Issued ca, KeyPair keys) {
    Instant now = Instant.now();
    return server(ca, keys, now.minus(DAY), now.plus(Duration.ofDays(90)), List.of("localhost"),
        List.of("127.0.0.1", "::1"));
  }

  private static Issued server(Issued ca, KeyPair keys, Instant notBefore, Instant notAfter, List<String> dnsNames,
      List<String> ips) {
    List<GeneralName> names = new ArrayList<>();
    dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
    ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
    return sign(new X500Name("CN=keygate test server"), keys, ca, notBefore, notAfter, false,
        KeyPurposeId.id_kp_serverAuth, names);
  }

  /** A client certificate from {@code ca}, valid from yesterday for 90 days. */
  public static Issued client(Issued ca, String commonName) {
    Instant now = Instant.now();
    return sign(new X500Name("CN=" + commonName), ecKeys(), ca, now.minus(DAY), now.plus(Duration.ofDays(90)),
        false, KeyPurposeId.id_kp_clientAuth, List.of());
  }

  /** A server certificate like {@link #server(Issued)} on an RSA key, for the key-format tests. */
  public static Issued rsaServer(Issued ca) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      Instant now = Instant.now();
      return sign(new X500Name("CN=keygate rsa server"), generator.generateKeyPair(), ca, now.minus(DAY),
          now.plus(Duration.ofDays(90)), false, KeyPurposeId.id_kp_serverAuth,
          List.of(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code text} to {@code file} through a temporary file and a rename, as cert-manager's writers do. */
  public static void replace(Path file, String text) {
    try {
      Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".tmp", ".pem");
      Files.writeString(temporary, text, StandardCharsets.US_ASCII);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Issued sign(X500Name subject, KeyPair keys, Issued issuer, Instant notBefore, Instant notAfter,
      boolean ca, KeyPurposeId purpose, List<GeneralName> names) {
    try {
      X500Name issuerName = issuer == null ? subject
          : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
      KeyPair signer = issuer == null ? keys : issuer.keys();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
          BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
          keys.getPublic());
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.subjectKeyIdentifier, false,
          extensions.createSubjectKeyIdentifier(keys.getPublic()));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          extensions.createAuthorityKeyIdentifier(signer.getPublic()));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
          : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      if (purpose != null) {
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      }
      if (!names.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(names.toArray(new GeneralName[0])));
      }
      String algorithm = signer.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate())));
      return new Issued(certificate, keys);
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair ecKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jcaPem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
