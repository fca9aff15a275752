package io.keygate.it;

import static io.keygate.it.Grpc.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.keygate.client.KeygateClient;
import io.keygate.config.Settings;
import io.keygate.server.KeygateServer;
import io.keygate.testing.TestCertificates;
import io.keygate.testing.TestCertificates.Issued;
import io.keygate.transport.tls.ServerTls;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.ListApiKeysRequest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and mTLS on a real Netty Keygate, with certificates made in the test: the handshake and Authorize
 * over it, every refusal (plaintext, an unknown CA, a wrong name, an expired certificate, a missing or
 * foreign client certificate), the certificate replaced on disk as Kubernetes replaces a mounted Secret
 * and picked up by new handshakes without a restart, the CLI and the Java client over TLS, and a start
 * refused for files that do not load.
 */
class TlsIT {
  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  @TempDir
  static Path dir;

  private static Issued ca;
  private static Issued server;
  private static Path caFile;
  private static Path otherCaFile;
  private static Path clientCert;
  private static Path clientKey;
  private static Path foreignClientCert;
  private static Path foreignClientKey;
  private static String jdbcUrl;
  private static TestKeygate tls;
  private static TestKeygate mtls;
  private static String admin;

  @BeforeAll
  static void start() {
    ca = TestCertificates.ca("TlsIT CA");
    Issued otherCa = TestCertificates.ca("somebody else's CA");
    server = TestCertificates.server(ca);
    caFile = write("ca.crt", ca.certificatePem());
    otherCaFile = write("other-ca.crt", otherCa.certificatePem());
    Path certFile = dir.resolve("tls.crt");
    Path keyFile = dir.resolve("tls.key");
    server.write(certFile, keyFile, ca);
    clientCert = dir.resolve("client.crt");
    clientKey = dir.resolve("client.key");
    TestCertificates.client(ca, "TlsIT client").write(clientCert, clientKey);
    foreignClientCert = dir.resolve("foreign-client.crt");
    foreignClientKey = dir.resolve("foreign-client.key");
    TestCertificates.client(otherCa, "foreign client").write(foreignClientCert, foreignClientKey);

    jdbcUrl = TestPostgres.newDatabase();
    tls = FLEET.keygate(jdbcUrl, tlsSettings(certFile, keyFile));
    admin = tls.system.secret();
    Map<String, String> mutual = tlsSettings(certFile, keyFile);
    mutual.put(Settings.TLS_CLIENT_CA_FILE.name(), caFile.toString());
    mtls = FLEET.keygate(jdbcUrl, mutual);
  }

  @Test
  void authorizeAndManagementCallsWorkOverTls() {
    ManagedChannel channel = tls.channel(trusting(caFile));
    assertThat(authorize(channel)).isEqualTo(200);
    assertThat(TestKeygate.with(ApiKeyServiceGrpc.newBlockingStub(channel),
        TestKeygate.apiKeyHeader(admin)).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount())
        .isPositive();
    assertThat(servedSerial(channel)).isEqualTo(server.serial());
    assertThat(tls.server.tls().clientCertificatesRequired()).isFalse();
  }

  @Test
  void aPlaintextClientIsRefused() {
    assertStatus(Status.Code.UNAVAILABLE, () -> health(tls.channel));
  }

  @Test
  void aClientThatDoesNotTrustTheIssuingCaRefusesTheServer() {
    assertHandshakeRefused(() -> health(tls.channel(trusting(otherCaFile))));
  }

  @Test
  void aNameTheCertificateDoesNotCarryIsRefused() {
    ManagedChannel channel = FLEET.closeAfterAll(new Closing(NettyChannelBuilder.forAddress("127.0.0.1",
        tls.server.port(), trusting(caFile)).overrideAuthority("keygate.example.com").build())).channel();
    assertHandshakeRefused(() -> health(channel));
  }

  @Test
  void anExpiredServerCertificateIsRefusedByTheClient() {
    Instant now = Instant.now();
    Issued expired = TestCertificates.server(ca, now.minus(Duration.ofDays(90)), now.minus(Duration.ofMinutes(5)));
    Path certFile = dir.resolve("expired.crt");
    Path keyFile = dir.resolve("expired.key");
    expired.write(certFile, keyFile);
    TestKeygate stale = FLEET.keygate(jdbcUrl, tlsSettings(certFile, keyFile));
    assertHandshakeRefused(() -> health(stale.channel(trusting(caFile))))
        .hasRootCauseInstanceOf(CertificateExpiredException.class);
  }

