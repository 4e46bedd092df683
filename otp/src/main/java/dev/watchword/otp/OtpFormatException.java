package dev.watchword.otp;

import java.io.Serial;

/**
 * A secret, an OTP parameter or an otpauth URI was refused.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #parameter()} names the offending field ("secret", "digits", "period", "counter",
 *       "algorithm", "type", "label", "issuer", "account", "time", "uri") and MUST NOT return null;</li>
 *   <li>the message names that field and says what is allowed;</li>
 *   <li>the message never contains the secret, any part of it, or any character of the refused input.
 *       That is why the constructor is package-private: only this package, whose messages are constants,
 *       creates these exceptions.</li>
 * </ul>
 */
public class OtpFormatException extends IllegalArgumentException {

  @Serial
  private static final long serialVersionUID = 1L;

  private final String parameter;

  OtpFormatException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The name of the refused parameter or field; MUST NOT return null. */
  public String parameter() {
    return parameter;
  }
}
