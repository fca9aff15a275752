package io.keygate.helm;

import static io.keygate.helm.Charts.at;
import static io.keygate.helm.Charts.list;
import static io.keygate.helm.Charts.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code helm template} with the defaults and with non-default values, every document parsed. */
class ChartRenderTest {
  private static final String FULLNAME = "kg-keygate";
  private static final List<String> SECRET_ENV = List.of(
      "KEYGATE_DATABASE_PASSWORD", "KEYGATE_FLEET_TOKEN", "KEYGATE_REDIS_URL", "KEYGATE_REDIS_PASSWORD");

  @TempDir
  Path work;

  @Test
  void anAutoscaledCentralTierGetsAnHpaAndNoFixedReplicas() throws Exception {
    Path values = work.resolve("hpa.yaml");
    java.nio.file.Files.writeString(values, "central:\n  autoscaling:\n    enabled: true\n    maxReplicas: 6\n");
    Charts.Rendered out = Charts.template(values);
    Map<String, Object> hpa = out.one("HorizontalPodAutoscaler", FULLNAME);
    assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(FULLNAME);
    assertThat(at(hpa, "spec", "maxReplicas")).isEqualTo(6);
    assertThat(map(at(out.one("Deployment", FULLNAME), "spec"))).doesNotContainKey("replicas");
    assertThat(Charts.template().ofKind("HorizontalPodAutoscaler")).as("off by default").isEmpty();
  }

