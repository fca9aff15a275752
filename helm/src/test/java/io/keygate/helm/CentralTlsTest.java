package io.keygate.helm;

import static io.keygate.helm.Charts.at;
import static io.keygate.helm.Charts.list;
import static io.keygate.helm.Charts.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * central.tls: the central Deployment serves TLS from a mounted Secret (one the chart asks cert-manager for,
 * or an existing one), with the three KEYGATE_TLS_* variables and TCP probes; nothing else changes.
 */
class CentralTlsTest {
  private static final String FULLNAME = "kg-keygate";

  @TempDir
  Path work;

  @Test
  void offByDefault() {
    Charts.Rendered out = Charts.template();
    assertThat(out.has("Certificate")).isFalse();
    Map<String, Object> container = central(out);
    assertThat(ChartRenderTest.env(container)).doesNotContainKeys("KEYGATE_TLS_CERT_FILE", "KEYGATE_TLS_KEY_FILE",
        "KEYGATE_TLS_CLIENT_CA_FILE", "KEYGATE_TLS_RELOAD_SECONDS");
    assertThat(at(container, "readinessProbe", "grpc", "port")).isEqualTo(7070);
  }

  @Test
  void anIssuerRefMakesACertManagerCertificateForTheServiceAndTheDeploymentServesIt() {
    Charts.Rendered out = Charts.template(Charts.resource("tls-certificate-values.yaml"));
    Map<String, Object> certificate = out.one("Certificate", FULLNAME + "-tls");
    assertThat(certificate.get("apiVersion")).isEqualTo("cert-manager.io/v1");
    Map<String, Object> spec = map(certificate.get("spec"));
    assertThat(spec.get("secretName")).isEqualTo(FULLNAME + "-tls");
    assertThat(spec.get("dnsNames")).isEqualTo(List.of(FULLNAME, FULLNAME + ".edge", FULLNAME + ".edge.svc",
        FULLNAME + ".edge.svc.cluster.local", "keygate.example.com"));
    assertThat(spec.get("issuerRef")).isEqualTo(Map.of("name", "internal-ca", "kind", "ClusterIssuer",
        "group", "cert-manager.io"));
    assertThat(spec.get("privateKey")).isEqualTo(Map.of("algorithm", "ECDSA", "size", 256, "encoding", "PKCS8",
        "rotationPolicy", "Always"));
    assertThat(spec.get("usages")).isEqualTo(List.of("digital signature", "server auth"));
    assertThat(spec).containsEntry("duration", "2160h").containsEntry("renewBefore", "720h");

    Map<String, Object> container = central(out);
    Map<String, Map<String, Object>> env = ChartRenderTest.env(container);
    assertThat(env.get("KEYGATE_HOST").get("value")).isEqualTo("0.0.0.0");
    assertThat(env.get("KEYGATE_TLS_CERT_FILE").get("value")).isEqualTo("/etc/keygate/tls/tls.crt");
    assertThat(env.get("KEYGATE_TLS_KEY_FILE").get("value")).isEqualTo("/etc/keygate/tls/tls.key");
    assertThat(env.get("KEYGATE_TLS_CLIENT_CA_FILE").get("value")).as("the issuer's CA, in the same Secret")
        .isEqualTo("/etc/keygate/tls/ca.crt");
    assertThat(env.get("KEYGATE_TLS_RELOAD_SECONDS").get("value")).isEqualTo("30");
    assertThat(list(container.get("volumeMounts"))).anySatisfy(m -> assertThat(m)
        .containsEntry("name", "keygate-tls").containsEntry("mountPath", "/etc/keygate/tls")
        .containsEntry("readOnly", true).doesNotContainKey("subPath"));
    assertThat(volumes(out)).anySatisfy(v -> assertThat(v).containsEntry("name", "keygate-tls")
        .containsEntry("secret", Map.of("secretName", FULLNAME + "-tls", "defaultMode", 0440)));
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertThat(at(container, probe, "tcpSocket", "port")).as(probe + ": the kubelet's gRPC probe has no TLS")
          .isEqualTo(7070);
      assertThat(at(container, probe, "grpc")).as(probe).isNull();
    }
  }

  @Test
  void anExistingSecretIsMountedAsItIsWithClientCasFromAnother() {
    Charts.Rendered out = Charts.template(Charts.resource("tls-secret-values.yaml"));
    assertThat(out.has("Certificate")).isFalse();
    Map<String, Object> container = central(out);
    assertThat(ChartRenderTest.env(container).get("KEYGATE_TLS_CLIENT_CA_FILE").get("value"))
        .isEqualTo("/etc/keygate/client-ca/bundle.pem");
    assertThat(volumes(out)).extracting(v -> at(v, "secret", "secretName")).contains("keygate-serving",
        "partner-cas");
    assertThat(list(container.get("volumeMounts"))).extracting(m -> m.get("mountPath"))
        .contains("/etc/keygate/tls", "/etc/keygate/client-ca");
  }

  @Test
  void theSidecarAndTheMigrationJobStayPlaintext() {
    Path values = Charts.resource("tls-certificate-values.yaml");
    Map<String, Object> job = Charts.templateWithHooks(work, values).one("Job", FULLNAME + "-migrate");
    Map<String, Object> migrate = list(at(job, "spec", "template", "spec", "containers")).get(0);
    assertThat(ChartRenderTest.env(migrate)).doesNotContainKey("KEYGATE_TLS_CERT_FILE");
  }

  @Test
  void tlsWithNeitherASecretNorAnIssuerIsRefused() {
    assertThatThrownBy(() -> Charts.template(Charts.resource("bad-tls-no-source.yaml")))
        .hasMessageContaining("central.tls.enabled needs central.tls.secretName")
        .hasMessageContaining("central.tls.certificate.issuerRef.name");
  }

  @Test
  void anIssuerKindOtherThanIssuerOrClusterIssuerIsRefused() {
    assertThatThrownBy(() -> Charts.template(Charts.resource("bad-tls-issuer-kind.yaml")))
        .hasMessageContaining("/central/tls/certificate/issuerRef/kind")
        .hasMessageContaining("ClusterIssuer");
  }

  @Test
  void tlsValuesLintCleanUnderStrict() {
    for (String values : List.of("tls-certificate-values.yaml", "tls-secret-values.yaml")) {
      LintResult result = Charts.lint(Charts.resource(values), work.resolve(values));
      assertThat(result.isFailed()).as(values + ": " + String.join("\n", result.getMessages())).isFalse();
    }
  }

  @Test
  void notesTellHowToCallTheTlsPort() {
    String notes = new com.marcnuri.helm.Helm(Charts.CHART).install().withName(Charts.RELEASE)
        .withNamespace(Charts.NAMESPACE).withKubeVersion(Charts.KUBE_VERSION)
        .withValuesFile(Charts.resource("tls-certificate-values.yaml")).dryRun().clientOnly().call().getOutput();
    assertThat(notes).contains(
        "kubectl -n edge get secret kg-keygate-tls -o jsonpath='{.data.ca\\.crt}' | base64 -d > keygate-ca.crt",
        "grpcurl -cacert keygate-ca.crt -authority kg-keygate.edge.svc -cert client.crt -key client.key",
        "--ca keygate-ca.crt --server-name kg-keygate.edge.svc --cert client.crt --cert-key client.key",
        "(gRPC, TLS, client certificates required)");
  }

  private static Map<String, Object> central(Charts.Rendered out) {
    return list(at(out.one("Deployment", FULLNAME), "spec", "template", "spec", "containers")).get(0);
  }

  private static List<Map<String, Object>> volumes(Charts.Rendered out) {
    return list(at(out.one("Deployment", FULLNAME), "spec", "template", "spec", "volumes"));
  }
}
