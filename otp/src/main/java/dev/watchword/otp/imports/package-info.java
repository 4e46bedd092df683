/**
 * Reads the export files of other authenticator apps into credentials: {@link dev.watchword.otp.imports.ImportFile}
 * detects the format from the content and returns every entry with its position, or a precise error that
 * never carries a seed or a password.
 *
 * <p>Supported formats ({@link dev.watchword.otp.imports.ImportFormat}): QR code images (PNG, JPEG, GIF; several
 * codes per image) holding otpauth or otpauth-migration URIs; otpauth URIs one a line (Ente Auth's plain export
 * and others); Google Authenticator's otpauth-migration export; Aegis vaults, plain and password-encrypted;
 * 2FAS backups, plain and password-encrypted; Bitwarden's unencrypted JSON export; andOTP's plain JSON backup;
 * FreeOTP+'s JSON backup; RFC 6030 PSKC key containers, plain and PBKDF2 password-encrypted; and Watchword's
 * CSV ({@link dev.watchword.otp.imports.ImportFormat#CSV}). A gzip-compressed file of any of these is read as well.
 */
package dev.watchword.otp.imports;
