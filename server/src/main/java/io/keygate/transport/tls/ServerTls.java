package io.keygate.transport.tls;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.util.AdvancedTlsX509KeyManager;
import io.grpc.util.AdvancedTlsX509TrustManager;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS credentials of the gRPC server, kept in step with their files: the certificate chain and key
 * ({@code KEYGATE_TLS_CERT_FILE}, {@code _KEY_FILE}) and, for mTLS, the CAs client certificates must chain
 * to ({@code KEYGATE_TLS_CLIENT_CA_FILE}). grpc-java's {@link AdvancedTlsX509KeyManager} and
 * {@link AdvancedTlsX509TrustManager} are consulted on every handshake; {@link #reload()} replaces what
 * they hold when a file's content has changed, so new connections get the new certificate without a
 * restart and open connections keep theirs. For mTLS the server's certificate request names no CA
 * ({@link NamingNoCas}), so that a replaced client CA file is honoured by clients that pick their
 * certificate by the names the server sends.
 *
 * <p>Why not grpc-java's own file watching ({@code updateIdentityCredentials(certFile, keyFile, period,
 * …)})? It checks no more often than once a minute (tests would wait), compares modification times and
 * reloads only when both files' times changed — so a renewal that keeps the key (cert-manager's
 * {@code rotationPolicy: Never}) is never picked up — and it logs a failure on every tick. Here a file
 * counts as changed when its content does, a pair is loaded only when the key is the certificate's, a
 * failure is logged once per distinct content and keeps the credentials in use, and success is logged
 * with the new serial. Nothing secret is logged: certificates are named by subject, serial and expiry.
 */
