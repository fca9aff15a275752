package io.keygate.helm;

import static io.keygate.helm.Charts.at;
import static io.keygate.helm.Charts.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Istio example (helm/keygate/examples/istio): a CUSTOM AuthorizationPolicy naming a real provider. */
class IstioExampleTest {
  private static final Path DIR = Charts.CHART.resolve("examples/istio");

  @Test
  void authorizationPolicyUsesTheKeygateProviderDefinedInTheMeshConfig() throws IOException {
    Map<String, Object> policy = only("authorization-policy.yaml");
    assertThat(policy).containsEntry("apiVersion", "security.istio.io/v1")
        .containsEntry("kind", "AuthorizationPolicy");
    assertThat(at(policy, "spec", "action")).isEqualTo("CUSTOM");
    String provider = (String) at(policy, "spec", "provider", "name");

    Map<String, Object> mesh = only("mesh-config.yaml");
    List<Map<String, Object>> providers = list(at(mesh, "spec", "meshConfig", "extensionProviders"));
    Map<String, Object> keygate = providers.stream().filter(p -> provider.equals(p.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no extension provider named " + provider));
    Map<String, Object> grpc = Charts.map(keygate.get("envoyExtAuthzGrpc"));
    assertThat(grpc).containsEntry("failOpen", false).containsEntry("timeout", "0.25s");

    // The provider's service and port are the ServiceEntry's, which points at the pod's own sidecar.
    Map<String, Object> entry = only("service-entry.yaml");
    assertThat(entry.get("kind")).isEqualTo("ServiceEntry");
    assertThat(list(at(entry, "spec", "hosts"))).isEqualTo(List.of(grpc.get("service")));
    assertThat(list(at(entry, "spec", "ports"))).singleElement()
        .satisfies(p -> assertThat(p).containsEntry("number", grpc.get("port")).containsEntry("protocol", "GRPC"));
    assertThat(list(at(entry, "spec", "endpoints"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("address", "127.0.0.1"));
    // ... and the port the sidecar listens on by default.
    assertThat(at(Charts.load(Charts.CHART.resolve("values.yaml")), "grpc", "port")).isEqualTo(grpc.get("port"));
  }

  private static Map<String, Object> only(String file) throws IOException {
    List<Map<String, Object>> documents = Charts.loadAll(Files.readString(DIR.resolve(file)));
    assertThat(documents).as(file).hasSize(1);
    return documents.get(0);
  }
}
