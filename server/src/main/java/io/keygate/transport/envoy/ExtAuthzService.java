package io.keygate.transport.envoy;

import com.google.rpc.Code;
import com.google.rpc.Status;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption;
import io.envoyproxy.envoy.config.core.v3.HeaderValueOption.HeaderAppendAction;
import io.envoyproxy.envoy.service.auth.v3.AttributeContext;
import io.envoyproxy.envoy.service.auth.v3.AuthorizationGrpc;
import io.envoyproxy.envoy.service.auth.v3.CheckRequest;
import io.envoyproxy.envoy.service.auth.v3.CheckResponse;
import io.envoyproxy.envoy.service.auth.v3.DeniedHttpResponse;
import io.envoyproxy.envoy.service.auth.v3.OkHttpResponse;
import io.envoyproxy.envoy.type.v3.HttpStatus;
import io.envoyproxy.envoy.type.v3.StatusCode;
import io.grpc.stub.StreamObserver;
import io.keygate.KeygateException;
import io.keygate.authz.AccessRequest.Transport;
import io.keygate.authz.CredentialRecord;
import io.keygate.decision.Decision;
import io.keygate.authz.Reason;
import io.keygate.decision.AuthorizeInput;
import io.keygate.decision.ResponseHeaders;
import io.keygate.telemetry.ObservedDecisions;
import io.keygate.transport.grpc.PerRecord;
import io.keygate.transport.grpc.Rpc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code envoy.service.auth.v3.Authorization/Check}: the same decision as Authorize, for Envoy's
 * {@code ext_authz} HTTP filter. The credential comes from the request headers, the client IP from
 * the source address (or {@code x-forwarded-for} with trusted hops, see {@link ClientIp}), the
 * permission from the route table — or, per route, from the {@code context_extensions}
 * {@code resource} and {@code action} (and {@code scope_id}).
 *
 * <p>Allow: an {@code OkHttpResponse} that overwrites the {@code x-keygate-*} identity headers for
 * the upstream (removing those it does not set, so a client cannot supply them) and removes the
 * credential header. Deny: a {@code DeniedHttpResponse} with 401/403/429, a JSON body
 * {@code {"code", "reason", "message"}}, {@code WWW-Authenticate} on 401 and the rate-limit headers.
 * A request Keygate cannot decide because a backend is down fails the call (UNAVAILABLE), so
 * Envoy's {@code failure_mode_allow} and {@code status_on_error} apply.
 */
public final class ExtAuthzService extends AuthorizationGrpc.AuthorizationImplBase {
  public static final String TENANT = "x-keygate-tenant-id";
  public static final String API_KEY = "x-keygate-api-key-id";
  public static final String TOKEN = "x-keygate-token-id";
  public static final String PRINCIPAL = "x-keygate-principal-id";
  public static final String PRINCIPAL_KIND = "x-keygate-principal-kind";
  public static final String PARENT = "x-keygate-parent-principal-id";
  public static final String ROLE = "x-keygate-role";
  public static final String PERMISSIONS = "x-keygate-permissions";
  public static final String TOKEN_ACCESS = "x-keygate-token-access";
  /** Every identity header; all are removed from requests unless Keygate sets them. */
  public static final List<String> IDENTITY_HEADERS = List.of(TENANT, API_KEY, TOKEN, PRINCIPAL, PRINCIPAL_KIND,
      PARENT, ROLE, PERMISSIONS, TOKEN_ACCESS);

  private static final Status OK = Status.newBuilder().setCode(Code.OK_VALUE).build();

  private final ObservedDecisions decisions;
  private final int trustedHops;
  private final PerRecord<IdentityHeaders> identities;

  /**
   * Runs on the transport thread: the authorizer moves what may block elsewhere itself. Identity
   * headers are built once per key record, for up to {@code cachedRecords} records. The caller's
   * trace context is the HTTP request's ({@code traceparent} among its headers).
   */
  public ExtAuthzService(ObservedDecisions decisions, int trustedHops, int cachedRecords) {
    this.decisions = decisions;
    this.trustedHops = trustedHops;
    this.identities = new PerRecord<>(cachedRecords, IdentityHeaders::of);
  }

  @Override
  public void check(CheckRequest request, StreamObserver<CheckResponse> observer) {
    Rpc.decide(observer, () -> begin(request));
  }

  private CompletionStage<CheckResponse> begin(CheckRequest request) {
    Input input = input(request);
    if (input == null) {
      return CompletableFuture.completedFuture(denied(Decision.refuse(Reason.REQUEST_INVALID, null),
          "the check request carries no HTTP method and path; configure ext_authz as an HTTP filter"));
    }
    try {
      return decisions.decide(ObservedDecisions.Rpc.CHECK, input.in(), input.headers())
          .thenApply(decision -> respond(decision, input.headers()));
    } catch (KeygateException e) {
      if (e.kind() == KeygateException.Kind.INVALID_ARGUMENT) {
        return CompletableFuture.completedFuture(denied(Decision.refuse(Reason.REQUEST_INVALID, null),
            e.getMessage()));
      }
      throw e;
    }
  }

  private record Input(AuthorizeInput in, Map<String, String> headers) {}

