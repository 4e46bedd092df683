/**
 * One-time password engine: HOTP (RFC 4226), TOTP (RFC 6238), Steam Guard and otpauth:// Key URIs; import formats
 * of other apps live in {@code dev.watchword.otp.imports}.
 * Plain Java with no framework; every refusal is an {@link dev.watchword.otp.OtpFormatException} that never carries a seed.
 */
package dev.watchword.otp;
