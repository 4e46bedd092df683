package dev.watchword.otp.imports;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads the export file of another authenticator app, or a QR code image, into credentials.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #read} MUST NOT return null; it either returns every entry of the file (each read, or listed as a
 *       problem with its position) or throws an {@link ImportFormatException} for the whole file;</li>
 *   <li>no other exception escapes for any input bytes (null arguments aside), which the fuzz tests check;</li>
 *   <li>no message, problem or {@code toString()} contains a seed, a password or decrypted data;</li>
 *   <li>the file size, decompressed size, entry count, image dimensions and key derivation costs are checked
 *       against {@link ImportLimits} before the work they bound;</li>
 *   <li>the password array is read, never kept or modified; the caller should zero it afterwards.</li>
 * </ul>
 * Stateless and thread-safe.
 *
 * <p>Detection looks at the content; the file name only improves the message for an unrecognised file:
 * <ol>
 *   <li>gzip magic (1F 8B): decompressed (at most {@link ImportLimits#maxFileBytes()}) and detected again;</li>
 *   <li>PNG, JPEG or GIF magic: {@link ImportFormat#QR_IMAGE}; zip, WebP and PDF are refused as unsupported;</li>
 *   <li>text (UTF-8, BOM skipped) starting with '&lt;': {@link ImportFormat#PSKC};</li>
 *   <li>starting with '{' or '[': JSON, told apart by shape: an object with {@code header} and {@code db} is
 *       {@link ImportFormat#AEGIS}; with {@code servicesEncrypted}, or {@code services} and
 *       {@code schemaVersion}, {@link ImportFormat#TWO_FAS}; with {@code items} and {@code encrypted} or
 *       {@code folders}, {@link ImportFormat#BITWARDEN}; with a {@code tokens} array,
 *       {@link ImportFormat#FREE_OTP_PLUS}; an array of objects with {@code secret},
 *       {@link ImportFormat#AND_OTP};</li>
 *   <li>a first meaningful line starting with otpauth: {@link ImportFormat#OTPAUTH_URIS} or
 *       {@link ImportFormat#GOOGLE_AUTHENTICATOR_MIGRATION};</li>
 *   <li>a first line naming a {@code secret} column: {@link ImportFormat#CSV}.</li>
 * </ol>
 */
public final class ImportFile {

  private ImportFile() {
  }

  /**
   * Detects the format of {@code content} and reads its entries.
   *
   * @param content  the uploaded bytes; MUST NOT be null
   * @param fileName the uploaded file's name, or null; used only to word the message for unknown content
   * @param password the password of an encrypted export, or null; an empty password counts as none
   * @param limits   the bounds to enforce; MUST NOT be null
   * @throws ImportFormatException when the whole file cannot be read
   */
  public static ImportResult read(byte[] content, String fileName, char[] password, ImportLimits limits) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(limits, "limits");
    if (content.length > limits.maxFileBytes()) {
      throw Refused.limit("file", "the file is " + content.length + " bytes; at most " + limits.maxFileBytes()
          + " are read");
    }
    char[] givenPassword = password == null || password.length == 0 ? null : password;
    return FormatDetection.read(content, fileName, givenPassword, limits, true);
  }

  /**
   * Reads pasted text: otpauth or otpauth-migration URIs one a line, or any text format {@link #read} accepts.
   *
   * @throws ImportFormatException when the text as a whole cannot be read
   */
  public static ImportResult readText(String text, ImportLimits limits) {
    Objects.requireNonNull(text, "text");
    return read(text.getBytes(StandardCharsets.UTF_8), null, null, limits);
  }
}
