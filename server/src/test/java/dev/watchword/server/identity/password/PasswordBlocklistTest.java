package dev.watchword.server.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class PasswordBlocklistTest {

  private static final PasswordBlocklist shipped = new PasswordBlocklist();

  @Test
  void sizeWhenShippedListThenOneHundredThousandDistinctEntries() {
    // The shipped lines are distinct after folding, so fewer would mean two hashes collided.
    assertThat(shipped.size()).isEqualTo(100_000);
  }

  @Test
  void containsWhenCommonPasswordsThenListed() {
    assertThat(shipped.contains("password")).isTrue();
    assertThat(shipped.contains("password1")).isTrue();
    assertThat(shipped.contains("123456789")).isTrue();
    assertThat(shipped.contains("iloveyou")).isTrue();
  }

  @Test
  void containsWhenOtherCaseThenListed() {
    assertThat(shipped.contains("IloveYou")).isTrue();
  }

  @Test
  void containsWhenUncommonPasswordThenNotListed() {
    assertThat(shipped.contains("tangerine otter sings")).isFalse();
    assertThat(shipped.contains("vq7#Lm2p")).isFalse();
  }

  @Test
  void ofWhenDuplicatesCaseVariantsAndBlankLinesThenCountsDistinctEntries() throws IOException {
    PasswordBlocklist list =
        PasswordBlocklist.of(gzip("hunter22\n\nHunter22\nhunter22\nletmein!\n"));

    assertThat(list.size()).isEqualTo(2);
    assertThat(list.contains("HUNTER22")).isTrue();
    assertThat(list.contains("letmein!")).isTrue();
    assertThat(list.contains("letmein")).isFalse();
  }

  @Test
  void ofWhenWindowsLineEndingsAndNoFinalNewlineThenEveryEntryMatches() throws IOException {
    PasswordBlocklist list = PasswordBlocklist.of(gzip("hunter22\r\nletmein!\r\nopen sesame"));

    assertThat(list.size()).isEqualTo(3);
    assertThat(list.contains("hunter22")).isTrue();
    assertThat(list.contains("letmein!")).isTrue();
    assertThat(list.contains("Open Sesame")).isTrue();
  }

  @Test
  void ofWhenNonAsciiEntryThenMatchesIgnoringCase() throws IOException {
    PasswordBlocklist list = PasswordBlocklist.of(gzip("Müller-1990\n"));

    assertThat(list.contains("MÜLLER-1990")).isTrue();
    assertThat(list.contains("mu\u0308ller-1990")).isTrue();
  }

  @Test
  void ofWhenCompatibilityFormInListThenMatchesNormalisedPassword() throws IOException {
    PasswordBlocklist list = PasswordBlocklist.of(gzip("\uFB01ve-\uFB01ve\n"));

    assertThat(list.contains("five-five")).isTrue();
  }

  private static ByteArrayInputStream gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return new ByteArrayInputStream(bytes.toByteArray());
  }
}
