package io.keygate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.keygate.keys.SecretFormat;
import io.keygate.v1.AuthorizeRequest;
import io.keygate.v1.AuthorizeResponse;
import io.keygate.v1.CredentialTransport;
import io.keygate.v1.ListApiKeysRequest;
import io.keygate.v1.Reason;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile credentials: each refused with the right reason before any database query (the store's
 * lookups are counted), and the transport refuses oversized headers and undecodable messages.
 */
class HostileCredentialsIT {
  private static final SecretFormat FORMAT = new SecretFormat(SecretFormat.DEFAULT_PREFIX);

  private static TestKeygate keygate;

  @RegisterExtension
  static final TestFleet FLEET = new TestFleet();

  @BeforeAll
  static void start() {
    keygate = FLEET.keygate();
  }


  @Test
  void malformedCredentialsAreRefusedWithoutAnyLookup() {
    String valid = FORMAT.generate();
    char last = valid.charAt(valid.length() - 1);
    Map<String, String> malformed = new LinkedHashMap<>();
    malformed.put("wrong prefix", "xk_" + valid.substring(3));
    malformed.put("too short", valid.substring(0, valid.length() - 1));
    malformed.put("too long", valid + "0");
    malformed.put("upper case", valid.toUpperCase());
    malformed.put("non-hex", valid.substring(0, 10) + "g" + valid.substring(11));
    malformed.put("bad checksum", valid.substring(0, valid.length() - 1) + (last == '0' ? '1' : '0'));
    malformed.put("10 KB", "lk_" + "a".repeat(10_240));
    malformed.put("NUL bytes", valid.substring(0, 20) + "\0" + valid.substring(21));
    // A Cyrillic 'а' where a hex digit belongs (always: a random secret need not contain an 'a').
    malformed.put("unicode look-alike", valid.substring(0, 10) + '\u0430' + valid.substring(11));
    malformed.put("spaces", " " + valid.substring(1));
    long lookups = keygate.server.cache().misses();
    for (Map.Entry<String, String> e : malformed.entrySet()) {
      AuthorizeResponse response = authorize(AuthorizeRequest.newBuilder().setCredential(e.getValue()));
      assertThat(response.getReason()).as(e.getKey()).isEqualTo(Reason.REASON_CREDENTIAL_MALFORMED);
      assertThat(response.getHttpStatus()).isEqualTo(401);
      assertThat(response.getMessage()).as("the credential is never echoed").doesNotContain(e.getValue());
    }
    assertThat(authorize(AuthorizeRequest.newBuilder().setCredential("")).getReason())
        .isEqualTo(Reason.REASON_CREDENTIAL_MISSING);
    // Several credentials at once, in the raw headers.
    AuthorizeResponse many = authorize(AuthorizeRequest.newBuilder().putHeaders("x-api-key", FORMAT.generate())
        .putHeaders("authorization", "Bearer " + FORMAT.generate()));
    assertThat(many.getReason()).isEqualTo(Reason.REASON_MULTIPLE_CREDENTIALS);
    AuthorizeResponse inQuery = authorize(AuthorizeRequest.newBuilder().putHeaders("x-api-key", FORMAT.generate())
        .setMethod("GET").setPath("/v1/x?api_key=" + FORMAT.generate()).clearResource().clearAction());
    assertThat(inQuery.getReason()).isEqualTo(Reason.REASON_CREDENTIAL_IN_QUERY);
    assertThat(keygate.server.cache().misses()).as("database lookups for malformed credentials")
        .isEqualTo(lookups);
    // A well-formed unknown key is looked up once; the negative cache answers the repeats.
    String unknown = FORMAT.generate();
    for (int i = 0; i < 5; i++) {
      assertThat(authorize(AuthorizeRequest.newBuilder().setCredential(unknown)).getReason())
          .isEqualTo(Reason.REASON_CREDENTIAL_UNKNOWN);
    }
    assertThat(keygate.server.cache().misses()).isEqualTo(lookups + 1);
  }

  /**
   * A credential field that is not valid UTF-8 cannot be decoded: grpc-java refuses the call before
   * any handler runs (with UNKNOWN, "Application error processing RPC": how grpc-java closes a call
   * whose request does not parse), and nothing is looked up.
   */
  @Test
  void invalidUtf8IsRefusedByTheTransport() {
    AuthorizeRequest request = AuthorizeRequest.newBuilder().setResource("conversations").setAction("read")
        .setUnknownFields(UnknownFieldSet.newBuilder().addField(AuthorizeRequest.CREDENTIAL_FIELD_NUMBER,
            UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFrom(new byte[] {'l', 'k', '_',
                (byte) 0xff, (byte) 0xfe, (byte) 0xc0, (byte) 0x80})).build()).build())
        .build();
    long lookups = keygate.server.cache().misses();
    StatusRuntimeException refused = catchStatus(() -> keygate.authorizer().authorize(request));
    assertThat(refused.getStatus().getCode()).isIn(Status.Code.INVALID_ARGUMENT, Status.Code.INTERNAL,
        Status.Code.UNKNOWN);
    assertThat(keygate.server.cache().misses()).isEqualTo(lookups);
  }

  /** Header blocks beyond the documented 16 KB (KEYGATE_MAX_METADATA_BYTES) are refused unread. */
  @Test
  void oversizedMetadataIsRefused() {
    Metadata big = new Metadata();
    big.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), "lk_" + "a".repeat(20_000));
    StatusRuntimeException refused = catchStatus(() -> keygate.keys("ignored")
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(big))
        .listApiKeys(ListApiKeysRequest.getDefaultInstance()));
    assertThat(refused.getStatus().getCode()).isIn(Status.Code.RESOURCE_EXHAUSTED, Status.Code.INTERNAL,
        Status.Code.UNAVAILABLE);
    // The server is unharmed.
    assertThat(authorize(AuthorizeRequest.newBuilder().setCredential("")).getReason())
        .isEqualTo(Reason.REASON_CREDENTIAL_MISSING);
  }

  private static AuthorizeResponse authorize(AuthorizeRequest.Builder request) {
    if (request.getResource().isEmpty() && request.getPath().isEmpty()) {
      request.setResource("conversations").setAction("read");
    }
    if (request.getCredentialTransport() == CredentialTransport.CREDENTIAL_TRANSPORT_UNSPECIFIED
        && !request.getCredential().isEmpty()) {
      request.setCredentialTransport(CredentialTransport.CREDENTIAL_TRANSPORT_API_KEY_HEADER);
    }
    return keygate.authorizer().authorize(request.setClientIp("198.18.0.1").build());
  }

  private static StatusRuntimeException catchStatus(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("expected the call to fail");
  }
}
