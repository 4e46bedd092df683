package dev.watchword.otp.imports;

import tools.jackson.databind.JsonNode;

/**
 * andOTP plain JSON backups ({@code otp_accounts.json}): a JSON array of objects with {@code secret} (Base32),
 * {@code issuer}, {@code label} (the account; older versions wrote "Issuer:account" there), {@code digits},
 * {@code type} (TOTP, HOTP, STEAM; MOTP is not supported), {@code algorithm}, {@code period} and
 * {@code counter}, besides display fields ({@code thumbnail}, {@code tags}, {@code last_used}) that are ignored.
 * andOTP's encrypted backups ({@code .json.aes}) are binary and not read.
 */
final class AndOtpBackup {

  private AndOtpBackup() {
  }

  static boolean matches(JsonNode root) {
    if (!root.isArray()) {
      return false;
    }
    for (JsonNode element : root) {
      if (!element.isObject() || !element.has("secret")) {
        return false;
      }
    }
    return true;
  }

  static ImportResult read(JsonNode root, ImportLimits limits) {
    EntryCollector collector = new EntryCollector(limits);
    collector.expect(root.size(), "file");
    for (int i = 0; i < root.size(); i++) {
      JsonNode account = root.get(i);
      collector.add("entry " + (i + 1), () -> candidate(account));
    }
    return collector.result(ImportFormat.AND_OTP);
  }

  private static Candidate candidate(JsonNode account) {
    Candidate candidate = new Candidate();
    if ("MOTP".equalsIgnoreCase(JsonFields.text(account, "type"))) {
      throw new EntryProblem("type MOTP is not supported; only TOTP, HOTP and STEAM are");
    }
    candidate.type = JsonFields.type(account, "type", true);
    candidate.issuer = JsonFields.text(account, "issuer");
    candidate.account = JsonFields.text(account, "label");
    candidate.algorithm = JsonFields.algorithm(account, "algorithm");
    candidate.digits = JsonFields.integer(account, "digits", candidate.digits);
    candidate.period = JsonFields.integer(account, "period", candidate.period);
    candidate.counter = JsonFields.longInteger(account, "counter", 0);
    candidate.secret = JsonFields.base32(account, "secret");
    return candidate;
  }
}
