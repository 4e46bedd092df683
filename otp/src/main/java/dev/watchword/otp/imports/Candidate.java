package dev.watchword.otp.imports;

import dev.watchword.otp.HmacAlgorithm;
import dev.watchword.otp.OtpParameters;
import dev.watchword.otp.OtpType;
import dev.watchword.otp.OtpauthUri;
import dev.watchword.otp.Secret;

/**
 * The fields of one entry as a format states them, before validation. Missing values take the Key URI format's
 * defaults (SHA1, 6 digits, 30 seconds). {@link #build()} applies the rules every format shares: Steam Guard
 * ignores stated digits and algorithm, an "Issuer:account" name is split when no issuer is given, and an entry
 * without account is named after its issuer.
 */
final class Candidate {

  OtpType type = OtpType.TOTP;
  HmacAlgorithm algorithm = HmacAlgorithm.SHA1;
  int digits = OtpParameters.DEFAULT_DIGITS;
  int period = OtpParameters.DEFAULT_PERIOD;
  long counter;
  String issuer = "";
  String account = "";
  Secret secret;

  /** The fields of a parsed Key URI. */
  static Candidate of(OtpauthUri uri) {
    Candidate candidate = new Candidate();
    candidate.type = uri.type();
    candidate.algorithm = uri.parameters().algorithm();
    candidate.digits = uri.parameters().digits();
    candidate.period = uri.parameters().period();
    candidate.counter = uri.parameters().counter();
    candidate.issuer = uri.issuer();
    candidate.account = uri.account();
    candidate.secret = uri.secret();
    return candidate;
  }

  /** @throws dev.watchword.otp.OtpFormatException or {@link EntryProblem} when the entry is invalid */
  OtpauthUri build() {
    if (secret == null) {
      throw new EntryProblem("secret is missing");
    }
    try {
      String service = clean(issuer);
      String name = clean(account);
      int colon = name.indexOf(':');
      // Google Authenticator and andOTP write the label "Issuer:account" into one name field.
      if (colon > 0 && (service.isEmpty() || name.substring(0, colon).strip().equals(service))) {
        service = name.substring(0, colon).strip();
        name = name.substring(colon + 1).strip();
      }
      if (name.isEmpty()) {
        name = service;
      }
      if (name.isEmpty()) {
        throw new EntryProblem("entry names neither an issuer nor an account");
      }
      return new OtpauthUri(type, service, name, secret, parameters());
    } catch (RuntimeException refused) {
      secret.destroy();
      throw refused;
    }
  }

  private OtpParameters parameters() {
    return switch (type) {
      case TOTP -> OtpParameters.totp(algorithm, digits, period);
      case HOTP -> OtpParameters.hotp(algorithm, digits, counter);
      // Steam Guard is SHA1 with five characters whatever an exporter writes beside it.
      case STEAM -> OtpParameters.steam(period);
    };
  }

  private static String clean(String text) {
    return text == null ? "" : text.strip();
  }
}
