package dev.watchword.otp.imports;

/**
 * Bounds that keep a hostile file from costing unbounded memory or time. Every bound is checked before the work
 * it bounds: the file size before parsing, image dimensions from the header before decoding pixels, key
 * derivation costs before deriving.
 *
 * @param maxFileBytes         largest accepted upload, and largest content after gzip decompression
 * @param maxEntries           most entries (good and bad together) in one file
 * @param maxImagePixels       most pixels (width times height) of a QR image, read from its header
 * @param maxDecodedBytes      largest Base64-decoded, decrypted or decompressed payload inside a file
 * @param maxScryptN           largest scrypt cost N (Aegis uses 2^15)
 * @param maxScryptRTimesP     largest product of scrypt's block size r and parallelism p (Aegis uses 8)
 * @param maxScryptMemoryBytes largest scrypt working memory, 128 * N * r bytes (Aegis needs 32 MiB)
 * @param maxPbkdf2Iterations  most PBKDF2 iterations (2FAS uses 10,000; PSKC files name their own)
 */
public record ImportLimits(
    int maxFileBytes,
    int maxEntries,
    long maxImagePixels,
    int maxDecodedBytes,
    int maxScryptN,
    int maxScryptRTimesP,
    long maxScryptMemoryBytes,
    int maxPbkdf2Iterations) {

  private static final int MIB = 1024 * 1024;

  /** @throws IllegalArgumentException if a bound is not positive */
  public ImportLimits {
    if (maxFileBytes <= 0 || maxEntries <= 0 || maxImagePixels <= 0 || maxDecodedBytes <= 0 || maxScryptN <= 0
        || maxScryptRTimesP <= 0 || maxScryptMemoryBytes <= 0 || maxPbkdf2Iterations <= 0) {
      throw new IllegalArgumentException("every import limit must be positive");
    }
  }

  /**
   * 5 MiB files, 20,000 entries, 40 megapixels, 16 MiB payloads, scrypt N up to 2^20 with r*p up to 32 and at
   * most 256 MiB of memory, PBKDF2 up to 10 million iterations. MUST NOT return null.
   */
  public static ImportLimits defaults() {
    return new ImportLimits(5 * MIB, 20_000, 40_000_000L, 16 * MIB, 1 << 20, 32, 256L * MIB, 10_000_000);
  }

  /** The same limits with another file size bound. */
  public ImportLimits withMaxFileBytes(int bytes) {
    return new ImportLimits(bytes, maxEntries, maxImagePixels, maxDecodedBytes, maxScryptN, maxScryptRTimesP,
        maxScryptMemoryBytes, maxPbkdf2Iterations);
  }

  /** The same limits with another entry count bound. */
  public ImportLimits withMaxEntries(int entries) {
    return new ImportLimits(maxFileBytes, entries, maxImagePixels, maxDecodedBytes, maxScryptN, maxScryptRTimesP,
        maxScryptMemoryBytes, maxPbkdf2Iterations);
  }

  /** The same limits with another image size bound. */
  public ImportLimits withMaxImagePixels(long pixels) {
    return new ImportLimits(maxFileBytes, maxEntries, pixels, maxDecodedBytes, maxScryptN, maxScryptRTimesP,
        maxScryptMemoryBytes, maxPbkdf2Iterations);
  }

  /** The same limits with another payload size bound. */
  public ImportLimits withMaxDecodedBytes(int bytes) {
    return new ImportLimits(maxFileBytes, maxEntries, maxImagePixels, bytes, maxScryptN, maxScryptRTimesP,
        maxScryptMemoryBytes, maxPbkdf2Iterations);
  }
}