public final class ServerTls implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);

  /** What a {@link #reload()} did. */
  public enum Outcome {
    /** No file's content changed (or it is the content that failed last time). */
    UNCHANGED,
    /** New credentials are in use for new handshakes. */
    RELOADED,
    /** A changed file did not load; the credentials in use stay. */
    FAILED
  }

  private final PemFile certFile;
  private final PemFile keyFile;
  private final PemFile clientCaFile;
  private final Clock clock;
  private final AdvancedTlsX509KeyManager keyManager;
  private final AdvancedTlsX509TrustManager trustManager;
  private final ServerCredentials credentials;
  private volatile X509Certificate[] chain;
  private volatile X509Certificate[] clientCas;
  private byte[] identityDigest;
  private byte[] identityFailedDigest;
  private String identityFailure;
  private byte[] caDigest;
  private byte[] caFailedDigest;
  private String caFailure;
  private ScheduledExecutorService watcher;

  private ServerTls() {
    this.certFile = null;
    this.keyFile = null;
    this.clientCaFile = null;
    this.clock = Clock.systemUTC();
    this.keyManager = null;
    this.trustManager = null;
    this.credentials = InsecureServerCredentials.create();
  }

  private ServerTls(PemFile certFile, PemFile keyFile, PemFile clientCaFile, Clock clock) {
    this.certFile = certFile;
    this.keyFile = keyFile;
    this.clientCaFile = clientCaFile;
    this.clock = clock;
    this.keyManager = new AdvancedTlsX509KeyManager();
    byte[] cert = certFile.read();
    byte[] key = keyFile.read();
    Identity identity = identity(cert, key);
    X509Certificate[] loaded = identity.chain();
    keyManager.updateIdentityCredentials(loaded, identity.key());
    this.chain = loaded;
    this.identityDigest = digest(cert, key);
    TlsServerCredentials.Builder builder = TlsServerCredentials.newBuilder().keyManager(keyManager);
    if (clientCaFile == null) {
      this.trustManager = null;
    } else {
      try {
        this.trustManager = AdvancedTlsX509TrustManager.newBuilder()
            .setVerification(AdvancedTlsX509TrustManager.Verification.CERTIFICATE_ONLY_VERIFICATION).build();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("no X.509 trust manager in this JVM", e);
      }
      byte[] cas = clientCaFile.read();
      X509Certificate[] trusted = Pem.certificates(clientCaFile, cas);
      trust(trusted);
      this.clientCas = trusted;
      this.caDigest = digest(cas);
      builder.trustManager(new NamingNoCas(trustManager)).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
    }
    this.credentials = builder.build();
    LOG.info("TLS on: certificate {} from {}", Pem.describe(loaded[0]), certFile);
    warnIfNotValidNow(loaded[0]);
    if (clientCaFile != null) {
      LOG.info("mTLS on: client certificates required, chaining to one of {} CA certificate(s) from {}",
          clientCas.length, clientCaFile);
    }
  }

  /** No TLS: plaintext credentials, nothing to reload. */
  public static ServerTls plaintext() {
    return new ServerTls();
  }

  /**
   * Loads the files now, refusing (with a message naming the file and the fault) a file that is missing,
   * unreadable or not PEM, a key that is not the certificate's, or CA file without a certificate.
   *
   * @param clientCaFile {@code null}: no client certificate is asked for
   * @param clock the time certificates are checked against (validity is only warned about: a certificate
   *     that has expired is still served, so that a pod restarted just after an expiry is up when the
   *     renewed file arrives)
   */
  public static ServerTls load(PemFile certFile, PemFile keyFile, PemFile clientCaFile, Clock clock) {
    return new ServerTls(certFile, keyFile, clientCaFile, clock);
  }

  public boolean enabled() {
    return keyManager != null;
  }

  public boolean clientCertificatesRequired() {
    return trustManager != null;
  }

  /** The credentials for the server builder: TLS (and mTLS) with the managers above, or plaintext. */
  public ServerCredentials credentials() {
    return credentials;
  }

  /** The certificate new handshakes present; {@code null} for plaintext. */
  public X509Certificate certificate() {
    X509Certificate[] current = chain;
    return current == null ? null : current[0];
  }

  /** The CAs client certificates must chain to now; empty unless mTLS. */
  public X509Certificate[] clientCas() {
    X509Certificate[] current = clientCas;
    return current == null ? new X509Certificate[0] : current.clone();
  }

  /** Reads the files again and puts what changed into use (see the class comment). */
  public synchronized Outcome reload() {
    if (!enabled()) {
      return Outcome.UNCHANGED;
    }
    Outcome identity = reloadIdentity();
    Outcome cas = clientCaFile == null ? Outcome.UNCHANGED : reloadClientCas();
    if (identity == Outcome.FAILED || cas == Outcome.FAILED) {
      return Outcome.FAILED;
    }
    return identity == Outcome.RELOADED || cas == Outcome.RELOADED ? Outcome.RELOADED : Outcome.UNCHANGED;
  }

  /** Calls {@link #reload()} every {@code period}, on a daemon thread, until {@link #close()}. */
  public synchronized void watch(Duration period) {
    if (!enabled() || watcher != null) {
      return;
    }
    watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "keygate-tls-reload");
      t.setDaemon(true);
      return t;
    });
    watcher.scheduleWithFixedDelay(() -> {
      try {
        reload();
      } catch (RuntimeException e) {
        // An exception would cancel the schedule; the next tick tries again.
        LOG.warn("TLS reload failed unexpectedly: {}", e.toString());
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.shutdownNow();
      watcher = null;
    }
  }

  private Outcome reloadIdentity() {
    byte[] digest = null;
    try {
      byte[] cert = certFile.read();
      byte[] key = keyFile.read();
      digest = digest(cert, key);
      if (MessageDigest.isEqual(digest, identityDigest)) {
        identityFailure = null;
        return Outcome.UNCHANGED;
      }
      if (MessageDigest.isEqual(digest, identityFailedDigest)) {
        return Outcome.FAILED;
      }
      Identity loaded = identity(cert, key);
      X509Certificate current = certificate();
      X509Certificate next = loaded.chain()[0];
      Instant now = clock.instant();
      if (now.isAfter(next.getNotAfter().toInstant()) && now.isBefore(current.getNotAfter().toInstant())) {
        throw new IllegalArgumentException(certFile + ": its certificate " + Pem.describe(next)
            + " has expired, the one in use has not");
      }
      keyManager.updateIdentityCredentials(loaded.chain(), loaded.key());
      chain = loaded.chain();
      identityDigest = digest;
      identityFailedDigest = null;
      identityFailure = null;
      LOG.info("TLS certificate reloaded: {} from {} (was serial {})", Pem.describe(next), certFile,
          Pem.serial(current));
      warnIfNotValidNow(next);
      return Outcome.RELOADED;
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().equals(identityFailure)) {
        LOG.warn("TLS certificate not reloaded, new connections still get {}: {}", Pem.describe(certificate()),
            e.getMessage());
      }
      identityFailure = e.getMessage();
      identityFailedDigest = digest;
      return Outcome.FAILED;
    }
  }

  private Outcome reloadClientCas() {
    byte[] digest = null;
    try {
      byte[] cas = clientCaFile.read();
      digest = digest(cas);
      if (MessageDigest.isEqual(digest, caDigest)) {
        caFailure = null;
        return Outcome.UNCHANGED;
      }
      if (MessageDigest.isEqual(digest, caFailedDigest)) {
        return Outcome.FAILED;
      }
      X509Certificate[] trusted = Pem.certificates(clientCaFile, cas);
      trust(trusted);
      clientCas = trusted;
      caDigest = digest;
      caFailedDigest = null;
      caFailure = null;
      LOG.info("TLS client CAs reloaded: {} CA certificate(s) from {}", trusted.length, clientCaFile);
      return Outcome.RELOADED;
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().equals(caFailure)) {
        LOG.warn("TLS client CAs not reloaded, the {} in use stay: {}", clientCas.length, e.getMessage());
      }
      caFailure = e.getMessage();
      caFailedDigest = digest;
      return Outcome.FAILED;
    }
  }

  private record Identity(X509Certificate[] chain, PrivateKey key) {}


  /** The chain of {@code cert} and the key of {@code key}, refused unless the key is the certificate's. */
  private Identity identity(byte[] cert, byte[] key) {
    X509Certificate[] loaded = Pem.certificates(certFile, cert);
    PrivateKey privateKey = Pem.privateKey(keyFile, key);
    if (!Pem.matches(loaded[0], privateKey)) {
      throw new IllegalArgumentException(keyFile + ": not the private key of the certificate in " + certFile
          + " (" + Pem.describe(loaded[0]) + ")");
    }
    return new Identity(loaded, privateKey);
  }

  private void trust(X509Certificate[] cas) {
    try {
      trustManager.updateTrustCredentials(cas);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(clientCaFile + ": its certificates cannot be trusted (" + e.getMessage()
          + ")", e);
    }
  }

  private void warnIfNotValidNow(X509Certificate certificate) {
    Instant now = clock.instant();
    if (now.isAfter(certificate.getNotAfter().toInstant())) {
      LOG.warn("TLS certificate {} has expired: clients will refuse the handshake until {} is replaced",
          Pem.describe(certificate), certFile);
    } else if (now.isBefore(certificate.getNotBefore().toInstant())) {
      LOG.warn("TLS certificate {} is not valid before {}: clients will refuse the handshake until then",
          Pem.describe(certificate), certificate.getNotBefore().toInstant());
    }
  }

  /** SHA-256 over the SHA-256 of each content: files compared without keeping their bytes. */
  private static byte[] digest(byte[]... contents) {
    try {
      MessageDigest all = MessageDigest.getInstance("SHA-256");
      for (byte[] content : contents) {
        all.update(MessageDigest.getInstance("SHA-256").digest(content));
      }
      return all.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