  /**
   * Fleet mode over TLS: an edge sidecar with KEYGATE_CENTRAL_TLS and the CA decides through a central tier
   * serving TLS (lookups and the change stream); one without the CA, or in plaintext, reaches nothing.
   */
  @Test
  void anEdgeSidecarReachesACentralTierServingTlsOnlyTrustingItsCa() {
    String token = "fleet-token-of-the-tls-test-0123456789";
    Map<String, String> settings = tlsSettings(dir.resolve("tls.crt"), dir.resolve("tls.key"));
    settings.put(Settings.FLEET_TOKEN.name(), token);
    TestKeygate central = FLEET.keygate(jdbcUrl, settings);
    TestKeygate edge = FLEET.closeAfterAll(TestKeygate.edge(List.of(central), token, Map.of(
        Settings.CENTRAL_TLS.name(), "true", Settings.CENTRAL_CA_FILE.name(), caFile.toString())));
    await().atMost(Duration.ofSeconds(10)).until(() -> edge.server.changeFeed().connected());
    assertThat(authorize(edge.channel)).isEqualTo(200);

    Map<String, String> quick = Map.of(Settings.CENTRAL_TIMEOUT.name(), "300");
    TestKeygate plaintext = FLEET.closeAfterAll(TestKeygate.edge(List.of(central), token, quick));
    Map<String, String> foreign = new HashMap<>(quick);
    foreign.put(Settings.CENTRAL_TLS.name(), "true");
    foreign.put(Settings.CENTRAL_CA_FILE.name(), otherCaFile.toString());
    TestKeygate untrusting = FLEET.closeAfterAll(TestKeygate.edge(List.of(central), token, foreign));
    for (TestKeygate refused : List.of(plaintext, untrusting)) {
      assertStatus(Status.Code.UNAVAILABLE, () -> authorize(refused.channel))
          .hasMessageContaining("the central tier could not answer");
      assertThat(refused.server.changeFeed().connected()).isFalse();
    }
  }

  @Test
  void mtlsRefusesAClientWithoutACertificate() {
    assertStatus(Status.Code.UNAVAILABLE, () -> health(mtls.channel(trusting(caFile))));
  }

  @Test
  void mtlsRefusesAClientCertificateFromAnotherCa() {
    assertStatus(Status.Code.UNAVAILABLE, () -> health(mtls.channel(presenting(foreignClientCert,
        foreignClientKey))));
  }

  @Test
  void mtlsAcceptsAClientCertificateFromItsCa() {
    ManagedChannel channel = mtls.channel(presenting(clientCert, clientKey));
    assertThat(authorize(channel)).isEqualTo(200);
    assertThat(mtls.server.tls().clientCertificatesRequired()).isTrue();
  }

  @Test
  void aReplacedCertificateIsServedToNewHandshakesWithoutARestart() throws IOException {
    // The layout kubelet gives a mounted Secret: files are links through ..data, swapped in one rename.
    Path mount = Files.createDirectories(dir.resolve("mount"));
    Issued first = TestCertificates.server(ca);
    publish(mount, "..v1", first);
    Files.createSymbolicLink(mount.resolve("tls.crt"), Path.of("..data/tls.crt"));
    Files.createSymbolicLink(mount.resolve("tls.key"), Path.of("..data/tls.key"));
    Map<String, String> settings = tlsSettings(mount.resolve("tls.crt"), mount.resolve("tls.key"));
    settings.put(Settings.TLS_RELOAD.name(), "1");
    TestKeygate rotating = FLEET.keygate(jdbcUrl, settings);
    ManagedChannel before = rotating.channel(trusting(caFile));
    assertThat(servedSerial(before)).isEqualTo(first.serial());

    Issued second = TestCertificates.server(ca);
    publish(mount, "..v2", second);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(() -> servedSerial(rotating.channel(trusting(caFile))).equals(second.serial()));
    assertThat(rotating.server.tls().certificate().getSerialNumber()).isEqualTo(second.serial());
    assertThat(authorize(rotating.channel(trusting(caFile)))).isEqualTo(200);
    assertThat(servedSerial(before)).as("an open connection keeps its handshake").isEqualTo(first.serial());

    // A broken rotation: the key is not the certificate's. The certificate in use stays.
    Files.createDirectories(mount.resolve("..v3"));
    Files.writeString(mount.resolve("..v3/tls.crt"), TestCertificates.server(ca).certificatePem());
    Files.writeString(mount.resolve("..v3/tls.key"), second.keyPem());
    swapData(mount, "..v3");
    assertThat(rotating.server.tls().reload()).isEqualTo(ServerTls.Outcome.FAILED);
    assertThat(servedSerial(rotating.channel(trusting(caFile)))).isEqualTo(second.serial());
  }

