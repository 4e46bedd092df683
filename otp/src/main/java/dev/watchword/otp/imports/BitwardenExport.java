package dev.watchword.otp.imports;

import dev.watchword.otp.OtpType;
import dev.watchword.otp.OtpauthUri;
import dev.watchword.otp.Secret;
import tools.jackson.databind.JsonNode;

/**
 * Bitwarden (and Vaultwarden) unencrypted JSON exports: {@code {"encrypted": false, "folders", "items": [...]}}.
 * Items whose {@code login.totp} is set become entries; others are skipped without a problem. The TOTP field
 * holds an otpauth URI, {@code steam://BASE32} for Steam Guard, or a bare Base32 seed (TOTP, SHA1, 6 digits,
 * 30 s). Where the field names no issuer or account, the item's {@code name} is the issuer and
 * {@code login.username} the account. Encrypted exports ({@code "encrypted": true}) are refused as unsupported.
 */
final class BitwardenExport {

  private static final String STEAM_PREFIX = "steam://";
  private static final String OTPAUTH_PREFIX = "otpauth://";

  private BitwardenExport() {
  }

  static boolean matches(JsonNode root) {
    return root.isObject() && root.has("items") && (root.has("encrypted") || root.has("folders"));
  }

  static ImportResult read(JsonNode root, ImportLimits limits) {
    if (root.path("encrypted").asBoolean(false)) {
      throw Refused.unsupported("encrypted", "encrypted Bitwarden exports are not supported; "
          + "export the vault as unencrypted .json and delete the file after importing");
    }
    JsonNode items = root.get("items");
    if (!items.isArray()) {
      throw Refused.malformed("items", "items must be a JSON array");
    }
    EntryCollector collector = new EntryCollector(limits);
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String totp = item.isObject() && item.path("login").isObject()
          ? item.path("login").path("totp").asString("") : "";
      if (!totp.isBlank()) {
        collector.add("item " + (i + 1), () -> candidate(item, totp.strip()));
      }
    }
    return collector.result(ImportFormat.BITWARDEN);
  }

  private static Candidate candidate(JsonNode item, String totp) {
    Candidate candidate = new Candidate();
    candidate.issuer = JsonFields.text(item, "name");
    candidate.account = JsonFields.text(item.get("login"), "username");
    if (startsWithIgnoreCase(totp, OTPAUTH_PREFIX)) {
      OtpauthUri uri = OtpauthUri.parse(totp);
      Candidate fromUri = Candidate.of(uri);
      if (!uri.hasIssuer()) {
        fromUri.issuer = candidate.issuer;
      }
      return fromUri;
    } else if (startsWithIgnoreCase(totp, STEAM_PREFIX)) {
      candidate.type = OtpType.STEAM;
      candidate.secret = Secret.fromBase32(totp.substring(STEAM_PREFIX.length()));
    } else {
      candidate.secret = Secret.fromBase32(totp);
    }
    return candidate;
  }

  private static boolean startsWithIgnoreCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
