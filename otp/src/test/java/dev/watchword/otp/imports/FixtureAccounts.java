package dev.watchword.otp.imports;

import dev.watchword.otp.HmacAlgorithm;
import dev.watchword.otp.OtpParameters;
import dev.watchword.otp.OtpType;

/**
 * The accounts that {@code imports/tools/make-fixtures.py} wrote into the fixtures, each with its seed as the
 * generator knew it, independently of any reader. Steam's expected code came from node-steam-totp.
 */
final class FixtureAccounts {

  /** 2023-11-14T22:13:20Z, the time at which codes are compared. */
  static final long AT = 1_700_000_000L;

  record Account(String issuer, String account, OtpParameters parameters, String base32) {
  }

  static final Account DENO = new Account("Deno", "mason@example.com",
      OtpParameters.totp(HmacAlgorithm.SHA1, 6, 30), "QKJ2CSHKIEUNLV2YM7SG2UTQKEWPUFBO");
  static final Account SPDX = new Account("SPDX", "james",
      OtpParameters.totp(HmacAlgorithm.SHA256, 8, 60), "NE3SBAI62IVQAVPHBB2QXAA5B57IXXLD");
  /** SPDX as Google Authenticator carries it: no period field, so 30 s. */
  static final Account SPDX_30 = new Account("SPDX", "james",
      OtpParameters.totp(HmacAlgorithm.SHA256, 8, 30), "NE3SBAI62IVQAVPHBB2QXAA5B57IXXLD");
  static final Account EXAMPLE_INC = new Account("Example, Inc.", "elijah",
      OtpParameters.totp(HmacAlgorithm.SHA512, 7, 30), "OJT3CK7KT5ASRXNERGKQNOWGTZMRFPDV");
  static final Account AIR_CANADA = new Account("Air Canada", "benjamin",
      OtpParameters.hotp(HmacAlgorithm.SHA1, 6, 10), "YG2CH27U5OBIO2WVYNE35XJHSHAHVDJE");
  static final Account STEAM = new Account("Steam", "sophia",
      OtpParameters.steam(30), "O3W6OGR35GBNMU7ZSXJ46UHONMIVQB2D");
  /** node-steam-totp 2.x: generateAuthCode(base64 of STEAM's seed) at {@link #AT}. */
  static final String STEAM_CODE_AT = "HNGNP";

  /** RFC 6030 Figure 2's HOTP key: seed "12345678901234567890" (Base32 below), 8 digits, counter 0. */
  static final Account RFC6030_FIGURE2 = new Account("Issuer-A", "987654321",
      OtpParameters.hotp(HmacAlgorithm.SHA1, 8, 0), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  /** RFC 6030 Figure 5's key, the same seed, decrypted with the password "qwerty". */
  static final Account RFC6030_FIGURE5 = new Account("Example-Issuer", "987654321",
      OtpParameters.hotp(HmacAlgorithm.SHA1, 8, 0), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

  private FixtureAccounts() {
  }

  static boolean isSteam(Account account) {
    return account.parameters().type() == OtpType.STEAM;
  }
}
