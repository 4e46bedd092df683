package dev.watchword.server.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhcStringTest {

  // 16 zero bytes of salt and 32 zero bytes of hash, unpadded Base64.
  private static final String SALT = "AAAAAAAAAAAAAAAAAAAAAA";
  private static final String HASH = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

  @Test
  void parseWhenArgon2idPhcStringThenParameters() {
    PhcString parsed =
        PhcString.parse("$argon2id$v=19$m=19456,t=2,p=1$" + SALT + "$" + HASH).orElseThrow();

    assertThat(parsed).isEqualTo(new PhcString("argon2id", 0x13, 19456, 2, 1, 16, 32));
  }

  @Test
  void parseWhenNoVersionThenArgon2Version10() {
    assertThat(PhcString.parse("$argon2i$m=4096,t=3,p=1$" + SALT + "$" + HASH))
        .hasValueSatisfying(p -> assertThat(p.version()).isEqualTo(0x10));
  }

  @Test
  void parseWhenNotArgon2ThenEmpty() {
    assertThat(PhcString.parse(null)).isEmpty();
    assertThat(PhcString.parse("")).isEmpty();
    assertThat(PhcString.parse("$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"))
        .isEmpty();
    assertThat(PhcString.parse("$argon2id$v=19$m=19456,t=2$" + SALT + "$" + HASH)).isEmpty();
    assertThat(PhcString.parse("$argon2id$v=19$m=19456,t=2,p=1$" + SALT + "$" + HASH + "="))
        .isEmpty();
  }

  @Test
  void parseWhenBase64OfImpossibleLengthThenEmpty() {
    assertThat(PhcString.parse("$argon2id$v=19$m=19456,t=2,p=1$A$" + HASH)).isEmpty();
  }

  @Test
  void toStringWhenParsedThenHoldsNoSaltOrHash() {
    PhcString parsed = PhcString.parse("$argon2id$v=19$m=19456,t=2,p=1$"
        + "c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g").orElseThrow();

    assertThat(parsed.toString()).doesNotContain("c2FsdHNhbHRzYWx0c2FsdA").doesNotContain("aGFz");
  }
}
