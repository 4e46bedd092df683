package dev.watchword.otp.imports;

import dev.watchword.otp.OtpParameters;
import dev.watchword.otp.OtpType;
import dev.watchword.otp.OtpauthUri;
import dev.watchword.otp.Secret;

/**
 * One credential read from an import file.
 *
 * <p>Guarantees: neither field is null; the credential satisfies every guarantee of {@link OtpauthUri} (so
 * {@code credential().toUri()} always works and its issuer and account are clean display text); the account is
 * never empty (an entry that names only a service gets the service as account); {@link #toString()} never
 * reveals the seed.
 *
 * @param position   where the entry is in the file, e.g. "entry 3", "line 7", "QR code 2, entry 1"
 * @param credential issuer, account, seed and code parameters
 */
public record ImportedEntry(String position, OtpauthUri credential) {

  /** TOTP, HOTP or STEAM. */
  public OtpType type() {
    return credential.type();
  }

  /** The service; "" when the file names none. */
  public String issuer() {
    return credential.issuer();
  }

  /** The account name; never empty. */
  public String account() {
    return credential.account();
  }

  /** The seed; the caller may {@link Secret#destroy()} it after storing it. */
  public Secret secret() {
    return credential.secret();
  }

  /** Algorithm, digits and period or counter. */
  public OtpParameters parameters() {
    return credential.parameters();
  }

  /** Names the position and the credential; the seed appears only as {@code Secret[redacted]}. */
  @Override
  public String toString() {
    return "ImportedEntry[position=" + position + ", credential=" + credential + "]";
  }
}
