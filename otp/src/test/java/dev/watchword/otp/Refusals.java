package dev.watchword.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions shared by tests of refused input: the right parameter is named and no secret leaks. */
final class Refusals {

  /** Shortest run of secret characters that counts as a leak; shorter runs occur in ordinary words. */
  private static final int LEAK_WINDOW = 4;

  private Refusals() {
  }

  /** Asserts {@code call} throws an {@link OtpFormatException} naming {@code parameter}, and returns it. */
  static OtpFormatException assertRefused(ThrowingCallable call, String parameter) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(OtpFormatException.class);
    OtpFormatException refusal = (OtpFormatException) thrown;
    assertThat(refusal.parameter()).isEqualTo(parameter);
    assertThat(refusal.getMessage()).contains(parameter);
    return refusal;
  }

  /** Asserts that no {@value #LEAK_WINDOW}-character run of {@code secret} appears in {@code text}, ignoring case. */
  static void assertNoFragmentOf(String secret, String text) {
    String haystack = text.toUpperCase(Locale.ROOT);
    String needle = secret.toUpperCase(Locale.ROOT);
    for (int i = 0; i + LEAK_WINDOW <= needle.length(); i++) {
      assertThat(haystack).doesNotContain(needle.substring(i, i + LEAK_WINDOW));
    }
  }
}
