package dev.watchword.server.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private static final PasswordPolicy policy = new PasswordPolicy(new PasswordBlocklist());

  @Test
  void refusalWhenSevenCharactersThenTooShortInPlainWords() {
    assertThat(policy.refusal("alice", "vq7#Lm2"))
        .contains("Use at least 8 characters; 15 or more is recommended.");
  }

  @Test
  void refusalWhenExactlyEightCharactersThenAccepted() {
    assertThat(policy.refusal("alice", "vq7#Lm2p")).isEmpty();
  }

  @Test
  void refusalWhen64CharactersThenAccepted() {
    assertThat(policy.refusal("alice", passphrase(64))).isEmpty();
  }

  @Test
  void refusalWhen256CharactersThenAccepted() {
    assertThat(policy.refusal("alice", passphrase(256))).isEmpty();
  }

  @Test
  void refusalWhen257CharactersThenTooLong() {
    assertThat(policy.check("alice", passphrase(257))).contains(Refusal.TOO_LONG);
    assertThat(policy.refusal("alice", passphrase(257))).contains("Use at most 256 characters.");
  }

  @Test
  void refusalWhenMegabyteOfInputThenTooLong() {
    assertThat(policy.check("alice", "x".repeat(1 << 20))).contains(Refusal.TOO_LONG);
  }

  @Test
  void refusalWhenCommonPasswordThenBlocklisted() {
    assertThat(policy.check("alice", "password1")).contains(Refusal.BLOCKLISTED);
    assertThat(policy.check("alice", "123456789")).contains(Refusal.BLOCKLISTED);
    assertThat(policy.refusal("alice", "123456789")).contains(
        "This password is on a list of common or breached passwords that attackers try first;"
            + " choose another.");
  }

  @Test
  void refusalWhenCommonPasswordInOtherCaseThenBlocklisted() {
    assertThat(policy.check("alice", "PassWord1")).contains(Refusal.BLOCKLISTED);
  }

  @Test
  void refusalWhenFullWidthFormOfCommonPasswordThenBlocklistedAfterNfkc() {
    // "ｐａｓｓｗｏｒｄ１": full-width letters and digit, which NFKC turns into "password1".
    String fullWidth = "\uFF50\uFF41\uFF53\uFF53\uFF57\uFF4F\uFF52\uFF44\uFF11";

    assertThat(policy.check("alice", fullWidth)).contains(Refusal.BLOCKLISTED);
  }

  @Test
  void refusalWhenLigaturesBringLengthToEightAfterNfkcThenAccepted() {
    // The ligatures "ﬁ" (U+FB01) and "ﬂ" (U+FB02): four code points as typed, and eight
    // ("fiflfifl") after NFKC. Seven as typed would be too short; the policy counts after.
    assertThat(policy.check("alice", "\uFB01\uFB02\uFB01\uFB02")).isEmpty();
  }

  @Test
  void refusalWhenContainsUsernameInOtherCaseThenRefused() {
    assertThat(policy.check("Alice", "xxALICExx-2024")).contains(Refusal.CONTAINS_USERNAME);
    assertThat(policy.refusal("Alice", "xxALICExx-2024"))
        .contains("Don't include your username in your password.");
  }

  @Test
  void refusalWhenEqualsUsernameThenRefused() {
    assertThat(policy.check("quartermaster7", "Quartermaster7"))
        .contains(Refusal.CONTAINS_USERNAME);
  }

  @Test
  void refusalWhenContainsLocalPartOfEmailUsernameThenRefused() {
    assertThat(policy.check("alice@example.com", "my alice forever"))
        .contains(Refusal.CONTAINS_USERNAME);
  }

  @Test
  void refusalWhenUsernameShorterThanThreeThenNotSearched() {
    assertThat(policy.check("al", "valiant heron at dusk")).isEmpty();
  }

  @Test
  void refusalWhenNoUsernameYetThenOtherRulesStillApply() {
    assertThat(policy.check(null, "valiant heron at dusk")).isEmpty();
    assertThat(policy.check(null, "password1")).contains(Refusal.BLOCKLISTED);
  }

  @Test
  void refusalWhenContainsServiceNameThenRefused() {
    assertThat(policy.check("alice", "my-WatchWord-2026")).contains(Refusal.CONTAINS_SERVICE_NAME);
  }

  @Test
  void refusalWhenSpacesAndEmojiThenAccepted() {
    assertThat(policy.refusal("alice", "🐢 slow and steady 🐢")).isEmpty();
  }

  @Test
  void refusalWhenEmojiThenEachCountsAsOneCharacter() {
    // Each emoji is one code point but two UTF-16 units.
    assertThat(policy.check("alice", "🐢🦊🐙🦉🐝🦀🐬")).contains(Refusal.TOO_SHORT);
    assertThat(policy.check("alice", "🐢🦊🐙🦉🐝🦀🐬🦔")).isEmpty();
  }

  @Test
  void refusalWhenOnlyPrintingAsciiSymbolsThenAccepted() {
    assertThat(policy.check("alice", " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")).isEmpty();
  }

  @Test
  void refusalWhenControlCharacterThenUnsupported() {
    assertThat(policy.check("alice", "tangerine\totter")).contains(Refusal.UNSUPPORTED_CHARACTER);
    assertThat(policy.check("alice", "tangerine\notter")).contains(Refusal.UNSUPPORTED_CHARACTER);
  }

  @Test
  void refusalWhenUnpairedSurrogateThenUnsupported() {
    assertThat(policy.check("alice", "tangerine\uD83Dotter"))
        .contains(Refusal.UNSUPPORTED_CHARACTER);
  }

  @Test
  void refusalWhenRefusedThenReasonNeverContainsThePassword() {
    for (String password : new String[] {"short", "password1", "alice-in-chains", "watchword!"}) {
      Optional<String> reason = policy.refusal("alice", password);

      assertThat(reason).isPresent();
      assertThat(reason.get()).doesNotContain(password);
    }
  }

  @Test
  void isBelowRecommendedWhenFourteenCharactersThenTrue() {
    assertThat(policy.isBelowRecommended(passphrase(14))).isTrue();
  }

  @Test
  void isBelowRecommendedWhenFifteenCharactersThenFalse() {
    assertThat(policy.isBelowRecommended(passphrase(15))).isFalse();
  }

  @Test
  void normaliseWhenCompatibilityFormsThenNfkc() {
    assertThat(PasswordPolicy.normalise("\uFB01")).isEqualTo("fi");
    assertThat(PasswordPolicy.normalise("\uFF21\uFF11")).isEqualTo("A1");
    assertThat(PasswordPolicy.normalise("e\u0301")).isEqualTo("\u00E9");
  }

  @Test
  void normaliseWhenAppliedTwiceThenUnchanged() {
    String once = PasswordPolicy.normalise("\uFB01ne \uFF21 e\u0301");

    assertThat(PasswordPolicy.normalise(once)).isEqualTo(once);
  }

  /** A passphrase of exactly {@code length} characters that no rule refuses. */
  private static String passphrase(int length) {
    StringBuilder phrase = new StringBuilder();
    while (phrase.length() < length) {
      phrase.append("tangerine otter sings; ");
    }
    return phrase.substring(0, length);
  }
}
