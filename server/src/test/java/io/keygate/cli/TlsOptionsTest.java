package io.keygate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI's choice between plaintext and TLS; channels are made but never connected here. */
class TlsOptionsTest {
  private final StringWriter err = new StringWriter();

  @Test
  void loopbackAddressesAreTheOnesPlaintextIsQuietFor() {
    assertThat(TlsOptions.loopback("127.0.0.1:7070")).isTrue();
    assertThat(TlsOptions.loopback("127.8.9.10:7070")).isTrue();
    assertThat(TlsOptions.loopback("[::1]:7070")).isTrue();
    assertThat(TlsOptions.loopback("localhost:7070")).isTrue();
    assertThat(TlsOptions.loopback("10.0.0.7:7070")).isFalse();
    assertThat(TlsOptions.loopback("keygate.keygate.svc:7070")).isFalse();
    assertThat(TlsOptions.loopback("dns:///keygate:7070")).isFalse();
  }

  @Test
  void plaintextIsTheDefaultAndWarnsOnlyOffLoopback() {
    TlsOptions options = parse();
    close(options.channel("127.0.0.1:7070", Map.of(), new PrintWriter(err, true)));
    assertThat(options.secured()).isFalse();
    assertThat(err.toString()).isEmpty();
    close(options.channel("keygate.keygate.svc:7070", Map.of(), new PrintWriter(err, true)));
    assertThat(err.toString()).isEqualTo("warning: plaintext to keygate.keygate.svc:7070: the API key crosses the"
        + " network unencrypted; use --tls (and Keygate with KEYGATE_TLS_CERT_FILE)\n");
  }

  @Test
  void tlsComesFromTheFlagOrTheEnvironmentAndNoTlsOverridesIt() {
    TlsOptions flag = parse("--tls");
    close(flag.channel("keygate.keygate.svc:7070", Map.of(), new PrintWriter(err, true)));
    assertThat(flag.secured()).isTrue();
    TlsOptions env = parse();
    close(env.channel("keygate.keygate.svc:7070", Map.of("KEYGATE_CLI_TLS", "true"), new PrintWriter(err, true)));
    assertThat(env.secured()).isTrue();
    TlsOptions off = parse("--no-tls");
    close(off.channel("127.0.0.1:7070", Map.of("KEYGATE_CLI_TLS", "true"), new PrintWriter(err, true)));
    assertThat(off.secured()).isFalse();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void inconsistentOptionsAreRefused() {
    assertThatThrownBy(() -> parse("--no-tls", "--ca", "/ca.crt").channel("127.0.0.1:1", Map.of(),
        new PrintWriter(err))).hasMessageContaining("need TLS; --no-tls turns it off");
    assertThatThrownBy(() -> parse("--server-name", "keygate").channel("127.0.0.1:1", Map.of(),
        new PrintWriter(err))).hasMessage("--server-name needs TLS: add --tls");
    assertThatThrownBy(() -> parse("--tls").channel("127.0.0.1:1", Map.of("KEYGATE_CLI_KEY_FILE", "/k.pem"),
        new PrintWriter(err))).hasMessageStartingWith("--cert and --cert-key go together");
    assertThatThrownBy(() -> parse("--ca", "/no/such/ca.crt").channel("127.0.0.1:1", Map.of(),
        new PrintWriter(err))).hasMessage("--ca (/no/such/ca.crt): no such file");
    assertThatThrownBy(() -> parse().channel("127.0.0.1:1", Map.of("KEYGATE_CLI_CA_FILE", "/no/such/ca.crt"),
        new PrintWriter(err))).as("named by the variable that gave it")
        .hasMessage("KEYGATE_CLI_CA_FILE (/no/such/ca.crt): no such file");
  }

  private static TlsOptions parse(String... args) {
    TlsOptions options = new TlsOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  private static void close(ManagedChannel channel) {
    channel.shutdownNow();
  }
}
