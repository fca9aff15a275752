package io.keygate.helm;

import static io.keygate.helm.Charts.at;
import static io.keygate.helm.Charts.list;
import static io.keygate.helm.Charts.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The named templates as an application chart uses them: src/test/resources/app-chart depends on keygate
 * (unpacked under its charts/) and includes keygate.sidecar, keygate.nativeSidecar, keygate.envoy and
 * keygate.sidecarVolumes with {@code .Subcharts.keygate}.
 */
class SidecarTemplateTest {
  @TempDir
  Path work;

  @Test
  void sidecarRendersInsideAnApplicationPodOnLoopbackWithoutKubeletProbes() {
    Charts.Rendered out = Charts.templateChart(Charts.applicationChart(work));
    Map<String, Object> pod = map(at(out.one("Deployment", "demo-app"), "spec", "template", "spec"));
    List<Map<String, Object>> containers = list(pod.get("containers"));
    assertThat(containers).extracting(c -> c.get("name")).containsExactly("app", "envoy", "keygate");

    Map<String, Object> keygate = containers.get(2);
    assertThat(keygate.get("image")).isEqualTo("ghcr.io/keygate/keygate:0.1.0");
    assertThat(keygate.get("args")).isEqualTo(List.of("serve"));
    assertThat(keygate).doesNotContainKeys("restartPolicy", "startupProbe", "livenessProbe", "readinessProbe");
    var env = ChartRenderTest.env(keygate);
    assertThat(env.get("KEYGATE_HOST").get("value")).isEqualTo("127.0.0.1");
    assertThat(at(env.get("KEYGATE_DATABASE_PASSWORD"), "valueFrom", "secretKeyRef"))
        .isEqualTo(Map.of("name", "demo-db", "key", "password"));
    ChartRenderTest.assertDatabaseSecretsOnlyFromSecretKeyRefs(env);
    ChartRenderTest.assertLockedDown(map(keygate.get("securityContext")));
    assertThat(at(keygate, "resources", "requests")).isEqualTo(Map.of("cpu", "50m", "memory", "128Mi"));
    assertThat(at(keygate, "resources", "limits", "memory")).isEqualTo("256Mi");

    Map<String, Object> envoy = containers.get(1);
    assertThat(envoy.get("image")).isEqualTo("envoyproxy/envoy:v1.39.0");
    assertThat(list(envoy.get("volumeMounts"))).singleElement()
        .satisfies(m -> assertThat(m).containsEntry("name", "keygate-envoy").containsEntry("mountPath", "/etc/envoy"));
    assertThat(list(pod.get("volumes"))).extracting(v -> v.get("name"))
        .containsExactly("keygate-tmp", "keygate-envoy");
    String configMap = (String) at(list(pod.get("volumes")).get(1), "configMap", "name");
    assertThat(out.one("ConfigMap", configMap)).isNotNull();
    // The subchart's central Deployment is off in the application's values.
    assertThat(out.ofKind("Deployment")).extracting(d -> at(d, "metadata", "name"))
        .containsExactly("demo-app", "demo-app-native");
  }

  @Test
  void nativeSidecarIsAnInitContainerThatKeepsRunning() {
    Charts.Rendered out = Charts.templateChart(Charts.applicationChart(work));
    Map<String, Object> pod = map(at(out.one("Deployment", "demo-app-native"), "spec", "template", "spec"));
    Map<String, Object> init = list(pod.get("initContainers")).get(0);
    assertThat(init).containsEntry("name", "keygate").containsEntry("restartPolicy", "Always");
    assertThat(ChartRenderTest.env(init).get("KEYGATE_HOST").get("value")).isEqualTo("127.0.0.1");
    assertThat(list(pod.get("containers"))).extracting(c -> c.get("name")).containsExactly("app", "envoy");
  }

