package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.google.protobuf.Duration;
import io.grpc.CallOptions;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.keygate.keys.SecretFormat;
import io.keygate.telemetry.Logging;
import io.keygate.v1.ApiKeyServiceGrpc;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.AuthorizerServiceGrpc;
import io.keygate.v1.CreateApiKeyRequest;
import io.keygate.v1.CreateApiKeyResponse;
import io.keygate.v1.CreateRoleRequest;
import io.keygate.v1.CreateTokenRequest;
import io.keygate.v1.Decision;
import io.keygate.v1.DeleteApiKeyRequest;
import io.keygate.v1.DeleteTokenRequest;
import io.keygate.v1.GetApiKeyRequest;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.ListAuditEventsRequest;
import io.keygate.v1.RevokeApiKeyRequest;
import io.keygate.v1.RotateTokenRequest;
import io.keygate.v1.TokenSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * No secret reaches a log or an error. Every log event of the test JVM (Keygate's own loggers at
 * TRACE, the rest as the shipped LogConfiguration sets them, grpc-java's java.util.logging records
 * routed in as {@code keygate serve} routes them) is captured raw, before redaction, from server
 * start through a whole key lifecycle with right and wrong secrets; neither
 * any issued secret nor its 64-hex body appears in a formatted message or a throwable, in a gRPC error
 * description or in an Authorize answer. A wrong secret sent to a management call is not echoed.
 */
class SecrecyInLogsIT {
  private static final Capture CAPTURE = new Capture();
  private static final List<String> ANSWERS = new CopyOnWriteArrayList<>();
  private static Logger keygateLogger;
  private static Level keygateLevel;
  private static TestKeygate keygate;

  /** Keeps each event's logger, formatted message, arguments and throwable as text. */
  static final class Capture extends AppenderBase<ILoggingEvent> {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
      if (event.getArgumentArray() != null) {
        for (Object argument : event.getArgumentArray()) {
          text.append(' ').append(argument);
        }
      }
      if (event.getThrowableProxy() != null) {
        text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
      text.append(' ').append(event.getMDCPropertyMap());
      events.add(text.toString());
    }
  }

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  @BeforeAll
  static void start() {
    Logging.routeJavaUtilLogging();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    CAPTURE.setContext(context);
    CAPTURE.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(CAPTURE);
    keygateLogger = context.getLogger("io.keygate");
    keygateLevel = keygateLogger.getLevel();
    keygateLogger.setLevel(Level.TRACE);
    keygate = FLEET.keygate();
  }

  @AfterAll
  static void stop() {
    keygateLogger.setLevel(keygateLevel);
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        .detachAppender(CAPTURE);
    CAPTURE.stop();
  }

  @Test
  void noSecretInAnyLogEventErrorDescriptionOrDecision() {
    LoggerFactory.getLogger("io.keygate.test").debug("capture canary");
    List<String> issued = new ArrayList<>(List.of(keygate.system.secret()));
    String admin = keygate.newTenant("secrecy").getAdminSecret();
    issued.add(admin);
    CreateApiKeyResponse key = keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("logged")
        .setInitialToken(TokenSpec.getDefaultInstance()).build());
    String keyId = key.getApiKey().getId();
    issued.add(key.getSecret());
    var second = keygate.keys(admin).createToken(CreateTokenRequest.newBuilder().setApiKeyId(keyId).build());
    issued.add(second.getSecret());
    String graced = keygate.keys(admin).rotateToken(RotateTokenRequest.newBuilder().setTokenId(key.getToken().getId())
        .setGracePeriod(Duration.newBuilder().setSeconds(3600)).build()).getSecret();
    issued.add(graced);
    String rotated = keygate.keys(admin).rotateToken(RotateTokenRequest.newBuilder()
        .setTokenId(second.getToken().getId()).build()).getSecret();
    issued.add(rotated);

