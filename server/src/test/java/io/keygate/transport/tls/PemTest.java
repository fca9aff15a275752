package io.keygate.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.testing.TestCertificates;
import io.keygate.testing.TestCertificates.Issued;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM files as OpenSSL, cert-manager and Kubernetes write them; errors that name the file, not its content. */
class PemTest {
  private static final Issued CA = TestCertificates.ca("pem test CA");
  private static final Issued SERVER = TestCertificates.server(CA);

  @TempDir
  Path dir;

  @Test
  void aChainIsReadInOrderServerCertificateFirst() throws Exception {
    Path file = write("chain.pem", SERVER.certificatePem() + CA.certificatePem());
    X509Certificate[] chain = Pem.certificates(new PemFile("KEYGATE_TLS_CERT_FILE", file));
    assertThat(chain).extracting(X509Certificate::getSerialNumber).containsExactly(SERVER.serial(), CA.serial());
    assertThat(Pem.serial(chain[0])).isEqualTo(SERVER.serial().toString(16));
    assertThat(Pem.describe(chain[0])).contains("CN=keygate test server", "serial " + SERVER.serial().toString(16),
        "valid until");
  }

  @Test
  void pkcs8EcAndRsaKeysAreReadAndMatchTheirCertificates() throws Exception {
    Issued rsa = TestCertificates.rsaServer(CA);
    for (Issued issued : new Issued[] {SERVER, rsa}) {
      PrivateKey key = Pem.privateKey(new PemFile("key", write("key.pem", issued.keyPem())));
      assertThat(key.getEncoded()).isEqualTo(issued.keys().getPrivate().getEncoded());
      assertThat(Pem.matches(issued.certificate(), key)).isTrue();
    }
    assertThat(Pem.matches(SERVER.certificate(), rsa.keys().getPrivate())).isFalse();
    assertThat(Pem.matches(SERVER.certificate(), TestCertificates.server(CA).keys().getPrivate()))
        .as("another EC key").isFalse();
  }

  @Test
  void certManagersDefaultPkcs1RsaKeyAndOpensslsSec1EcKeyAreRead() throws Exception {
    Issued rsa = TestCertificates.rsaServer(CA);
    assertThat(rsa.traditionalKeyPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    PrivateKey rsaKey = Pem.privateKey(new PemFile("key", write("rsa.pem", rsa.traditionalKeyPem())));
    assertThat(Pem.matches(rsa.certificate(), rsaKey)).isTrue();

    String sec1 = SERVER.traditionalKeyPem();
    assertThat(sec1).startsWith("-----BEGIN EC PRIVATE KEY-----");
    // openssl ecparam -genkey writes the curve's parameters first.
    String withParameters = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + sec1;
    PrivateKey ecKey = Pem.privateKey(new PemFile("key", write("ec.pem", withParameters)));
    assertThat(Pem.matches(SERVER.certificate(), ecKey)).isTrue();
    Path noCurve = write("no-curve.pem", SERVER.sec1KeyWithoutCurvePem());
    assertThatThrownBy(() -> Pem.privateKey(new PemFile("key", noCurve)))
        .hasMessage("key (" + noCurve + "): the EC PRIVATE KEY does not name its curve; write it as PKCS #8 (openssl"
            + " pkcs8 -topk8 -nocrypt)");
  }

  @Test
  void aMissingOrEmptyFileIsRefusedNamingTheSettingAndThePath() throws Exception {
    Path missing = dir.resolve("nope.pem");
    assertThatThrownBy(() -> Pem.certificates(new PemFile("KEYGATE_TLS_CERT_FILE", missing)))
        .hasMessage("KEYGATE_TLS_CERT_FILE (" + missing + "): no such file");
    Path empty = write("empty.pem", "");
    assertThatThrownBy(() -> Pem.certificates(new PemFile("KEYGATE_TLS_CERT_FILE", empty)))
        .hasMessage("KEYGATE_TLS_CERT_FILE (" + empty + "): holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    assertThatThrownBy(() -> Pem.certificates(new PemFile("KEYGATE_TLS_CERT_FILE", dir)))
        .hasMessageStartingWith("KEYGATE_TLS_CERT_FILE (" + dir + "): cannot be read");
  }

  @Test
  void keyProblemsAreRefusedWithoutQuotingTheKey() throws Exception {
    String key = SERVER.keyPem();
    String body = key.substring(key.indexOf('\n') + 1, key.indexOf("-----END")).strip();
    Path certAsKey = write("cert-as-key.pem", SERVER.certificatePem());
    assertThatThrownBy(() -> Pem.privateKey(new PemFile("KEYGATE_TLS_KEY_FILE", certAsKey)))
        .hasMessageContaining("holds no PEM private key");
    Path two = write("two.pem", key + key);
    assertThatThrownBy(() -> Pem.privateKey(new PemFile("KEYGATE_TLS_KEY_FILE", two)))
        .hasMessageContaining("holds 2 private keys");
    Path encrypted = write("encrypted.pem", "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + body
        + "\n-----END ENCRYPTED PRIVATE KEY-----\n");
    assertThatThrownBy(() -> Pem.privateKey(new PemFile("KEYGATE_TLS_KEY_FILE", encrypted)))
        .hasMessageContaining("is encrypted").hasMessageNotContaining(body.substring(0, 20));
    String truncated = body.substring(0, 64);
    Path garbage = write("garbage.pem", "-----BEGIN PRIVATE KEY-----\n" + truncated + "\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> Pem.privateKey(new PemFile("KEYGATE_TLS_KEY_FILE", garbage)))
        .hasMessage("KEYGATE_TLS_KEY_FILE (" + garbage + "): the PRIVATE KEY does not parse as an RSA, EC or"
            + " EdDSA key");
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