  @Test
  void defaultsRenderACentralDeploymentWithGrpcProbesAndALockedDownContainer() {
    Charts.Rendered out = Charts.template();
    Map<String, Object> deployment = out.one("Deployment", FULLNAME);
    Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
    Map<String, Object> container = list(pod.get("containers")).get(0);

    assertThat(container.get("image")).isEqualTo("ghcr.io/keygate/keygate:0.1.0");
    assertThat(container.get("args")).isEqualTo(List.of("serve"));
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertThat(at(container, probe, "grpc", "port")).as(probe).isEqualTo(7070);
    }
    // Alive while it can decide; ready while the management API can work (the database answers).
    assertThat(at(container, "livenessProbe", "grpc", "service")).isEqualTo("");
    assertThat(at(container, "startupProbe", "grpc", "service")).isEqualTo("");
    assertThat(at(container, "readinessProbe", "grpc", "service")).isEqualTo("keygate.v1.ApiKeyService");
    assertLockedDown(map(container.get("securityContext")));
    assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
    assertThat(at(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
    assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
    assertThat(list(pod.get("volumes")))
        .anyMatch(v -> "keygate-tmp".equals(v.get("name")) && v.containsKey("emptyDir"));
    assertThat(list(container.get("volumeMounts"))).anyMatch(m -> "/tmp".equals(m.get("mountPath")));

    Map<String, Map<String, Object>> env = env(container);
    assertThat(env.get("KEYGATE_HOST").get("value")).isEqualTo("0.0.0.0");
    assertThat(env.get("KEYGATE_MIGRATE").get("value")).as("the hook Job migrates; serve only checks the schema")
        .isEqualTo("false");
    assertThat(env.get("KEYGATE_RATE_LIMIT_FAILURE").get("value")).isEqualTo("open");
    assertThat(env.get("KEYGATE_LOG_FORMAT").get("value")).as("JSON for the cluster's log collector")
        .isEqualTo("json");
    assertThat(env.get("KEYGATE_AUTH_FAILURE_LIMIT").get("value")).isEqualTo("100");
    assertThat(env.get("KEYGATE_AUTH_FAILURE_WINDOW_SECONDS").get("value")).isEqualTo("900");
    assertThat(env.get("JAVA_TOOL_OPTIONS").get("value"))
        .isEqualTo(Charts.load(Charts.CHART.resolve("values.yaml")).get("javaToolOptions"));
    assertThat(env).doesNotContainKeys("KEYGATE_REDIS_URL", "KEYGATE_REDIS_MODE", "KEYGATE_ROUTES_FILE",
        "KEYGATE_METRICS_ADDRESS", "OTEL_EXPORTER_OTLP_ENDPOINT");
    assertDatabaseSecretsOnlyFromSecretKeyRefs(env);
    assertThat(at(env.get("KEYGATE_DATABASE_PASSWORD"), "valueFrom", "secretKeyRef"))
        .isEqualTo(Map.of("name", "keygate-database", "key", "password"));
    assertThat(at(container, "resources", "limits", "memory")).isEqualTo("512Mi");

    Map<String, Object> service = out.one("Service", FULLNAME);
    assertThat(list(at(service, "spec", "ports"))).singleElement()
        .satisfies(p -> assertThat(p).containsEntry("name", "grpc").containsEntry("port", 7070)
            .containsEntry("targetPort", "grpc").containsEntry("appProtocol", "grpc"));

    assertThat(out.one("PodDisruptionBudget", FULLNAME)).isNotNull();
    Map<String, Object> policy = out.one("NetworkPolicy", FULLNAME);
    assertThat(at(policy, "spec", "policyTypes")).isEqualTo(List.of("Ingress"));
    assertThat(out.one("ServiceAccount", FULLNAME)).containsEntry("automountServiceAccountToken", false);
    assertThat(out.has("ServiceMonitor")).isFalse();
    assertThat(out.one("ConfigMap", FULLNAME + "-envoy")).isNotNull();
  }

  @Test
  void migrationJobIsAPreInstallAndPreUpgradeHookRunningMigrate() {
    Map<String, Object> job = Charts.templateWithHooks(work).one("Job", FULLNAME + "-migrate");
    Map<String, Object> annotations = map(at(job, "metadata", "annotations"));
    assertThat(annotations)
        .containsEntry(Charts.HOOK_PREFIX, "pre-install,pre-upgrade")
        .containsEntry(Charts.HOOK_PREFIX + "-delete-policy", "before-hook-creation,hook-succeeded");
    assertThat(at(job, "spec", "backoffLimit")).isEqualTo(3);
    assertThat(at(job, "spec", "activeDeadlineSeconds")).isEqualTo(300);
    Map<String, Object> pod = map(at(job, "spec", "template", "spec"));
    assertThat(pod.get("restartPolicy")).isEqualTo("Never");
    Map<String, Object> container = list(pod.get("containers")).get(0);
    assertThat(container.get("args")).isEqualTo(List.of("migrate"));
    assertThat(container.get("image")).isEqualTo("ghcr.io/keygate/keygate:0.1.0");
    assertLockedDown(map(container.get("securityContext")));
    assertDatabaseSecretsOnlyFromSecretKeyRefs(env(container));
    // The ordinary render (what helm-java returns) does not carry hooks: proves the rename above is needed.
    assertThat(Charts.template().has("Job")).isFalse();
  }

  @Test
  void nonDefaultValuesReachEveryObject() {
    Path custom = Charts.resource("custom-values.yaml");
    Charts.Rendered out = Charts.template(custom);
    Map<String, Object> deployment = out.one("Deployment", FULLNAME);
    assertThat(at(deployment, "spec", "replicas")).isEqualTo(3);
    Map<String, Object> container = list(at(deployment, "spec", "template", "spec", "containers")).get(0);
    assertThat(container.get("image")).as("pinned by digest: the tag is ignored").isEqualTo(
        "registry.example.com/platform/keygate@sha256:" + "ab".repeat(32));
    assertThat(container.get("imagePullPolicy")).isEqualTo("Always");
    assertThat(at(container, "readinessProbe", "grpc", "port")).isEqualTo(7171);
    assertThat(list(container.get("ports"))).extracting(p -> p.get("containerPort")).containsExactly(7171, 9464);

    Map<String, Map<String, Object>> env = env(container);
    assertThat(env.get("KEYGATE_PORT").get("value")).isEqualTo("7171");
    assertThat(env.get("KEYGATE_LOG_FORMAT").get("value")).isEqualTo("text");
    assertThat(env.get("KEYGATE_RATE_LIMIT_FAILURE").get("value")).isEqualTo("closed");
    assertThat(env.get("KEYGATE_REDIS_MODE").get("value")).isEqualTo("cluster");
    assertThat(env.get("KEYGATE_DATABASE_URL").get("value"))
        .isEqualTo("jdbc:postgresql://pg.db.svc:5432/keygate?sslmode=require");
    // Two load balancers in front of Envoy, plus Envoy's own append.
    assertThat(env.get("KEYGATE_XFF_TRUSTED_HOPS").get("value")).isEqualTo("3");
    assertThat(env.get("KEYGATE_ROUTES_FILE").get("value")).isEqualTo("/etc/keygate/routes/routes.txt");
    assertThat(env.get("KEYGATE_METRICS_ADDRESS").get("value")).isEqualTo("0.0.0.0:9464");
    assertThat(env.get("OTEL_EXPORTER_OTLP_ENDPOINT").get("value")).isEqualTo("http://otel-collector.obs:4318");
    assertThat(env.get("OTEL_SERVICE_NAME").get("value")).isEqualTo("keygate");
    assertDatabaseSecretsOnlyFromSecretKeyRefs(env);
    assertThat(at(env.get("KEYGATE_REDIS_URL"), "valueFrom", "secretKeyRef"))
        .isEqualTo(Map.of("name", "redis-credentials", "key", "redis-url"));
    assertThat(env.get("JAVA_TOOL_OPTIONS").get("value")).as("counting in Redis: the archive trained with Redis")
        .isEqualTo(((String) Charts.load(Charts.CHART.resolve("values.yaml")).get("javaToolOptions"))
            .replace("-XX:SharedArchiveFile=/app/keygate.jsa", "-XX:SharedArchiveFile=/app/keygate-redis.jsa"));
    assertThat(at(env.get("KEYGATE_REDIS_PASSWORD"), "valueFrom", "secretKeyRef"))
        .isEqualTo(Map.of("name", "redis-credentials", "key", "redis-password"));
    assertThat(at(env.get("KEYGATE_DATABASE_USER"), "valueFrom", "secretKeyRef"))
        .isEqualTo(Map.of("name", "pg-credentials", "key", "username"));

    assertThat(list(at(out.one("Service", FULLNAME), "spec", "ports")))
        .extracting(p -> p.get("name") + ":" + p.get("port")).containsExactly("grpc:443", "metrics:9464");
    assertThat(out.one("ConfigMap", FULLNAME + "-routes").get("data"))
        .isEqualTo(Map.of("routes.txt", "GET /v1/things/* things:read"));
    Map<String, Object> policy = out.one("NetworkPolicy", FULLNAME);
    assertThat(at(policy, "spec", "policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
    assertThat(list(at(policy, "spec", "egress"))).hasSize(2);
    Map<String, Object> monitor = out.one("ServiceMonitor", FULLNAME);
    assertThat(list(at(monitor, "spec", "endpoints"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("port", "metrics").containsEntry("path", "/metrics"));

    Map<String, Object> pods = out.one("PodMonitor", FULLNAME + "-sidecars");
    assertThat(at(pods, "spec", "selector", "matchLabels")).isEqualTo(Map.of("app.kubernetes.io/name", "my-app"));
    assertThat(list(at(pods, "spec", "podMetricsEndpoints"))).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("port", "keygate-metrics").containsEntry("path", "/metrics"));

    Map<String, Object> job = Charts.templateWithHooks(work, custom).one("Job", FULLNAME + "-migrate");
    Map<String, Object> migrate = list(at(job, "spec", "template", "spec", "containers")).get(0);
    assertThat(migrate.get("image")).isEqualTo("registry.example.com/platform/keygate@sha256:" + "ab".repeat(32));
    assertDatabaseSecretsOnlyFromSecretKeyRefs(env(migrate));
  }

  @Test
  void centralCanBeTurnedOffLeavingNoServerObjects() {
    Charts.Rendered out = Charts.template(Charts.resource("no-central-values.yaml"));
    for (String kind : List.of("Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy", "ConfigMap")) {
      assertThat(out.has(kind)).as(kind).isFalse();
    }
    assertThat(out.has("ServiceAccount")).isTrue();
  }

  @Test
  void noRenderedObjectCarriesALiteralSecretValue() {
    for (Charts.Rendered out : List.of(Charts.template(), Charts.template(Charts.resource("custom-values.yaml")))) {
      assertThat(out.has("Secret")).isFalse();
      assertThat(out.text()).doesNotContain("KEYGATE_DATABASE_PASSWORD\n              value:");
    }
  }

  @Test
  void notesTellHowToGetTheAdminKeyAndMakeAFirstCall() {
    String notes = new com.marcnuri.helm.Helm(Charts.CHART).install().withName(Charts.RELEASE)
        .withNamespace(Charts.NAMESPACE).withKubeVersion(Charts.KUBE_VERSION).dryRun().clientOnly().call()
        .getOutput();
    assertThat(notes).contains(
        "kubectl -n edge exec deploy/kg-keygate",
        "java -jar /app/keygate.jar bootstrap",
        "kubectl -n edge port-forward svc/kg-keygate 7070:7070",
        "keygate.v1.ApiKeyService/ListApiKeys",
        "include \"keygate.sidecar\" .Subcharts.keygate");
  }

  static void assertLockedDown(Map<String, Object> securityContext) {
    assertThat(securityContext)
        .containsEntry("runAsNonRoot", true)
        .containsEntry("runAsUser", 10001)
        .containsEntry("readOnlyRootFilesystem", true)
        .containsEntry("allowPrivilegeEscalation", false);
    assertThat(at(securityContext, "capabilities", "drop")).isEqualTo(List.of("ALL"));
    assertThat(at(securityContext, "seccompProfile", "type")).isEqualTo("RuntimeDefault");
  }

  static void assertSecretsOnlyFromSecretKeyRefs(Map<String, Map<String, Object>> env) {
    for (String name : SECRET_ENV) {
      if (env.containsKey(name)) {
        assertThat(env.get(name)).as(name).doesNotContainKey("value");
        assertThat(at(env.get(name), "valueFrom", "secretKeyRef", "name")).as(name).isNotNull();
      }
    }
  }

  /** As above, for a container on the database: its password comes from the database Secret. */
  static void assertDatabaseSecretsOnlyFromSecretKeyRefs(Map<String, Map<String, Object>> env) {
    assertSecretsOnlyFromSecretKeyRefs(env);
    assertThat(env).containsKey("KEYGATE_DATABASE_PASSWORD");
  }

  static Map<String, Map<String, Object>> env(Map<String, Object> container) {
    Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
    for (Map<String, Object> entry : list(container.get("env"))) {
      assertThat(byName.put((String) entry.get("name"), entry)).as("duplicate env " + entry.get("name")).isNull();
    }
    return byName;
  }
}