    String unknown = new SecretFormat("lk_").generate();
    String typo = graced.substring(0, 20) + (graced.charAt(20) == 'a' ? 'b' : 'a') + graced.substring(21);
    List<String> wrong = List.of(unknown, typo, second.getSecret());
    for (String secret : issued) {
      authorize(AuthorizeRequest.newBuilder().setCredential(secret));
      authorize(AuthorizeRequest.newBuilder().putHeaders("authorization", "Bearer " + secret));
      authorize(AuthorizeRequest.newBuilder().putHeaders("x-api-key", secret).putHeaders("authorization",
          "Basic " + secret));
      authorize(AuthorizeRequest.newBuilder().setMethod("GET").setPath("/orders?api_key=" + secret));
    }
    for (String secret : wrong) {
      assertThat(authorize(AuthorizeRequest.newBuilder().setCredential(secret)).getDecision())
          .isEqualTo(Decision.DECISION_DENY);
      for (Metadata metadata : List.of(TestKeygate.apiKeyHeader(secret), TestKeygate.bearer(secret),
          basic(secret))) {
        String description = refused(() -> TestKeygate.with(ApiKeyServiceGrpc.newBlockingStub(keygate.channel),
            metadata).listApiKeys(ListApiKeysRequest.getDefaultInstance()));
        assertThat(description).as("a wrong secret is not echoed").doesNotContain(secret.substring(3));
      }
    }
    refused(() -> keygate.keys(admin).getApiKey(GetApiKeyRequest.newBuilder().setApiKeyId(graced).build()));
    refused(() -> keygate.keys(admin).getApiKey(GetApiKeyRequest.newBuilder().setApiKeyId("key_" + graced
        .substring(3)).build()));
    refused(() -> keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("x")
        .setOwnerPrincipalId(graced).build()));
    refused(() -> keygate.keys(admin).createApiKey(CreateApiKeyRequest.newBuilder().setName("x")
        .putTags(graced, "v").build()));
    refused(() -> keygate.keys(admin).rotateToken(RotateTokenRequest.newBuilder().setTokenId(rotated).build()));
    refused(() -> keygate.keys(admin).deleteToken(DeleteTokenRequest.newBuilder().setTokenId(rotated).build()));
    refused(() -> keygate.roles(admin).createRole(CreateRoleRequest.newBuilder().setName("x")
        .addPermissions(graced).addPermissions("orders:" + graced).build()));
    refused(() -> keygate.audit(admin).listAuditEvents(ListAuditEventsRequest.newBuilder().setAction(graced + graced)
        .build()));
    refused(() -> keygate.keys(graced).createApiKey(CreateApiKeyRequest.newBuilder().setName(graced).build()));

    keygate.keys(admin).revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(keyId).build());
    authorize(AuthorizeRequest.newBuilder().setCredential(graced));
    refused(() -> keygate.keys(graced).listApiKeys(ListApiKeysRequest.getDefaultInstance()));
    keygate.keys(admin).deleteApiKey(DeleteApiKeyRequest.newBuilder().setApiKeyId(keyId).build());
    authorize(AuthorizeRequest.newBuilder().setCredential(rotated));

    // grpc-java logs these through java.util.logging, with stack traces: a secret in the header's
    // value or in the request bytes must not reach them.
    Metadata forbidden = new Metadata();
    forbidden.put(Metadata.Key.of("connection", Metadata.ASCII_STRING_MARSHALLER), graced);
    refused(() -> TestKeygate.with(ApiKeyServiceGrpc.newBlockingStub(keygate.channel), forbidden)
        .listApiKeys(ListApiKeysRequest.getDefaultInstance()));
    refused(() -> ClientCalls.blockingUnaryCall(keygate.channel, rawAuthorize(),
        CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS),
        truncatedAfter(graced)));

    assertThat(CAPTURE.events).as("grpc-java's records are routed to logback")
        .anyMatch(e -> e.startsWith("io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler Stream Error"));
    assertThat(CAPTURE.events).as("the appender sees the server's and the test's log events")
        .anyMatch(e -> e.contains("capture canary")).anyMatch(e -> e.contains("keygate listening on"));
    assertThat(ANSWERS).hasSizeGreaterThan(40);
    for (String secret : concat(issued, wrong)) {
      String body = secret.substring(3);
      for (String event : CAPTURE.events) {
        assertThat(event).as("a log event").doesNotContain(body).doesNotContain(body.substring(8, 40));
      }
      for (String answer : ANSWERS) {
        assertThat(answer).as("an error description or decision").doesNotContain(body)
            .doesNotContain(body.substring(8, 40));
      }
    }
  }

  private static AuthorizeResponse authorize(AuthorizeRequest.Builder request) {
    try {
      AuthorizeResponse response = keygate.authorizer().authorize(request.setClientIp("198.51.100.7")
          .setResource("orders").setAction("read").build());
      ANSWERS.add(response.getMessage() + " " + response.getResponseHeadersMap() + " " + response.getReason());
      return response;
    } catch (StatusRuntimeException e) {
      ANSWERS.add(String.valueOf(e.getStatus().getDescription()));
      return AuthorizeResponse.getDefaultInstance();
    }
  }

  /** Runs a call that must fail; keeps and returns its description. */
  private static String refused(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      String description = e.getStatus().getCode() + " " + e.getStatus().getDescription();
      ANSWERS.add(description);
      return description;
    }
    throw new AssertionError("the call was expected to fail");
  }

  /** Authorize with a byte marshaller, to send what is not protobuf. */
  private static MethodDescriptor<byte[], byte[]> rawAuthorize() {
    MethodDescriptor.Marshaller<byte[]> bytes = new MethodDescriptor.Marshaller<>() {
      @Override
      public InputStream stream(byte[] value) {
        return new ByteArrayInputStream(value);
      }

      @Override
      public byte[] parse(InputStream stream) {
        try {
          return stream.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(AuthorizerServiceGrpc.getAuthorizeMethod().getFullMethodName())
        .setRequestMarshaller(bytes).setResponseMarshaller(bytes).build();
  }

  /** An AuthorizeRequest whose credential is {@code secret}, then a field that runs past the end. */
  private static byte[] truncatedAfter(String secret) {
    byte[] valid = AuthorizeRequest.newBuilder().setCredential(secret).build().toByteArray();
    byte[] message = Arrays.copyOf(valid, valid.length + 3);
    message[valid.length] = 0x12;
    message[valid.length + 1] = 0x7f;
    message[valid.length + 2] = 0x41;
    return message;
  }

  private static Metadata basic(String secret) {
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Basic " + secret);
    return metadata;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
