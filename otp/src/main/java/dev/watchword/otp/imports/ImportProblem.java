package dev.watchword.otp.imports;

/**
 * One entry of an otherwise readable file that could not be turned into a credential.
 *
 * <p>Guarantees: neither field is null; the message says what is wrong in words a user can act on and never
 * contains a seed, any part of one, a password or a decrypted byte.
 *
 * @param position where the entry is, e.g. "entry 3", "line 7", "QR code 2, entry 1"
 * @param message  what is wrong, e.g. "digits must be an integer from 6 to 10"
 */
public record ImportProblem(String position, String message) {

  @Override
  public String toString() {
    return position + ": " + message;
  }
}
