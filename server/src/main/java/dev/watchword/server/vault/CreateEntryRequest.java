package dev.watchword.server.vault;

import dev.watchword.otp.HmacAlgorithm;
import dev.watchword.otp.OtpFormatException;
import dev.watchword.otp.OtpParameters;
import dev.watchword.otp.OtpType;
import dev.watchword.otp.OtpauthUri;
import dev.watchword.otp.Secret;
import java.util.List;

/**
 * The body of {@code POST /api/v1/vaults/{vaultId}/entries}: either {@code uri} (an otpauth URI)
 * or the separate fields, and with either, optional {@code tags}. Never printed with its secret.
 */
record CreateEntryRequest(
    String uri,
    String issuer,
    String account,
    String secret,
    String type,
    String algorithm,
    Integer digits,
    Integer period,
    Long counter,
    List<String> tags) {

  /** Parses and validates; every failure names the field and never quotes the secret. */
  EntryDraft toDraft() {
    // Tags first: a refusal then never depends on whether the secret parsed.
    List<String> normalisedTags = EntryTags.of(tags);
    try {
      return uri != null ? fromUri(normalisedTags) : fromFields(normalisedTags);
    } catch (OtpFormatException e) {
      throw new InvalidEntryException(e.getMessage());
    }
  }

  private EntryDraft fromUri(List<String> normalisedTags) {
    if (issuer != null || account != null || secret != null || type != null || algorithm != null
        || digits != null || period != null || counter != null) {
      throw new InvalidEntryException("Give either 'uri' or the separate fields, not both.");
    }
    OtpauthUri parsed = OtpauthUri.parse(uri);
    return new EntryDraft(parsed.hasIssuer() ? parsed.issuer() : null, parsed.account(), parsed.secret(),
        parsed.parameters(), normalisedTags);
  }

  private EntryDraft fromFields(List<String> normalisedTags) {
    if (secret == null || secret.isBlank()) {
      throw new InvalidEntryException("Field 'secret' is required (or give 'uri').");
    }
    if (account == null || account.isBlank()) {
      throw new InvalidEntryException("Field 'account' is required.");
    }
    OtpType otpType = type == null ? OtpType.TOTP : OtpType.parseIncludingSteam(type);
    HmacAlgorithm hmac = algorithm == null ? HmacAlgorithm.SHA1 : HmacAlgorithm.parse(algorithm);
    int codePeriod = period == null ? OtpParameters.DEFAULT_PERIOD : period;
    OtpParameters parameters = switch (otpType) {
      case HOTP -> OtpParameters.hotp(hmac, digits == null ? OtpParameters.DEFAULT_DIGITS : digits,
          counter == null ? 0 : counter);
      case TOTP -> OtpParameters.totp(hmac, digits == null ? OtpParameters.DEFAULT_DIGITS : digits, codePeriod);
      case STEAM -> steam(hmac, codePeriod);
    };
    return new EntryDraft(EntryLabels.checked("issuer", issuer), EntryLabels.checked("account", account),
        Secret.fromBase32(secret), parameters, normalisedTags);
  }

  /** Steam Guard fixes the algorithm and the length; saying otherwise is a mistake worth telling. */
  private OtpParameters steam(HmacAlgorithm hmac, int codePeriod) {
    if (hmac != HmacAlgorithm.SHA1 || (digits != null && digits != OtpParameters.STEAM_DIGITS) || counter != null) {
      throw new InvalidEntryException("A Steam Guard entry is always SHA1 with 5 characters and has no counter.");
    }
    return OtpParameters.steam(codePeriod);
  }

  @Override
  public String toString() {
    return "CreateEntryRequest[issuer=" + issuer + ", account=" + account + ", type=" + type + ", tags=" + tags
        + ", secret=<redacted>"
        + (uri == null ? "" : ", uri=<redacted>") + "]";
  }
}
