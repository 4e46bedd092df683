package dev.watchword.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasskeyPropertiesTest {

  @Test
  void originsWhenNothingIsConfiguredThenLocalhostOnTheServerPort() {
    PasskeyProperties properties = new PasskeyProperties(null, null);

    assertThat(properties.rpId()).isEqualTo("localhost");
    assertThat(properties.originsOr(8080)).containsExactly("http://localhost:8080");
  }

  @Test
  void originsWhenConfiguredThenExactlyThose() {
    PasskeyProperties properties = new PasskeyProperties("vault.example.com", List.of("https://vault.example.com"));

    assertThat(properties.rpId()).isEqualTo("vault.example.com");
    assertThat(properties.originsOr(8080)).containsExactly("https://vault.example.com");
  }
}