  @Test
  void aReplacedClientCaFileDecidesNewHandshakes() {
    Path clientCas = write("rotating-client-ca.crt", ca.certificatePem());
    Map<String, String> settings = tlsSettings(dir.resolve("tls.crt"), dir.resolve("tls.key"));
    settings.put(Settings.TLS_CLIENT_CA_FILE.name(), clientCas.toString());
    settings.put(Settings.TLS_RELOAD.name(), "86400"); // reloaded by hand below, not by the watcher
    TestKeygate rotating = FLEET.keygate(jdbcUrl, settings);
    assertThat(authorize(rotating.channel(presenting(clientCert, clientKey)))).isEqualTo(200);
    assertStatus(Status.Code.UNAVAILABLE, () -> health(rotating.channel(presenting(foreignClientCert,
        foreignClientKey))));

    TestCertificates.replace(clientCas, read(otherCaFile));
    assertThat(rotating.server.tls().reload()).isEqualTo(ServerTls.Outcome.RELOADED);
    assertThat(authorize(rotating.channel(presenting(foreignClientCert, foreignClientKey)))).isEqualTo(200);
    assertStatus(Status.Code.UNAVAILABLE, () -> health(rotating.channel(presenting(clientCert, clientKey))));
  }

  @Test
  void theCliSpeaksTlsAndMtls() {
    String address = "127.0.0.1:" + tls.server.port();
    Cli.Run allowed = cli(Map.of(), "authorize", "--address", address, "--ca", caFile.toString(),
        "--resource", "api-keys", "--action", "read");
    assertThat(allowed.exit()).as(allowed.err()).isZero();
    assertThat(allowed.out()).startsWith("200 ok");
    assertThat(cli(Map.of(), "roles", "list", "--address", address, "--tls", "--ca", caFile.toString()).exit())
        .isZero();
    assertThat(cli(Map.of("KEYGATE_CLI_CA_FILE", caFile.toString()), "roles", "list", "--address", address).exit())
        .as("the CA from the environment").isZero();
    assertThat(cli(Map.of(), "roles", "list", "--address", "127.0.0.1:" + tls.server.port(), "--ca",
        caFile.toString(), "--server-name", "localhost").exit()).as("a name the certificate carries").isZero();

    Cli.Run plaintext = cli(Map.of(), "roles", "list", "--address", address, "--deadline", "5s");
    assertThat(plaintext.exit()).isEqualTo(2);
    assertThat(plaintext.err()).startsWith("error: UNAVAILABLE: ").contains("If it serves TLS, add --tls");
    Cli.Run untrusted = cli(Map.of(), "roles", "list", "--address", address, "--ca", otherCaFile.toString());
    assertThat(untrusted.exit()).isEqualTo(2);
    assertThat(untrusted.err()).startsWith("error: UNAVAILABLE: ").contains("TLS handshake failed");
    Cli.Run wrongName = cli(Map.of(), "authorize", "--address", address, "--ca", caFile.toString(),
        "--server-name", "keygate.example.com", "--resource", "api-keys", "--action", "read");
    assertThat(wrongName.exit()).isEqualTo(2);
    assertThat(wrongName.err()).contains("TLS handshake failed");

    String mutual = "127.0.0.1:" + mtls.server.port();
    assertThat(cli(Map.of(), "roles", "list", "--address", mutual, "--ca", caFile.toString(), "--cert",
        clientCert.toString(), "--cert-key", clientKey.toString()).exit()).isZero();
    assertThat(cli(Map.of("KEYGATE_CLI_CERT_FILE", clientCert.toString(), "KEYGATE_CLI_KEY_FILE",
        clientKey.toString()), "authorize", "--address", mutual, "--ca", caFile.toString(), "--resource",
        "api-keys", "--action", "read").exit()).as("the client certificate from the environment").isZero();
    Cli.Run noCertificate = cli(Map.of(), "roles", "list", "--address", mutual, "--ca", caFile.toString());
    assertThat(noCertificate.exit()).as("no client certificate").isEqualTo(2);
    assertThat(noCertificate.err()).startsWith("error: UNAVAILABLE: ").contains("TLS handshake failed");
    Cli.Run half = cli(Map.of(), "roles", "list", "--address", mutual, "--cert", clientCert.toString());
    assertThat(half.exit()).isEqualTo(2);
    assertThat(half.err()).isEqualTo("error: --cert and --cert-key go together (KEYGATE_CLI_CERT_FILE and"
        + " KEYGATE_CLI_KEY_FILE)\n");
    Cli.Run missing = cli(Map.of(), "roles", "list", "--address", address, "--ca", dir.resolve("nope").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("error: --ca (" + dir.resolve("nope") + "): no such file\n");
  }

  @Test
  void theJavaClientDecidesOverTls() {
    try (KeygateClient client = KeygateClient.builder().channel(mtls.channel(presenting(clientCert, clientKey)))
        .deadline(Duration.ofSeconds(10)).build()) {
      assertThat(client.authorize(admin, "203.0.113.7", "api-keys", "read").allowed()).isTrue();
    }
  }

  @Test
  void startIsRefusedNamingTheFileWhenATlsFileDoesNotLoad() {
    Path certFile = dir.resolve("tls.crt");
    Path missing = dir.resolve("missing.key");
    assertThatThrownBy(() -> KeygateServer.start(TestKeygate.config(jdbcUrl, tlsSettings(certFile, missing))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("KEYGATE_TLS_KEY_FILE (" + missing + "): no such file");
    String key = server.keyPem();
    String keyBody = key.split("\n")[1];
    Path damaged = write("damaged.key", key.replace(keyBody, keyBody.substring(0, 32)));
    assertThatThrownBy(() -> KeygateServer.start(TestKeygate.config(jdbcUrl, tlsSettings(certFile, damaged))))
        .hasMessageStartingWith("KEYGATE_TLS_KEY_FILE (" + damaged + "): ")
        .hasMessageNotContaining(keyBody.substring(0, 16));
    Path notACert = write("not-a-cert.crt", "hello");
    assertThatThrownBy(() -> KeygateServer.start(TestKeygate.config(jdbcUrl, tlsSettings(notACert,
        dir.resolve("tls.key")))))
        .hasMessage("KEYGATE_TLS_CERT_FILE (" + notACert + "): holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
  }

  private static Map<String, String> tlsSettings(Path certFile, Path keyFile) {
    Map<String, String> settings = new HashMap<>();
    settings.put(Settings.TLS_CERT_FILE.name(), certFile.toString());
    settings.put(Settings.TLS_KEY_FILE.name(), keyFile.toString());
    return settings;
  }

  /** grpc-java's own TLS client (not Keygate's): the server verified against {@code ca}, host name included. */
  private static ChannelCredentials trusting(Path ca) {
    try {
      return TlsChannelCredentials.newBuilder().trustManager(ca.toFile()).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ChannelCredentials presenting(Path cert, Path key) {
    try {
      return TlsChannelCredentials.newBuilder().trustManager(caFile.toFile())
          .keyManager(new File(cert.toString()), new File(key.toString())).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int authorize(Channel channel) {
    return AuthorizerServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .authorize(AuthorizeRequest.newBuilder().setCredential(admin).setResource("api-keys").setAction("read")
            .setClientIp("127.0.0.1").build()).getHttpStatus();
  }

  private static void health(Channel channel) {
    HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .check(HealthCheckRequest.getDefaultInstance());
  }

  /** The serial of the certificate the server presented on {@code channel}'s connection. */
  private static BigInteger servedSerial(Channel channel) {
    AtomicReference<SSLSession> session = new AtomicReference<>();
    ClientInterceptor capture = new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        ClientCall<Q, R> call = next.newCall(method, options);
        return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
              @Override
              public void onHeaders(Metadata received) {
                session.set(call.getAttributes().get(io.grpc.Grpc.TRANSPORT_ATTR_SSL_SESSION));
                super.onHeaders(received);
              }
            }, headers);
          }
        };
      }
    };
    health(ClientInterceptors.intercept(channel, capture));
    try {
      return ((X509Certificate) session.get().getPeerCertificates()[0]).getSerialNumber();
    } catch (SSLPeerUnverifiedException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code call} fails UNAVAILABLE because the client refused the handshake. */
  private static AbstractThrowableAssert<?, ? extends Throwable> assertHandshakeRefused(ThrowingCallable call) {
    return assertStatus(Status.Code.UNAVAILABLE, call)
        .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof SSLHandshakeException));
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /** Writes version {@code name} of the mount and points ..data at it, as kubelet does. */
  private static void publish(Path mount, String name, Issued issued) throws IOException {
    Files.createDirectories(mount.resolve(name));
    Files.writeString(mount.resolve(name).resolve("tls.crt"), issued.certificatePem());
    Files.writeString(mount.resolve(name).resolve("tls.key"), issued.keyPem());
    swapData(mount, name);
  }

  private static void swapData(Path mount, String name) throws IOException {
    Path next = mount.resolve("..data_tmp");
    Files.deleteIfExists(next);
    Files.createSymbolicLink(next, Path.of(name));
    Files.move(next, mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Cli.Run cli(Map<String, String> env, String... args) {
    Map<String, String> withKey = new HashMap<>(env);
    withKey.put("KEYGATE_API_KEY", admin);
    return Cli.run(withKey, args);
  }

  /** A channel closed after the class. */
  private record Closing(ManagedChannel channel) implements AutoCloseable {
    @Override
    public void close() {
      channel.shutdownNow();
    }
  }
}
