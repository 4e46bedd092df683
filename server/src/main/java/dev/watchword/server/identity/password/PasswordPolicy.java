package dev.watchword.server.identity.password;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rules for a new password, per NIST SP 800-63B Rev. 4 §3.1.1.2: at least 8 characters
 * (15 recommended, and the API says so), at most 256, every printing character and space
 * allowed (emoji too), no composition rules, and refused when it is common, breached or
 * derived from the account. Characters are Unicode code points after NFKC normalisation.
 *
 * <p>Guarantees: a refusal is returned as words for the user and never contains the password;
 * the password is not logged or stored. Comparisons with the username, the service name and the
 * blocklist ignore case (in the root locale): attackers try case variants of a common password
 * first, so "Password1" is as weak as "password1".
 */
@Component
public class PasswordPolicy {

  /** The fewest characters a password may have (§3.1.1.2: SHALL be at least 8). */
  public static final int MIN_LENGTH = 8;
  /** The length below which {@link #isBelowRecommended} says so (§3.1.1.2: SHOULD be 15). */
  public static final int RECOMMENDED_LENGTH = 15;
  /** The most characters a password may have (§3.1.1.2: SHOULD permit at least 64). */
  public static final int MAX_LENGTH = 256;

  /**
   * Input longer than this many UTF-16 units is refused before it is normalised: it cannot
   * come back to 256 code points (NFKC composes at most a few code points into one, and a code
   * point takes at most two units), and normalising megabytes would be an easy way to burn CPU.
   */
  static final int MAX_INPUT_CHARS = 4096;

  /** A shorter username is not searched for in the password: "al" is in too many words. */
  static final int MIN_USERNAME_FRAGMENT = 3;

  /** §3.1.1.2 lists the name of the service among the context-specific words to refuse. */
  private static final String SERVICE_NAME = "watchword";

  private final PasswordBlocklist blocklist;

  PasswordPolicy(PasswordBlocklist blocklist) {
    this.blocklist = blocklist;
  }

  /**
   * Unicode NFKC normalisation (§3.1.1.2: verifiers SHOULD apply it), so that the same
   * password typed on different keyboards or input methods is the same password: "ﬁ" becomes
   * "fi", a full-width "Ａ" becomes "A", "e" + combining acute becomes "é".
   *
   * <p>{@link PasswordHasher} applies it itself before hashing and before verifying; calling
   * it first is harmless, since normalising twice gives the same string. Anyone else comparing
   * or measuring passwords must use it the same way on both sides.
   */
  public static String normalise(CharSequence password) {
    return Normalizer.normalize(password, Normalizer.Form.NFKC);
  }

  /**
   * Why a new password is refused, in plain words for the user, or empty when it is accepted.
   * The reason never contains the password.
   *
   * @param username the account's username, or {@code null} when there is none yet
   */
  public Optional<String> refusal(String username, CharSequence password) {
    return check(username, password).map(Refusal::message);
  }

  /**
   * Whether an accepted password is shorter than the 15 characters NIST recommends, so the
   * API can suggest a longer one without refusing this one.
   */
  public boolean isBelowRecommended(CharSequence password) {
    String normalised = normalise(Objects.requireNonNull(password, "password"));
    return codePoints(normalised) < RECOMMENDED_LENGTH;
  }

  Optional<Refusal> check(String username, CharSequence password) {
    Objects.requireNonNull(password, "password");
    if (password.length() > MAX_INPUT_CHARS) {
      return Optional.of(Refusal.TOO_LONG);
    }
    if (hasUnpairedSurrogate(password)) {
      return Optional.of(Refusal.UNSUPPORTED_CHARACTER);
    }
    String normalised = normalise(password);
    int length = codePoints(normalised);
    if (length < MIN_LENGTH) {
      return Optional.of(Refusal.TOO_SHORT);
    }
    if (length > MAX_LENGTH) {
      return Optional.of(Refusal.TOO_LONG);
    }
    // Printing characters and spaces are all allowed; control characters (tab, line feed,
    // NUL...) cannot be typed reliably into every sign-in form.
    if (normalised.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
      return Optional.of(Refusal.UNSUPPORTED_CHARACTER);
    }
    String folded = normalised.toLowerCase(Locale.ROOT);
    if (username != null && usernameFragments(username).stream().anyMatch(folded::contains)) {
      return Optional.of(Refusal.CONTAINS_USERNAME);
    }
    if (folded.contains(SERVICE_NAME)) {
      return Optional.of(Refusal.CONTAINS_SERVICE_NAME);
    }
    if (blocklist.contains(normalised)) {
      return Optional.of(Refusal.BLOCKLISTED);
    }
    return Optional.empty();
  }

  /**
   * Whether {@link PasswordHasher} can ever match this input: non-empty, at most
   * {@link #MAX_INPUT_CHARS} units, and well-formed UTF-16 (Argon2 hashes UTF-8 bytes, and an
   * unpaired surrogate has none).
   */
  static boolean isVerifiable(CharSequence password) {
    return password.length() > 0
        && password.length() <= MAX_INPUT_CHARS
        && !hasUnpairedSurrogate(password);
  }

  /** The username, and for an e-mail address its local part, when long enough to search for. */
  private static List<String> usernameFragments(String username) {
    String folded = normalise(username).toLowerCase(Locale.ROOT);
    List<String> fragments = new ArrayList<>(2);
    if (codePoints(folded) >= MIN_USERNAME_FRAGMENT) {
      fragments.add(folded);
    }
    int at = folded.lastIndexOf('@');
    if (at > 0 && codePoints(folded.substring(0, at)) >= MIN_USERNAME_FRAGMENT) {
      fragments.add(folded.substring(0, at));
    }
    return fragments;
  }

  private static int codePoints(String s) {
    return s.codePointCount(0, s.length());
  }

  private static boolean hasUnpairedSurrogate(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
