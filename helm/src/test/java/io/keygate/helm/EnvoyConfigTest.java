package io.keygate.helm;

import static io.keygate.helm.Charts.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.extensions.filters.http.ext_authz.v3.ExtAuthz;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.envoyproxy.envoy.type.v3.StatusCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped Envoy bootstrap (files/envoy.yaml, rendered by helm template into the ConfigMap) parsed into
 * Envoy's own protobuf types: unknown fields and unknown {@code @type}s are rejected. Envoy's value rules
 * (PGV) are not checked; no Envoy binary can run here.
 */
class EnvoyConfigTest {
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().usingTypeRegistry(JsonFormat.TypeRegistry
      .newBuilder()
      .add(HttpConnectionManager.getDescriptor())
      .add(ExtAuthz.getDescriptor())
      .add(Router.getDescriptor())
      .add(HttpProtocolOptions.getDescriptor())
      .build());

  @Test
  void defaultBootstrapDeniesWhenKeygateFailsAndTalksHttp2ToTheLoopbackSidecar() throws Exception {
    Bootstrap bootstrap = parse(envoyYaml(Charts.template()));

    HttpConnectionManager hcm = connectionManager(bootstrap);
    assertThat(hcm.getUseRemoteAddress().getValue()).isTrue();
    assertThat(hcm.getXffNumTrustedHops()).isZero();
    assertThat(hcm.getNormalizePath().getValue()).isTrue();
    assertThat(hcm.getMergeSlashes()).isTrue();
    assertThat(hcm.getHttpFiltersList()).extracting(HttpFilter::getName)
        .containsExactly("envoy.filters.http.ext_authz", "envoy.filters.http.router");

    ExtAuthz authz = hcm.getHttpFilters(0).getTypedConfig().unpack(ExtAuthz.class);
    assertThat(authz.getFailureModeAllow()).isFalse();
    assertThat(authz.getStatusOnError().getCode()).isEqualTo(StatusCode.ServiceUnavailable);
    assertThat(authz.getStatusOnError().getCode().getNumber()).isEqualTo(503);
    assertThat(authz.getIncludePeerCertificate()).isFalse();
    assertThat(authz.getTransportApiVersion().name()).isEqualTo("V3");
    assertThat(authz.getGrpcService().getEnvoyGrpc().getClusterName()).isEqualTo("keygate");
    assertThat(authz.getGrpcService().getTimeout()).isEqualTo(Duration.newBuilder().setNanos(250_000_000).build());
    assertThat(authz.getAllowedHeaders().getPatternsList())
        .allMatch(StringMatcher::getIgnoreCase)
        .extracting(StringMatcher::getExact)
        .containsExactly("x-api-key", "authorization", "x-forwarded-for", "traceparent", "tracestate", "x-request-id");

    Cluster keygate = cluster(bootstrap, "keygate");
    assertThat(address(keygate)).isEqualTo("127.0.0.1:7070");
    HttpProtocolOptions options = keygate.getTypedExtensionProtocolOptionsOrThrow(
        "envoy.extensions.upstreams.http.v3.HttpProtocolOptions").unpack(HttpProtocolOptions.class);
    assertThat(options.getExplicitHttpConfig().hasHttp2ProtocolOptions()).isTrue();
    assertThat(address(cluster(bootstrap, "app"))).isEqualTo("127.0.0.1:8000");
    assertThat(bootstrap.getStaticResources().getListeners(0).getAddress().getSocketAddress().getPortValue())
        .isEqualTo(8080);
    assertThat(bootstrap.getAdmin().getAddress().getSocketAddress().getAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  void valuesReachTheRenderedBootstrap() throws Exception {
    Bootstrap bootstrap = parse(envoyYaml(Charts.template(Charts.resource("custom-values.yaml"))));
    HttpConnectionManager hcm = connectionManager(bootstrap);
    assertThat(hcm.getXffNumTrustedHops()).isEqualTo(2);
    ExtAuthz authz = hcm.getHttpFilters(0).getTypedConfig().unpack(ExtAuthz.class);
    assertThat(authz.getGrpcService().getTimeout()).isEqualTo(Duration.newBuilder().setNanos(500_000_000).build());
    assertThat(authz.getStatusOnError().getCode()).isEqualTo(StatusCode.Forbidden);
    assertThat(authz.getFailureModeAllow()).isFalse();
    assertThat(address(cluster(bootstrap, "keygate"))).isEqualTo("127.0.0.1:7171");
    assertThat(address(cluster(bootstrap, "app"))).isEqualTo("127.0.0.1:3000");
    assertThat(bootstrap.getStaticResources().getListeners(0).getAddress().getSocketAddress().getPortValue())
        .isEqualTo(10000);
  }

  @Test
  void misspeltFieldIsRejectedByTheParser() {
    String yaml = envoyYaml(Charts.template());
    assertThat(yaml).contains("failure_mode_allow: false");
    assertThatThrownBy(() -> parse(yaml.replace("failure_mode_allow: false", "failure_mode_alow: false")))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessageContaining("failure_mode_alow");
  }

  @Test
  void unknownTypedConfigTypeIsRejectedByTheParser() {
    String yaml = envoyYaml(Charts.template());
    assertThat(yaml).contains("ext_authz.v3.ExtAuthz\n");
    assertThatThrownBy(() -> parse(yaml.replace("ext_authz.v3.ExtAuthz\n", "ext_authz.v3.ExtAuth\n")))
        .isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessageContaining("ExtAuth");
  }

  static String envoyYaml(Charts.Rendered rendered) {
    Map<String, Object> configMap = rendered.one("ConfigMap", "kg-keygate-envoy");
    return (String) at(configMap, "data", "envoy.yaml");
  }

  static Bootstrap parse(String yaml) throws InvalidProtocolBufferException {
    Object tree = Charts.yaml().load(yaml);
    Bootstrap.Builder builder = Bootstrap.newBuilder();
    PARSER.merge(new Gson().toJson(tree), builder);
    return builder.build();
  }

  private static HttpConnectionManager connectionManager(Bootstrap bootstrap) throws Exception {
    Filter filter = bootstrap.getStaticResources().getListeners(0).getFilterChains(0).getFilters(0);
    assertThat(filter.getName()).isEqualTo("envoy.filters.network.http_connection_manager");
    return filter.getTypedConfig().unpack(HttpConnectionManager.class);
  }

  private static Cluster cluster(Bootstrap bootstrap, String name) {
    return bootstrap.getStaticResources().getClustersList().stream()
        .filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
  }

  private static String address(Cluster cluster) {
    SocketAddress socket = cluster.getLoadAssignment().getEndpoints(0).getLbEndpoints(0).getEndpoint()
        .getAddress().getSocketAddress();
    return socket.getAddress() + ":" + socket.getPortValue();
  }
}
