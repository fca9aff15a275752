package io.keygate.client;

import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizerServiceGrpc;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Asks the Keygate sidecar whether a request may proceed. Thread-safe: one instance, one channel,
 * shared by every request thread. Close it when the application stops.
 *
 * <pre>{@code
 * try (KeygateClient keygate = KeygateClient.builder().build()) {
 *   Decision d = keygate.authorize(apiKey, clientIp, "conversations", "read");
 *   if (!d.allowed()) { respond(d.httpStatus(), d.reason(), d.responseHeaders()); }
 * }
 * }</pre>
 *
 * <p>Plaintext by default, for the sidecar on loopback; a Keygate served with TLS (the central
 * Deployment, {@code KEYGATE_TLS_CERT_FILE}) is reached with {@link Builder#credentials}.
 */
public final class KeygateClient implements AutoCloseable {
  /** Where the sidecar listens unless {@code KEYGATE_ADDRESS} or {@link Builder#target} says otherwise. */
  public static final String DEFAULT_TARGET = "127.0.0.1:7070";
  /** Deadline of one Authorize call unless {@link Builder#deadline} says otherwise. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(250);

  private static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);

  private final ManagedChannel channel;
  private final boolean ownsChannel;
  private final Duration deadline;
  private final AuthorizerServiceGrpc.AuthorizerServiceBlockingStub authorizer;

  private KeygateClient(ManagedChannel channel, boolean ownsChannel, Duration deadline) {
    this.channel = channel;
    this.ownsChannel = ownsChannel;
    this.deadline = deadline;
    this.authorizer = AuthorizerServiceGrpc.newBlockingStub(channel);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Decides one request.
   *
   * @param credential the secret exactly as the client sent it (empty: denied with CREDENTIAL_MISSING)
   * @param clientIp the client's IP literal, for the per-IP limit (empty: keyed on "unknown")
   * @param resource e.g. {@code conversations}
   * @param action e.g. {@code read}, optionally qualified ({@code read:team})
   * @throws KeygateException when Keygate could not decide (unreachable, deadline, invalid request)
   */
  public Decision authorize(String credential, String clientIp, String resource, String action) {
    return authorize(AuthorizeRequest.newBuilder()
        .setCredential(nullToEmpty(credential))
        .setClientIp(nullToEmpty(clientIp))
        .setResource(nullToEmpty(resource))
        .setAction(nullToEmpty(action))
        .build());
  }

  /** Decides a request built in full (headers, method and path, scope…). */
  public Decision authorize(AuthorizeRequest request) {
    try {
      return Decision.from(authorizer.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS).authorize(request));
    } catch (StatusRuntimeException e) {
      throw new KeygateException(e.getStatus(), e);
    }
  }

  /** The channel to the sidecar, for management stubs, e.g. {@code ApiKeyServiceGrpc.newBlockingStub(channel())}. */
  public Channel channel() {
    return channel;
  }

  /** {@code stub} sending {@code secret} in {@code x-api-key}, as the management API expects. */
  public static <S extends AbstractStub<S>> S withApiKey(S stub, String secret) {
    Metadata headers = new Metadata();
    headers.put(API_KEY, Objects.requireNonNull(secret, "secret"));
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  /** Closes the channel if this client created it, waiting up to five seconds for calls in flight. */
  @Override
  public void close() {
    if (!ownsChannel) {
      return;
    }
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  /** Settings of a {@link KeygateClient}; every one has a default. */
  public static final class Builder {
    private String target;
    private Duration deadline = DEFAULT_DEADLINE;
    private ChannelCredentials credentials = InsecureChannelCredentials.create();
    private ManagedChannel channel;

    private Builder() {
      String fromEnv = System.getenv("KEYGATE_ADDRESS");
      target = fromEnv == null || fromEnv.isBlank() ? DEFAULT_TARGET : fromEnv.strip();
    }

    /**
     * {@code host:port} or a gRPC target URI; default {@code $KEYGATE_ADDRESS}, else
     * {@value KeygateClient#DEFAULT_TARGET}.
     */
    public Builder target(String target) {
      this.target = Objects.requireNonNull(target, "target");
      return this;
    }

    /** Deadline of each Authorize call; default 250 ms. Keep it short: the sidecar is on the same host. */
    public Builder deadline(Duration deadline) {
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline must be positive");
      }
      this.deadline = deadline;
      return this;
    }

    /**
     * How to reach {@link #target}: plaintext by default, or TLS — the server's certificate verified against
     * a CA file, and a client certificate for a Keygate that requires one (mTLS):
     *
     * <pre>{@code
     * TlsChannelCredentials.newBuilder()
     *     .trustManager(new File("/etc/keygate/ca.crt"))                          // PEM CA certificates
     *     .keyManager(new File("client.crt"), new File("client.key"))             // mTLS only; key in PKCS #8
     *     .build()
     * }</pre>
     *
     * The host of {@link #target} must be a name (or IP) the server's certificate carries.
     */
    public Builder credentials(ChannelCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** Use this channel (custom executor, interceptors…) instead of one to {@link #target}; not closed. */
    public Builder channel(ManagedChannel channel) {
      this.channel = Objects.requireNonNull(channel, "channel");
      return this;
    }

    public KeygateClient build() {
      if (channel != null) {
        return new KeygateClient(channel, false, deadline);
      }
      return new KeygateClient(Grpc.newChannelBuilder(target, credentials).build(), true, deadline);
    }
  }
}