  @Test
  void sidecarOnANonLoopbackAddressGetsGrpcProbes() throws Exception {
    Path values = work.resolve("exposed.yaml");
    Files.writeString(values, "keygate:\n  sidecar:\n    host: 0.0.0.0\n");
    Charts.Rendered out = Charts.templateChart(Charts.applicationChart(work), values);
    Map<String, Object> keygate = list(at(out.one("Deployment", "demo-app"), "spec", "template", "spec",
        "containers")).get(2);
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertThat(at(keygate, probe, "grpc", "port")).as(probe).isEqualTo(7070);
    }
    // Ready while it can decide (cached keys count), not only while the database answers.
    assertThat(at(keygate, "readinessProbe", "grpc", "service")).isEqualTo("keygate.v1.AuthorizerService");
    assertThat(at(keygate, "livenessProbe", "grpc", "service")).isEqualTo("");
  }

  @Test
  void withMetricsTheSidecarExposesAPortForThePodMonitor() throws Exception {
    Path values = work.resolve("metrics.yaml");
    Files.writeString(values, "keygate:\n  metrics:\n    enabled: true\n    podMonitor:\n      enabled: true\n"
        + "      selector: {app: demo-app}\n  envoy:\n    image:\n      repository: envoyproxy/envoy\n"
        + "      tag: v1.39.0\n      digest: sha256:" + "0f".repeat(32) + "\n");
    Charts.Rendered out = Charts.templateChart(Charts.applicationChart(work), values);
    Map<String, Object> keygate = list(at(out.one("Deployment", "demo-app"), "spec", "template", "spec",
        "containers")).get(2);
    assertThat(list(keygate.get("ports"))).extracting(p -> p.get("name") + ":" + p.get("containerPort"))
        .containsExactly("keygate-grpc:7070", "keygate-metrics:9464");
    assertThat(list(at(out.one("Deployment", "demo-app"), "spec", "template", "spec", "containers")).get(1)
        .get("image")).as("Envoy pinned by digest").isEqualTo("envoyproxy/envoy@sha256:" + "0f".repeat(32));
    Map<String, Object> monitor = out.ofKind("PodMonitor").get(0);
    assertThat(at(monitor, "spec", "selector", "matchLabels")).isEqualTo(Map.of("app", "demo-app"));
    assertThat(list(at(monitor, "spec", "podMetricsEndpoints")).get(0)).containsEntry("port", "keygate-metrics");
  }

  /** Fleet mode: with the central Deployment on, application pods carry no database Secret at all. */
  @Test
  void withTheCentralDeploymentTheSidecarsRunAsEdgesWithoutADatabase() throws Exception {
    Path values = work.resolve("edge.yaml");
    Files.writeString(values, "keygate:\n  central:\n    enabled: true\n  fleet:\n    tokenSecret: demo-fleet\n");
    Charts.Rendered out = Charts.templateChart(Charts.applicationChart(work), values);
    Map<String, Object> keygate = list(at(out.one("Deployment", "demo-app"), "spec", "template", "spec",
        "containers")).get(2);
    var env = ChartRenderTest.env(keygate);
    assertThat(env.get("KEYGATE_CENTRAL_ADDRESS").get("value")).isEqualTo("kg-keygate.edge.svc:7070");
    assertThat(at(env.get("KEYGATE_FLEET_TOKEN"), "valueFrom", "secretKeyRef"))
        .isEqualTo(Map.of("name", "demo-fleet", "key", "token"));
    assertThat(env.keySet()).noneMatch(name -> name.startsWith("KEYGATE_DATABASE"));
    ChartRenderTest.assertSecretsOnlyFromSecretKeyRefs(env);
    Map<String, Object> central = list(at(out.one("Deployment", "kg-keygate"), "spec", "template", "spec",
        "containers")).get(0);
    var centralEnv = ChartRenderTest.env(central);
    assertThat(centralEnv).containsKeys("KEYGATE_DATABASE_URL", "KEYGATE_FLEET_TOKEN");
  }

  @Test
  void databaseModeKeepsEverySidecarAPostgresClient() throws Exception {
    Path values = work.resolve("database.yaml");
    Files.writeString(values, "keygate:\n  central:\n    enabled: true\n  fleet:\n    sidecarMode: database\n");
    Charts.Rendered out = Charts.templateChart(Charts.applicationChart(work), values);
    var env = ChartRenderTest.env(list(at(out.one("Deployment", "demo-app"), "spec", "template", "spec",
        "containers")).get(2));
    assertThat(env).containsKey("KEYGATE_DATABASE_PASSWORD").doesNotContainKeys("KEYGATE_CENTRAL_ADDRESS",
        "KEYGATE_FLEET_TOKEN");
  }

  /** central.tls: edges reach it over TLS, trusting only its CA certificate — mounted without the key. */
  @Test
  void withACentralTierOnTlsEdgesVerifyItAgainstItsCaAlone() throws Exception {
    Path values = work.resolve("edge-tls.yaml");
    Files.writeString(values, "keygate:\n  central:\n    enabled: true\n    tls:\n      enabled: true\n"
        + "      certificate:\n        issuerRef:\n          name: internal-ca\n"
        + "  fleet:\n    tokenSecret: demo-fleet\n");
    Charts.Rendered out = Charts.templateChart(Charts.applicationChart(work), values);
    Map<String, Object> pod = map(at(out.one("Deployment", "demo-app"), "spec", "template", "spec"));
    Map<String, Object> keygate = list(pod.get("containers")).get(2);
    var env = ChartRenderTest.env(keygate);
    assertThat(env.get("KEYGATE_CENTRAL_TLS").get("value")).isEqualTo("true");
    assertThat(env.get("KEYGATE_CENTRAL_CA_FILE").get("value")).isEqualTo("/etc/keygate/central-ca/ca.crt");
    assertThat(list(keygate.get("volumeMounts"))).anySatisfy(m -> assertThat(m)
        .containsEntry("name", "keygate-central-ca").containsEntry("mountPath", "/etc/keygate/central-ca"));
    assertThat(list(pod.get("volumes"))).anySatisfy(v -> assertThat(v).containsEntry("name", "keygate-central-ca")
        .containsEntry("secret", Map.of("secretName", "kg-keygate-tls",
            "items", List.of(Map.of("key", "ca.crt", "path", "ca.crt")))));

    Path mutual = work.resolve("edge-mtls.yaml");
    Files.writeString(mutual, Files.readString(values).replace("      certificate:",
        "      clientAuth:\n        enabled: true\n      certificate:"));
    assertThatThrownBy(() -> Charts.templateChart(Charts.applicationChart(work), mutual))
        .hasMessageContaining("edge sidecars present none");
  }
}
