package io.keygate.transport.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientIpTest {
  private static final String SOURCE = "10.0.0.9";
  private static final String CHAIN = "203.0.113.7, 198.51.100.2,10.1.1.1";

  @Test
  void withoutTrustedHopsTheSourceAddressIsUsedAndForwardedForIgnored() {
    assertThat(ClientIp.resolve(SOURCE, CHAIN, 0)).isEqualTo(SOURCE);
    assertThat(ClientIp.resolve(SOURCE, "203.0.113.7", 0)).isEqualTo(SOURCE);
    assertThat(ClientIp.resolve(SOURCE, CHAIN, -1)).isEqualTo(SOURCE);
  }

  @Test
  void withoutForwardedForTheSourceAddressIsUsed() {
    assertThat(ClientIp.resolve(SOURCE, null, 1)).isEqualTo(SOURCE);
    assertThat(ClientIp.resolve(SOURCE, "", 1)).isEqualTo(SOURCE);
    assertThat(ClientIp.resolve(SOURCE, "  ", 2)).isEqualTo(SOURCE);
  }

  @Test
  void nTrustedHopsPickTheNthEntryFromTheRight() {
    assertThat(ClientIp.resolve(SOURCE, CHAIN, 1)).isEqualTo("10.1.1.1");
    assertThat(ClientIp.resolve(SOURCE, CHAIN, 2)).isEqualTo("198.51.100.2");
    assertThat(ClientIp.resolve(SOURCE, CHAIN, 3)).isEqualTo("203.0.113.7");
    assertThat(ClientIp.resolve(SOURCE, "  192.0.2.44  ", 1)).isEqualTo("192.0.2.44");
  }

  @Test
  void entriesAClientPrependsCannotBeChosen() {
    // The client sent "x-forwarded-for: 1.1.1.1"; the one trusted proxy appended the real address.
    assertThat(ClientIp.resolve(SOURCE, "1.1.1.1, 192.0.2.44", 1)).isEqualTo("192.0.2.44");
  }

  @Test
  void fewerEntriesThanTrustedHopsFallBackToTheSource() {
    assertThat(ClientIp.resolve(SOURCE, CHAIN, 4)).isEqualTo(SOURCE);
    assertThat(ClientIp.resolve(SOURCE, "192.0.2.44", 2)).isEqualTo(SOURCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"unknown", "evil.example.com", "_hidden", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4",
      "1..2.3", "1.2.3.4:8080", "[2001:db8::1]", "[2001:db8::1]:443", "2001:db8::1%eth0", "cafe:babe",
      "2001:db8:::1", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "g::1",
      "::ffff:1.2.3", "::ffff:1.2.3.256", "1.2.3.4::", "\u0661.\u0662.\u0663.\u0664", "1.2.3.4 5.6.7.8",
      "; drop table", "0000000000000000000000000000000000000000000001.2.3.4"})
  void aGarbageEntryFallsBackToTheSource(String entry) {
    assertThat(ClientIp.looksLikeIp(entry)).as(entry).isFalse();
    assertThat(ClientIp.resolve(SOURCE, "192.0.2.1, " + entry, 1)).as(entry).isEqualTo(SOURCE);
    assertThat(ClientIp.resolve(SOURCE, entry + ", 192.0.2.1", 2)).as(entry).isEqualTo(SOURCE);
  }

  @Test
  void anEmptyEntryFallsBackToTheSource() {
    assertThat(ClientIp.resolve(SOURCE, "192.0.2.1,", 1)).isEqualTo(SOURCE);
    assertThat(ClientIp.resolve(SOURCE, "192.0.2.1, ,192.0.2.2", 2)).isEqualTo(SOURCE);
    assertThat(ClientIp.resolve(SOURCE, ",", 1)).isEqualTo(SOURCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8::1", "2001:DB8:0:0:0:0:0:1", "::1", "::", "fe80::1:2", "1::",
      "1:2:3:4:5:6:7:8", "1:2:3:4:5:6::8", "::ffff:192.0.2.1", "64:ff9b::198.51.100.7", "1:2:3:4:5:6:1.2.3.4"})
  void ipv6EntriesAreUsed(String entry) {
    assertThat(ClientIp.looksLikeIp(entry)).as(entry).isTrue();
    assertThat(ClientIp.resolve(SOURCE, "192.0.2.1, " + entry, 1)).isEqualTo(entry);
    assertThat(ClientIp.resolve("2001:db8::99", entry + ", 2001:db8::2", 2)).isEqualTo(entry);
  }

  @Test
  void anIpv6SourceIsReturnedAsIs() {
    assertThat(ClientIp.resolve("2001:db8::99", null, 1)).isEqualTo("2001:db8::99");
    assertThat(ClientIp.resolve("2001:db8::99", "2001:db8::1", 0)).isEqualTo("2001:db8::99");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "255.255.255.255", "192.0.2.1", "10.0.0.1"})
  void ipv4EntriesAreUsed(String entry) {
    assertThat(ClientIp.looksLikeIp(entry)).isTrue();
    assertThat(ClientIp.resolve(SOURCE, entry, 1)).isEqualTo(entry);
  }
}
