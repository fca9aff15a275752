package io.keygate.transport.tls;

import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.util.AdvancedTlsX509KeyManager;
import io.grpc.util.AdvancedTlsX509TrustManager;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * The TLS credentials of a client of Keygate (the {@code keygate} commands): the server's certificate is
 * verified — chain and host name — against the given CAs or the JVM's; a client certificate is presented
 * when the server asks for one (mTLS).
 */
public final class ClientTls {
  private ClientTls() {}

  /**
   * @param caFile {@code null}: the JVM's trusted CAs
   * @param certFile {@code null}: no client certificate; else with {@code keyFile}
   */
  public static ChannelCredentials credentials(PemFile caFile, PemFile certFile, PemFile keyFile) {
    TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder();
    if (caFile != null) {
      X509Certificate[] cas = Pem.certificates(caFile);
      try {
        AdvancedTlsX509TrustManager trust = AdvancedTlsX509TrustManager.newBuilder()
            .setVerification(AdvancedTlsX509TrustManager.Verification.CERTIFICATE_AND_HOST_NAME_VERIFICATION)
            .build();
        trust.updateTrustCredentials(cas);
        builder.trustManager(trust);
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalArgumentException(caFile + ": its certificates cannot be trusted (" + e.getMessage() + ")",
            e);
      }
    }
    if (certFile != null) {
      X509Certificate[] chain = Pem.certificates(certFile);
      PrivateKey key = Pem.privateKey(keyFile);
      if (!Pem.matches(chain[0], key)) {
        throw new IllegalArgumentException(keyFile + ": not the private key of the certificate in " + certFile);
      }
      // Offered whatever CAs the server names: the server decides whether it chains to one it trusts.
      AdvancedTlsX509KeyManager keys = new AdvancedTlsX509KeyManager();
      keys.updateIdentityCredentials(chain, key);
      builder.keyManager(keys);
    }
    return builder.build();
  }
}
