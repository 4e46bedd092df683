package dev.watchword.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.server.support.ApiClient;
import dev.watchword.server.support.ApiClient.ApiResponse;
import dev.watchword.server.support.ServerUnderTest;
import org.junit.jupiter.api.Test;

/** Seeds are sealed to their row and their vault: a ciphertext that moves no longer opens. */
public interface StorageContract extends ServerUnderTest {

  String SECRET_A = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  String SECRET_B = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

  @Test
  default void decryptWhenCiphertextMovedToAnotherRowThenFails() {
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();
    String a = alice.newTotpEntry(vault, SECRET_A);
    String b = alice.newTotpEntry(vault, SECRET_B);

    moveCiphertext(a, b);
    ApiResponse response = alice.postJson(ApiClient.codePath(vault, b), "{}");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text("type")).endsWith("/entry-unreadable");
    assertThat(response.body()).doesNotContain(SECRET_A).doesNotContain(SECRET_B);
    assertThat(jdbc().sql("SELECT decision FROM audit_event WHERE entry_id = :entry AND action = 'code.release'")
        .param("entry", b).query(String.class).list()).containsExactly("deny");
    assertThat(alice.postJson(ApiClient.codePath(vault, a), "{}").status()).isEqualTo(200);
  }

  @Test
  default void decryptWhenCiphertextMovedToAnotherVaultThenFails() {
    ApiClient alice = newMember("alice");
    String vaultA = alice.newVault();
    String vaultB = alice.newVault();
    String a = alice.newTotpEntry(vaultA, SECRET_A);
    String b = alice.newTotpEntry(vaultB, SECRET_B);

    moveCiphertext(a, b);

    assertThat(alice.postJson(ApiClient.codePath(vaultB, b), "{}").status()).isEqualTo(500);
  }

  @Test
  default void codeWhenAuditWriteFailsThenNoCodeIsReleased() {
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();
    String entry = alice.newTotpEntry(vault, SECRET_A);
    jdbc().sql("ALTER TABLE audit_event RENAME TO audit_event_away").update();
    ApiResponse response;
    try {
      response = alice.postJson(ApiClient.codePath(vault, entry), "{}");
    } finally {
      jdbc().sql("ALTER TABLE audit_event_away RENAME TO audit_event").update();
    }

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(response.json().has("code")).isFalse();
    assertThat(alice.postJson(ApiClient.codePath(vault, entry), "{}").status()).isEqualTo(200);
    assertThat(newAuditor("auditor").get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
  }

  @Test
  default void storedEntryWhenReadFromTheDatabaseThenHoldsNoPlaintextSeed() {
    ApiClient alice = newMember("alice");
    String vault = alice.newVault();
    String id = alice.newTotpEntry(vault, SECRET_A);

    byte[] stored = jdbc().sql("SELECT secret_ciphertext FROM entry WHERE id = :id").param("id", id)
        .query(byte[].class).single();

    byte[] seed = dev.watchword.otp.Secret.fromBase32(SECRET_A).bytes();
    assertThat(indexOf(stored, seed)).isNegative();
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(SECRET_A);
  }

  private void moveCiphertext(String from, String to) {
    jdbc().sql("UPDATE entry SET secret_ciphertext = (SELECT secret_ciphertext FROM entry WHERE id = :from)"
            + " WHERE id = :to")
        .param("from", from).param("to", to).update();
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
