package dev.watchword.otp.imports;

/** The file formats {@link ImportFile} recognises, each detected from the content rather than the file name. */
public enum ImportFormat {
  /** A PNG, JPEG or GIF image with one or more QR codes, each an otpauth or otpauth-migration URI. */
  QR_IMAGE,
  /** Watchword's own password-encrypted vault export ({@link WatchwordExport}). */
  WATCHWORD,
  /** Text with otpauth:// URIs one a line, as Ente Auth's plain export; blank and '#' lines are ignored. */
  OTPAUTH_URIS,
  /** Text with Google Authenticator's otpauth-migration://offline?data=... URIs only. */
  GOOGLE_AUTHENTICATOR_MIGRATION,
  /** An Aegis vault (aegis-export-*.json), plain or password-encrypted. */
  AEGIS,
  /** A 2FAS backup (*.2fas), plain or password-encrypted. */
  TWO_FAS,
  /** A Bitwarden or Vaultwarden unencrypted JSON export; items whose login has a TOTP. */
  BITWARDEN,
  /** An andOTP plain JSON backup. */
  AND_OTP,
  /** A FreeOTP+ JSON backup (tokens and tokenOrder). */
  FREE_OTP_PLUS,
  /** An RFC 6030 PSKC key container, as hardware token vendors ship seeds. */
  PSKC,
  /** Comma-separated values with the header {@code issuer,account,secret,type,algorithm,digits,period,counter}. */
  CSV
}