  /** The request as the decision sees it; null when it carries no HTTP method and path. */
  private Input input(CheckRequest request) {
    AttributeContext attributes = request.getAttributes();
    if (!attributes.hasRequest() || !attributes.getRequest().hasHttp()
        || attributes.getRequest().getHttp().getMethod().isEmpty()
        || attributes.getRequest().getHttp().getPath().isEmpty()) {
      return null;
    }
    AttributeContext.HttpRequest http = attributes.getRequest().getHttp();
    Map<String, String> headers = headers(http);
    String source = attributes.getSource().getAddress().getSocketAddress().getAddress();
    String clientIp = ClientIp.resolve(source, headers.get("x-forwarded-for"), trustedHops);
    Map<String, String> context = attributes.getContextExtensionsMap();
    return new Input(new AuthorizeInput("", Transport.UNKNOWN, headers,
        ClientIp.looksLikeIp(clientIp) ? clientIp : "", context.getOrDefault("resource", ""),
        context.getOrDefault("action", ""), http.getMethod(), http.getPath(), context.getOrDefault("scope_id", "")),
        headers);
  }

  private CheckResponse respond(Decision decision, Map<String, String> headers) {
    if (!decision.allowed()) {
      return denied(decision, decision.reason().message());
    }
    return allowed(decision, headers);
  }

  /**
   * The identity headers of a credential: those to overwrite (every one it has) and those to remove
   * (every one it has not, so a client cannot supply them). Built once per key record.
   */
  private record IdentityHeaders(List<HeaderValueOption> set, List<String> removed) {
    static final IdentityHeaders NONE = new IdentityHeaders(List.of(), IDENTITY_HEADERS);

    static IdentityHeaders of(CredentialRecord key) {
      Map<String, String> identity = new LinkedHashMap<>();
      identity.put(TENANT, key.tenantId());
      identity.put(API_KEY, key.apiKeyId());
      identity.put(TOKEN, key.tokenId());
      identity.put(PRINCIPAL, key.principalId());
      identity.put(PRINCIPAL_KIND, key.principalKind().name().substring("PRINCIPAL_KIND_".length())
          .toLowerCase(Locale.ROOT));
      if (key.parentPrincipalId() != null) {
        identity.put(PARENT, key.parentPrincipalId());
      }
      if (key.roleName() != null) {
        identity.put(ROLE, key.roleName());
      }
      identity.put(PERMISSIONS, String.join(",", key.permissions()));
      identity.put(TOKEN_ACCESS, key.readOnly() ? "read-only" : "read-write");
      List<HeaderValueOption> set = new ArrayList<>();
      identity.forEach((name, value) -> set.add(overwrite(name, value)));
      return new IdentityHeaders(List.copyOf(set), IDENTITY_HEADERS.stream().filter(h -> !identity.containsKey(h))
          .toList());
    }
  }

  private CheckResponse allowed(Decision decision, Map<String, String> headers) {
    OkHttpResponse.Builder ok = OkHttpResponse.newBuilder();
    CredentialRecord key = decision.identity();
    IdentityHeaders identity = key == null ? IdentityHeaders.NONE : identities.of(key);
    if (key != null) {
      // The credential has done its job; the upstream never sees it. A non-blank x-api-key is where
      // it came from (a Keygate Bearer beside it is refused), so an Authorization header of another
      // scheme or issuer beside it is the upstream's and is kept.
      String apiKey = headers.get("x-api-key");
      if (apiKey != null) {
        ok.addHeadersToRemove("x-api-key");
      }
      String authorization = headers.get("authorization");
      if ((apiKey == null || apiKey.isBlank()) && authorization != null
          && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        ok.addHeadersToRemove("authorization");
      }
    }
    ok.addAllHeaders(identity.set()).addAllHeadersToRemove(identity.removed());
    ResponseHeaders.forEach(decision, (name, value) -> ok.addResponseHeadersToAdd(overwrite(name, value)));
    return CheckResponse.newBuilder()
        .setStatus(OK)
        .setOkResponse(ok)
        .build();
  }

  private static CheckResponse denied(Decision decision, String message) {
    Reason reason = decision.reason();
    DeniedHttpResponse.Builder denied = DeniedHttpResponse.newBuilder()
        .setStatus(HttpStatus.newBuilder().setCode(StatusCode.forNumber(reason.httpStatus())))
        .setBody("{\"code\":" + reason.httpStatus() + ",\"reason\":\"" + reason.code() + "\",\"message\":\""
            + json(message) + "\"}")
        .addHeaders(overwrite("content-type", "application/json"));
    ResponseHeaders.forEach(decision, (name, value) -> denied.addHeaders(overwrite(name, value)));
    int code = switch (reason.httpStatus()) {
      case 401 -> Code.UNAUTHENTICATED_VALUE;
      case 429 -> Code.RESOURCE_EXHAUSTED_VALUE;
      case 503 -> Code.UNAVAILABLE_VALUE;
      default -> Code.PERMISSION_DENIED_VALUE;
    };
    return CheckResponse.newBuilder()
        .setStatus(Status.newBuilder().setCode(code).setMessage(reason.code()))
        .setDeniedResponse(denied)
        .build();
  }

  /** Header names lower-cased (HTTP/2 style); {@code header_map} used when Envoy sends raw headers. */
  private static Map<String, String> headers(AttributeContext.HttpRequest http) {
    Map<String, String> out = new HashMap<>();
    http.getHeadersMap().forEach((name, value) -> out.put(name.toLowerCase(Locale.ROOT), value));
    for (HeaderValue header : http.getHeaderMap().getHeadersList()) {
      String value = header.getValue().isEmpty() ? header.getRawValue().toStringUtf8() : header.getValue();
      out.merge(header.getKey().toLowerCase(Locale.ROOT), value, (a, b) -> a + "," + b);
    }
    return out;
  }

  private static HeaderValueOption overwrite(String name, String value) {
    return HeaderValueOption.newBuilder()
        .setHeader(HeaderValue.newBuilder().setKey(name).setValue(value))
        .setAppendAction(HeaderAppendAction.OVERWRITE_IF_EXISTS_OR_ADD)
        .build();
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ch < 0x20) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }
}
