package io.keygate.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.keygate.testing.TestCertificates;
import io.keygate.testing.TestCertificates.Issued;
import io.keygate.testing.TestClock;
import io.keygate.transport.tls.ServerTls.Outcome;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The server's credentials follow their files: a changed pair is put into use, a broken one is refused
 * and the one in use stays, each said once in the log — with serials, never key material.
 */
class ServerTlsTest {
  private static final Issued CA = TestCertificates.ca("server tls test CA");
  private static final Issued OTHER_CA = TestCertificates.ca("another CA");

  @TempDir
  Path dir;
  private Path cert;
  private Path key;
  private Path clientCa;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(ServerTls.class);
  private ServerTls tls;

  @BeforeEach
  void files() {
    cert = dir.resolve("tls.crt");
    key = dir.resolve("tls.key");
    clientCa = dir.resolve("ca.crt");
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void close() {
    logger.detachAppender(log);
    if (tls != null) {
      tls.close();
    }
  }

  @Test
  void theFilesCertificateIsServedAndLogged() {
    Issued server = TestCertificates.server(CA);
    server.write(cert, key, CA);
    tls = load(null, Clock.systemUTC());
    assertThat(tls.enabled()).isTrue();
    assertThat(tls.clientCertificatesRequired()).isFalse();
    assertThat(tls.certificate().getSerialNumber()).isEqualTo(server.serial());
    assertThat(messages()).singleElement().asString().startsWith("INFO TLS on: certificate 'CN=keygate test server'"
        + " serial " + server.serial().toString(16));
    assertNoKeyMaterialLogged(server);
  }

  @Test
  void replacedFilesAreReloadedAndUnchangedOnesAreNot() {
    Issued first = TestCertificates.server(CA);
    first.write(cert, key);
    tls = load(null, Clock.systemUTC());
    assertThat(tls.reload()).isEqualTo(Outcome.UNCHANGED);

    Issued second = TestCertificates.server(CA);
    second.write(cert, key);
    assertThat(tls.reload()).isEqualTo(Outcome.RELOADED);
    assertThat(tls.certificate().getSerialNumber()).isEqualTo(second.serial());
    assertThat(tls.reload()).isEqualTo(Outcome.UNCHANGED);
    assertThat(messages()).last().asString().isEqualTo("INFO TLS certificate reloaded: " + Pem.describe(
        second.certificate()) + " from KEYGATE_TLS_CERT_FILE (" + cert + ") (was serial " + hex(first) + ")");
    assertNoKeyMaterialLogged(first);
    assertNoKeyMaterialLogged(second);
  }

  @Test
  void aCertificateRenewedOnTheSameKeyIsReloaded() {
    Issued first = TestCertificates.server(CA);
    first.write(cert, key);
    tls = load(null, Clock.systemUTC());
    Issued sameKey = TestCertificates.server(CA, first.keys());
    TestCertificates.replace(cert, sameKey.certificatePem());
    assertThat(tls.reload()).as("only the certificate file changed").isEqualTo(Outcome.RELOADED);
    assertThat(tls.certificate().getSerialNumber()).isEqualTo(sameKey.serial());
  }

  @Test
  void aBrokenFileKeepsTheCertificateInUseAndIsReportedOnce() {
    Issued first = TestCertificates.server(CA);
    first.write(cert, key);
    tls = load(null, Clock.systemUTC());
    TestCertificates.replace(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    assertThat(tls.reload()).isEqualTo(Outcome.FAILED);
    assertThat(tls.reload()).as("the same content again: not retried").isEqualTo(Outcome.FAILED);
    assertThat(tls.certificate().getSerialNumber()).isEqualTo(first.serial());
    List<String> warnings = messages().stream().filter(m -> m.startsWith("WARN")).toList();
    assertThat(warnings).singleElement().asString().isEqualTo("WARN TLS certificate not reloaded, new connections"
        + " still get " + Pem.describe(first.certificate()) + ": KEYGATE_TLS_KEY_FILE (" + key + "): the PRIVATE KEY"
        + " does not parse as an RSA, EC or EdDSA key");

    Issued fixed = TestCertificates.server(CA);
    fixed.write(cert, key);
    assertThat(tls.reload()).isEqualTo(Outcome.RELOADED);
    assertThat(tls.certificate().getSerialNumber()).isEqualTo(fixed.serial());
  }

  @Test
  void aCertificateWrittenBeforeItsKeyWaitsForTheKey() {
    Issued first = TestCertificates.server(CA);
    first.write(cert, key);
    tls = load(null, Clock.systemUTC());
    Issued next = TestCertificates.server(CA);
    TestCertificates.replace(cert, next.certificatePem());
    assertThat(tls.reload()).isEqualTo(Outcome.FAILED);
    assertThat(messages()).last().asString().contains("KEYGATE_TLS_KEY_FILE (" + key + "): not the private key of"
        + " the certificate in KEYGATE_TLS_CERT_FILE");
    assertThat(tls.certificate().getSerialNumber()).isEqualTo(first.serial());
    TestCertificates.replace(key, next.keyPem());
    assertThat(tls.reload()).isEqualTo(Outcome.RELOADED);
    assertThat(tls.certificate().getSerialNumber()).isEqualTo(next.serial());
  }

  @Test
  void aMissingFileDuringARotationKeepsTheCertificateInUse() throws Exception {
    Issued first = TestCertificates.server(CA);
    first.write(cert, key);
    tls = load(null, Clock.systemUTC());
    java.nio.file.Files.delete(key);
    assertThat(tls.reload()).isEqualTo(Outcome.FAILED);
    assertThat(tls.reload()).isEqualTo(Outcome.FAILED);
    assertThat(messages().stream().filter(m -> m.startsWith("WARN"))).singleElement().asString()
        .endsWith("KEYGATE_TLS_KEY_FILE (" + key + "): no such file");
    first.write(cert, key);
    assertThat(tls.reload()).as("back to the content in use").isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void anExpiredReplacementIsRefusedWhileTheCertificateInUseIsValid() {
    Issued valid = TestCertificates.server(CA);
    valid.write(cert, key);
    tls = load(null, Clock.systemUTC());
    Instant now = Instant.now();
    Issued expired = TestCertificates.server(CA, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
    expired.write(cert, key);
    assertThat(tls.reload()).isEqualTo(Outcome.FAILED);
    assertThat(tls.certificate().getSerialNumber()).isEqualTo(valid.serial());
    assertThat(messages()).last().asString().contains("has expired, the one in use has not");
  }

  @Test
  void anExpiredCertificateIsServedAtStartWithAWarning() {
    Instant now = Instant.now();
    Issued server = TestCertificates.server(CA, now.minus(Duration.ofDays(90)), now.plus(Duration.ofDays(1)));
    server.write(cert, key);
    TestClock later = new TestClock(now.plus(Duration.ofDays(2)).toEpochMilli());
    tls = load(null, later);
    assertThat(tls.certificate().getSerialNumber()).isEqualTo(server.serial());
    assertThat(messages()).last().asString().startsWith("WARN TLS certificate " + Pem.describe(server.certificate())
        + " has expired: clients will refuse the handshake");
  }

  @Test
  void clientCasAreLoadedAndReloaded() {
    TestCertificates.server(CA).write(cert, key);
    TestCertificates.replace(clientCa, CA.certificatePem());
    tls = load(clientCa, Clock.systemUTC());
    assertThat(tls.clientCertificatesRequired()).isTrue();
    assertThat(tls.clientCas()).extracting(X509Certificate::getSerialNumber).containsExactly(CA.serial());
    assertThat(messages()).last().asString().isEqualTo("INFO mTLS on: client certificates required, chaining to one"
        + " of 1 CA certificate(s) from KEYGATE_TLS_CLIENT_CA_FILE (" + clientCa + ")");

    TestCertificates.replace(clientCa, CA.certificatePem() + OTHER_CA.certificatePem());
    assertThat(tls.reload()).isEqualTo(Outcome.RELOADED);
    assertThat(tls.clientCas()).extracting(X509Certificate::getSerialNumber)
        .containsExactly(CA.serial(), OTHER_CA.serial());
    TestCertificates.replace(clientCa, "not PEM");
    assertThat(tls.reload()).isEqualTo(Outcome.FAILED);
    assertThat(tls.clientCas()).hasSize(2);
    assertThat(messages()).last().asString().isEqualTo("WARN TLS client CAs not reloaded, the 2 in use stay:"
        + " KEYGATE_TLS_CLIENT_CA_FILE (" + clientCa + "): holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
  }

  @Test
  void theWatcherReloadsOnItsOwn() {
    TestCertificates.server(CA).write(cert, key);
    tls = load(null, Clock.systemUTC());
    tls.watch(Duration.ofMillis(20));
    Issued next = TestCertificates.server(CA);
    next.write(cert, key);
    await().atMost(Duration.ofSeconds(10)).until(() -> tls.certificate().getSerialNumber().equals(next.serial()));
  }

  @Test
  void startIsRefusedForAKeyThatIsNotTheCertificatesOrAMissingCaFile() {
    TestCertificates.server(CA).write(cert, key);
    Path otherKey = dir.resolve("other.key");
    TestCertificates.replace(otherKey, TestCertificates.server(CA).keyPem());
    assertThatThrownBy(() -> ServerTls.load(new PemFile("KEYGATE_TLS_CERT_FILE", cert),
        new PemFile("KEYGATE_TLS_KEY_FILE", otherKey), null, Clock.systemUTC()))
        .hasMessageStartingWith("KEYGATE_TLS_KEY_FILE (" + otherKey + "): not the private key of the certificate in"
            + " KEYGATE_TLS_CERT_FILE (" + cert + ")");
    assertThatThrownBy(() -> load(dir.resolve("missing-ca.crt"), Clock.systemUTC()))
        .hasMessage("KEYGATE_TLS_CLIENT_CA_FILE (" + dir.resolve("missing-ca.crt") + "): no such file");
  }

  @Test
  void plaintextHasNothingToReload() {
    ServerTls plaintext = ServerTls.plaintext();
    assertThat(plaintext.enabled()).isFalse();
    assertThat(plaintext.certificate()).isNull();
    assertThat(plaintext.reload()).isEqualTo(Outcome.UNCHANGED);
    plaintext.watch(Duration.ofMillis(1));
    plaintext.close();
  }

  private ServerTls load(Path ca, Clock clock) {
    return ServerTls.load(new PemFile("KEYGATE_TLS_CERT_FILE", cert), new PemFile("KEYGATE_TLS_KEY_FILE", key),
        ca == null ? null : new PemFile("KEYGATE_TLS_CLIENT_CA_FILE", ca), clock);
  }

  private List<String> messages() {
    return log.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  private void assertNoKeyMaterialLogged(Issued issued) {
    String pem = issued.keyPem();
    String firstLine = pem.split("\n")[1];
    for (String message : messages()) {
      assertThat(message).doesNotContain("PRIVATE KEY-----", firstLine, firstLine.substring(0, 16));
    }
  }

  private static String hex(Issued issued) {
    return issued.serial().toString(16);
  }
}
