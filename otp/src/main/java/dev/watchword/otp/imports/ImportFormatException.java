package dev.watchword.otp.imports;

import java.io.Serial;

/**
 * A whole import file was refused: its format is unknown or unsupported, it needs a password or was given the
 * wrong one, it is truncated or corrupt, or it exceeds an {@link ImportLimits} bound.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #reason()} and {@link #where()} MUST NOT return null;</li>
 *   <li>the message starts with {@link #where()} and says what is wrong there;</li>
 *   <li>the message never contains a seed, a password, decrypted bytes or any other content of the file beyond
 *       numbers this library counted (positions, sizes). That is why the constructor is package-private: only
 *       this package, whose messages are constants and counts, creates these exceptions.</li>
 * </ul>
 */
public class ImportFormatException extends IllegalArgumentException {

  @Serial
  private static final long serialVersionUID = 1L;

  /** Why a file was refused; stable, so callers can map each to an error type. */
  public enum Reason {
    /** The content matches no supported format. */
    UNKNOWN_FORMAT,
    /** The format was recognised but this variant is not supported (e.g. an encrypted Bitwarden export). */
    UNSUPPORTED,
    /** The file is encrypted and no password was given. */
    PASSWORD_REQUIRED,
    /** The password does not decrypt the file (or the file was altered). */
    WRONG_PASSWORD,
    /** The file is truncated, corrupt or breaks its format's structure. */
    MALFORMED,
    /** The file exceeds a bound of {@link ImportLimits}. */
    LIMIT_EXCEEDED,
    /** An image was readable but no QR code was found in it. */
    NO_CODE_FOUND
  }

  private final Reason reason;
  private final String where;

  ImportFormatException(Reason reason, String where, String message) {
    super(where + ": " + message);
    this.reason = reason;
    this.where = where;
  }

  ImportFormatException(Reason reason, String where, String message, Throwable cause) {
    this(reason, where, message);
    // Only the type is kept: JDK and library messages may quote input.
    if (cause != null) {
      initCause(new DetailFreeCause(cause.getClass().getName()));
    }
  }

  /** The kind of refusal; MUST NOT return null. */
  public Reason reason() {
    return reason;
  }

  /** Where in the file the problem is, e.g. "file", "header.slots", "line 3", "key package 2"; never null. */
  public String where() {
    return where;
  }

  /** Stands in for a library exception whose message might quote file content; it keeps only the type name. */
  static final class DetailFreeCause extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    DetailFreeCause(String type) {
      super(type, null, false, false);
    }
  }
}
