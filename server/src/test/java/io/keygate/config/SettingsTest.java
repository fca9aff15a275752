package io.keygate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading settings: defaults, overrides, refusals that name the variable, typos reported. */
class SettingsTest {
  @Test
  void theDefaultsApplyWhenNothingIsSet() {
    KeygateConfig config = KeygateConfig.fromEnv(Map.of());
    assertThat(config.listenHost()).isEqualTo("127.0.0.1");
    assertThat(config.listenPort()).isEqualTo(7070);
    assertThat(config.migrate()).isTrue();
    assertThat(config.metricsAddress()).isNull();
    assertThat(config.hotPath().cacheTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.hotPath().routesFile()).isNull();
    assertThat(config.hotPath().rateLimits().authFailureLimit()).isEqualTo(100);
    assertThat(config.hotPath().rateLimits().redis()).isFalse();
  }

  @Test
  void aVariableOverridesItsDefault() {
    KeygateConfig config = KeygateConfig.fromEnv(Map.of("KEYGATE_PORT", " 9000 ", "KEYGATE_MIGRATE", "FALSE",
        "KEYGATE_METRICS_ADDRESS", "0.0.0.0:9464", "KEYGATE_REDIS_MODE", "cluster", "KEYGATE_REDIS_URL",
        "redis://a:1,redis://b:2"));
    assertThat(config.listenPort()).isEqualTo(9000);
    assertThat(config.migrate()).isFalse();
    assertThat(config.metricsAddress()).isEqualTo(new HostPort("0.0.0.0", 9464));
    assertThat(config.hotPath().rateLimits().redisCluster()).isTrue();
  }

  @Test
  void aBadValueIsRefusedNamingTheVariableAndTheRule() {
    assertThatThrownBy(() -> KeygateConfig.fromEnv(Map.of("KEYGATE_PORT", "70000")))
        .hasMessage("KEYGATE_PORT must be 0-65535, got '70000'");
    assertThatThrownBy(() -> KeygateConfig.fromEnv(Map.of("KEYGATE_CACHE_TTL_SECONDS", "soon")))
        .hasMessage("KEYGATE_CACHE_TTL_SECONDS must be a whole number, got 'soon'");
    assertThatThrownBy(() -> KeygateConfig.fromEnv(Map.of("KEYGATE_CHANGE_FEED", "yes")))
        .hasMessage("KEYGATE_CHANGE_FEED must be true or false, got 'yes'");
    assertThatThrownBy(() -> KeygateConfig.fromEnv(Map.of("KEYGATE_RATE_LIMIT_FAILURE", "maybe")))
        .hasMessage("KEYGATE_RATE_LIMIT_FAILURE must be one of open, closed, got 'maybe'");
    assertThatThrownBy(() -> KeygateConfig.fromEnv(Map.of("KEYGATE_METRICS_ADDRESS", "9464")))
        .hasMessageStartingWith("KEYGATE_METRICS_ADDRESS must be host:port");
    assertThatThrownBy(() -> KeygateConfig.fromEnv(Map.of("KEYGATE_TOKEN_PREFIX", "LK")))
        .hasMessageStartingWith("KEYGATE_TOKEN_PREFIX");
  }

  @Test
  void tlsIsOffByDefaultAndItsFilesGoTogether() {
    TlsConfig off = KeygateConfig.fromEnv(Map.of()).tls();
    assertThat(off.enabled()).isFalse();
    assertThat(off.reloadPeriod()).isEqualTo(Duration.ofSeconds(60));
    TlsConfig mtls = KeygateConfig.fromEnv(Map.of("KEYGATE_TLS_CERT_FILE", "/tls/tls.crt", "KEYGATE_TLS_KEY_FILE",
        "/tls/tls.key", "KEYGATE_TLS_CLIENT_CA_FILE", "/tls/ca.crt", "KEYGATE_TLS_RELOAD_SECONDS", "5")).tls();
    assertThat(mtls.enabled()).isTrue();
    assertThat(mtls.clientCertificatesRequired()).isTrue();
    assertThat(mtls.reloadPeriod()).isEqualTo(Duration.ofSeconds(5));

    assertThatThrownBy(() -> KeygateConfig.fromEnv(Map.of("KEYGATE_TLS_CERT_FILE", "/tls/tls.crt")))
        .hasMessage("KEYGATE_TLS_CERT_FILE and KEYGATE_TLS_KEY_FILE go together: KEYGATE_TLS_KEY_FILE is not set");
    assertThatThrownBy(() -> KeygateConfig.fromEnv(Map.of("KEYGATE_TLS_KEY_FILE", "/tls/tls.key")))
        .hasMessage("KEYGATE_TLS_CERT_FILE and KEYGATE_TLS_KEY_FILE go together: KEYGATE_TLS_CERT_FILE is not set");
    assertThatThrownBy(() -> KeygateConfig.fromEnv(Map.of("KEYGATE_TLS_CLIENT_CA_FILE", "/tls/ca.crt")))
        .hasMessage("KEYGATE_TLS_CLIENT_CA_FILE needs TLS: set KEYGATE_TLS_CERT_FILE and KEYGATE_TLS_KEY_FILE too");
    assertThatThrownBy(() -> KeygateConfig.fromEnv(Map.of("KEYGATE_TLS_RELOAD_SECONDS", "0")))
        .hasMessage("KEYGATE_TLS_RELOAD_SECONDS must be 1-86400 (seconds), got '0'");
  }

  @Test
  void aSecretsValueIsNeverShownInAnError() {
    Setting<Integer> plain = Setting.integer("KEYGATE_X", 1, 0, 2, "test");
    assertThatThrownBy(() -> plain.from(Map.of("KEYGATE_X", "9"))).hasMessageContaining("'9'");
    assertThat(Settings.DATABASE_PASSWORD.secret()).isTrue();
    assertThat(Settings.REDIS_PASSWORD.secret()).isTrue();
    assertThat(Settings.API_KEY.secret()).isTrue();
  }

  @Test
  void anUnknownKeygateVariableIsReportedButKubernetesServiceLinksAreNot() {
    assertThat(Settings.unknown(Map.of("KEYGATE_CACHE_TTL", "5", "KEYGATE_PORT", "1", "PATH", "/bin",
        "KEYGATE_SERVICE_HOST", "10.0.0.1", "KEYGATE_SERVICE_PORT_GRPC", "7070", "KEYGATE_PORT_7070_TCP_ADDR", "x")))
        .containsExactly("KEYGATE_CACHE_TTL");
  }

  @Test
  void everySettingIsDeclaredOnceWithADescriptionAndAValidDefault() {
    Set<String> names = new HashSet<>();
    for (Setting<?> setting : Settings.all()) {
      assertThat(names.add(setting.name())).as("declared twice: %s", setting.name()).isTrue();
      assertThat(setting.name()).startsWith("KEYGATE_");
      assertThat(setting.description()).isNotBlank();
      setting.from(Map.of());
    }
    assertThat(names).hasSizeGreaterThan(30);
  }
}
