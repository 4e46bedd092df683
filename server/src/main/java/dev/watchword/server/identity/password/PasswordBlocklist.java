package dev.watchword.server.identity.password;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Common and breached passwords that a new password must not be (NIST SP 800-63B Rev. 4
 * §3.1.1.2), read once at start-up from the shipped {@value #RESOURCE} (provenance in
 * {@code identity/PASSWORD-BLOCKLIST.md}).
 *
 * <p>Each entry is kept as a 64-bit hash of its NFKC-normalised, lower-cased UTF-8 form, in one
 * sorted {@code long[]}: 8 bytes an entry, 0.8 MB for 100,000 entries, where the strings would
 * take several times that. The hash is FNV-1a with MurmurHash3's final mix, not a cryptographic
 * one: nothing here is secret, and a collision only refuses a password, never accepts one.
 * With 10^5 entries among 2^64 values, an unlisted password is refused by a collision with
 * odds of about 10^-14. Reading takes about 0.2 s on a cold two-core JVM.
 *
 * <p>A missing or unreadable resource stops start-up rather than silently accepting every
 * password.
 */
@Component
final class PasswordBlocklist {

  static final String RESOURCE = "identity/password-blocklist.txt.gz";

  private static final Logger log = LoggerFactory.getLogger(PasswordBlocklist.class);

  private final long[] sortedHashes;

  /** The shipped list. */
  PasswordBlocklist() {
    long started = System.nanoTime();
    InputStream in = PasswordBlocklist.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("The password blocklist " + RESOURCE + " is missing");
    }
    this.sortedHashes = readGzipped(in);
    log.debug("Read {} blocklisted passwords in {} ms", sortedHashes.length,
        (System.nanoTime() - started) / 1_000_000);
  }

  private PasswordBlocklist(long[] sortedHashes) {
    this.sortedHashes = sortedHashes;
  }

  /** A list read from gzip-compressed UTF-8 text, one password a line; for tests. */
  static PasswordBlocklist of(InputStream gzipped) {
    return new PasswordBlocklist(readGzipped(gzipped));
  }

  /** Whether the password, after NFKC normalisation and ignoring case, is on the list. */
  boolean contains(CharSequence password) {
    return Arrays.binarySearch(sortedHashes, hash(password)) >= 0;
  }

  /** The number of distinct entries. */
  int size() {
    return sortedHashes.length;
  }

  private static long[] readGzipped(InputStream gzipped) {
    byte[] text;
    try (InputStream in = new GZIPInputStream(gzipped, 1 << 16)) {
      text = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the password blocklist", e);
    }
    long[] hashes = new long[1 << 17];
    int count = 0;
    int start = 0;
    for (int i = 0; i <= text.length; i++) {
      if (i < text.length && text[i] != '\n') {
        continue;
      }
      int end = i > start && text[i - 1] == '\r' ? i - 1 : i;
      if (end > start) {
        if (count == hashes.length) {
          hashes = Arrays.copyOf(hashes, count * 2);
        }
        hashes[count++] = hashLine(text, start, end);
      }
      start = i + 1;
    }
    long[] sorted = Arrays.copyOf(hashes, count);
    Arrays.sort(sorted);
    return distinct(sorted);
  }

  /**
   * Lower-case ASCII, nearly every line, is hashed straight from the bytes: NFKC and
   * lower-casing leave it as it is, and skipping 100,000 strings keeps start-up short.
   */
  private static long hashLine(byte[] text, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = text[i];
      if (b < 0 || (b >= 'A' && b <= 'Z')) {
        return hash(new String(text, from, to - from, StandardCharsets.UTF_8));
      }
    }
    return hash(text, from, to);
  }

  private static long hash(CharSequence password) {
    String folded = PasswordPolicy.normalise(password).toLowerCase(Locale.ROOT);
    byte[] utf8 = folded.getBytes(StandardCharsets.UTF_8);
    return hash(utf8, 0, utf8.length);
  }

  private static long hash(byte[] bytes, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h = (h ^ (bytes[i] & 0xff)) * 0x100000001b3L;
    }
    // FNV-1a alone mixes its last bytes weakly; the finaliser spreads every bit over all 64.
    h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
    h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  private static long[] distinct(long[] sorted) {
    int kept = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (kept == 0 || sorted[i] != sorted[kept - 1]) {
        sorted[kept++] = sorted[i];
      }
    }
    return kept == sorted.length ? sorted : Arrays.copyOf(sorted, kept);
  }
}
