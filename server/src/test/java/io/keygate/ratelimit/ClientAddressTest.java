package io.keygate.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.net.InetAddresses;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every spelling of one address is one client; anything that is no IP literal is none. */
class ClientAddressTest {
  @ParameterizedTest
  @CsvSource({
      "192.0.2.1, 192.0.2.1",
      "0.0.0.0, 0.0.0.0",
      "255.255.255.255, 255.255.255.255",
      "2001:DB8::0001, 2001:db8::1",
      "2001:db8:0:0:0:0:0:7, 2001:db8::7",
      "::ffff:192.0.2.1, 192.0.2.1",
      "::1, ::1"})
  void literalsAreWrittenInTheirCanonicalForm(String literal, String canonical) {
    assertThat(ClientAddress.canonical(literal)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"001.2.3.4", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", ".1.2.3", "1.2.3.4.",
      "evil.example.com", "192.0.2.1:8080", "[2001:db8::1]", "fe80::1%eth0", "\u0661.\u0662.\u0663.\u0664",
      "unknown", " 1.2.3.4", "1.2.3.4 ", "1234.1.1.1", ""})
  void anythingElseIsNoAddress(String literal) {
    assertThat(ClientAddress.canonical(literal)).isNull();
  }

  /** The fast path for dotted quads agrees with the parser on every input it accepts or refuses. */
  @Test
  void theDottedQuadFastPathAgreesWithTheParser() {
    Random random = new Random(15);
    String alphabet = "0123456789.";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder s = new StringBuilder();
      if (i % 2 == 0) {
        s.append(random.nextInt(300)).append('.').append(random.nextInt(300)).append('.').append(random.nextInt(300))
            .append('.').append(random.nextInt(300));
      } else {
        for (int j = random.nextInt(16); j > 0; j--) {
          s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String literal = s.toString();
      String parsed;
      try {
        parsed = literal.isEmpty() ? null : InetAddresses.toAddrString(InetAddresses.forString(literal));
      } catch (IllegalArgumentException e) {
        parsed = null;
      }
      assertThat(ClientAddress.canonical(literal)).as(literal).isEqualTo(parsed);
    }
  }

  @Test
  void anIpv6ClientIsItsSlash64AndNoAddressIsTheClientUnknown() {
    assertThat(ClientAddress.client("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
    assertThat(ClientAddress.client("192.0.2.1")).isEqualTo("192.0.2.1");
    assertThat(ClientAddress.client("")).isEqualTo(ClientAddress.UNKNOWN);
  }
}
