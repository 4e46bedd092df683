package dev.watchword.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyCidrTest {

  @ParameterizedTest
  @CsvSource({
      "10.1.2.3, 10.0.0.0/8, true",
      "11.0.0.1, 10.0.0.0/8, false",
      "192.168.1.255, 192.168.1.0/24, true",
      "192.168.2.0, 192.168.1.0/24, false",
      "203.0.113.7, 203.0.113.7, true",
      "203.0.113.7, 0.0.0.0/0, true",
      "172.31.255.255, 172.16.0.0/12, true",
      "172.32.0.0, 172.16.0.0/12, false"})
  void containsWhenIpv4ThenMatchesThePrefix(String ip, String cidr, boolean expected) {
    assertThat(Cidr.contains(ip, cidr)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "2001:db8::1, 2001:db8::/32, true",
      "2001:db9::1, 2001:db8::/32, false",
      "::1, ::1/128, true",
      "fe80::1:2, fe80::/10, true",
      "febf::1, fe80::/10, true",
      "fec0::1, fe80::/10, false"})
  void containsWhenIpv6ThenMatchesThePrefix(String ip, String cidr, boolean expected) {
    assertThat(Cidr.contains(ip, cidr)).isEqualTo(expected);
  }

  @Test
  void containsWhenFamiliesDifferThenFalse() {
    assertThat(Cidr.contains("10.0.0.1", "::/0")).isFalse();
    assertThat(Cidr.contains("::1", "0.0.0.0/0")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "10.0.0/8", "10.0.0.256/8", "10.0.0.0/", "10.0.0.0/-1", "example.com/8",
      "localhost", "2001:db8::/129", "2001:db8::g/32", "", "10.0.0.0/8/8", "1.2.3.4 /8"})
  void checkWhenBlockIsMalformedThenRefused(String cidr) {
    assertThatThrownBy(() -> Cidr.check(cidr)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "localhost", "999.1.1.1", "1.2.3", "::g"})
  void containsWhenAddressIsMalformedThenRefused(String ip) {
    assertThatThrownBy(() -> Cidr.contains(ip, "0.0.0.0/0")).isInstanceOf(IllegalArgumentException.class);
  }
}
