package dev.watchword.otp;

/**
 * An {@code otpauth://} Key URI as defined by Google Authenticator's Key URI format:
 * {@code otpauth://TYPE/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30}.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #toString()} never includes the secret;</li>
 *   <li>every refusal is an {@link OtpFormatException} whose {@code parameter()} names the offending part
 *       and whose message never contains the secret or echoes refused input;</li>
 *   <li>{@link #issuer()} and {@link #account()} MUST NOT return null; the issuer is "" when absent;</li>
 *   <li>issuer and account are at most {@value #MAX_TEXT_LENGTH} characters ({@value #MAX_ENCODED_TEXT_LENGTH}
 *       once percent-encoded), have no surrounding spaces, and contain no ':', control, invisible formatting
 *       or unpaired surrogate characters;</li>
 *   <li>for every instance, {@code parse(toUri())} succeeds and returns an equal instance.</li>
 * </ul>
 *
 * <p>Steam Guard has no Key URI of its own; {@link #parse} reads the three forms apps write
 * ({@code otpauth://steam/...} as Aegis does, {@code otpauth://totp/...&encoder=steam} as KeePassXC does, and
 * {@code otpauth://totp/Steam:...&digits=5} with issuer Steam), and {@link #toUri()} writes the
 * {@code encoder=steam} form with digits=5, which apps unaware of the encoder at least show as a Steam entry.
 *
 * @param type       TOTP, HOTP or STEAM, equal to {@code parameters.type()}
 * @param issuer     the provider, e.g. "Example"; "" when absent
 * @param account    the account name, e.g. "alice@google.com"; never empty
 * @param secret     the seed
 * @param parameters algorithm, digits and period or counter
 */
public record OtpauthUri(OtpType type, String issuer, String account, Secret secret, OtpParameters parameters) {

  /** Longest URI {@link #parse} reads; {@link #toUri()} output always fits as well. */
  public static final int MAX_URI_LENGTH = 4096;
  public static final int MAX_TEXT_LENGTH = 256;
  /** Keeps {@link #toUri()}, which writes the issuer twice, under {@link #MAX_URI_LENGTH} for any text. */
  public static final int MAX_ENCODED_TEXT_LENGTH = 1024;

  /** @throws OtpFormatException naming the first invalid component */
  public OtpauthUri {
    if (parameters == null) {
      throw new OtpFormatException("type", "parameters are required");
    }
    if (type != parameters.type()) {
      throw new OtpFormatException("type", "type must match the type of the parameters");
    }
    if (secret == null) {
      throw new OtpFormatException("secret", "secret is required");
    }
    issuer = checkText("issuer", issuer == null ? "" : stripSpaces(issuer));
    account = checkText("account", account == null ? "" : stripSpaces(account));
    if (account.isEmpty()) {
      throw new OtpFormatException("account", "account must not be empty");
    }
  }

  /**
   * Parses a Key URI leniently where real QR codes vary (scheme and type case, '%3A' for ':', spaces
   * around the account, unknown parameters) and strictly where a wrong reading would yield wrong codes
   * (duplicate parameters, hotp without counter, non-numeric numbers). MUST NOT return null.
   *
   * @throws OtpFormatException naming "uri", "type", "label", "issuer", "account", "secret",
   *                            "algorithm", "digits", "period" or "counter"
   */
  public static OtpauthUri parse(String uri) {
    return OtpauthUriParser.parse(uri);
  }

  /**
   * Writes this Key URI with the issuer both as label prefix and parameter (as the format recommends),
   * the secret as unpadded Base32, and every parameter explicit. MUST NOT return null.
   */
  public String toUri() {
    String host = type == OtpType.HOTP ? "hotp" : "totp";
    StringBuilder uri = new StringBuilder("otpauth://").append(host).append('/');
    if (!issuer.isEmpty()) {
      uri.append(PercentCoding.encode(issuer, true)).append(':');
    }
    uri.append(PercentCoding.encode(account, true));
    uri.append("?secret=").append(secret.toBase32());
    if (!issuer.isEmpty()) {
      uri.append("&issuer=").append(PercentCoding.encode(issuer, false));
    }
    uri.append("&algorithm=").append(parameters.algorithm().name());
    uri.append("&digits=").append(parameters.digits());
    if (type == OtpType.HOTP) {
      uri.append("&counter=").append(parameters.counter());
    } else {
      uri.append("&period=").append(parameters.period());
    }
    if (type == OtpType.STEAM) {
      uri.append("&encoder=steam");
    }
    return uri.toString();
  }

  /** True when an issuer is known. */
  public boolean hasIssuer() {
    return !issuer.isEmpty();
  }

  /** Names the type, issuer, account and parameters; the secret appears only as {@code Secret[redacted]}. */
  @Override
  public String toString() {
    return "OtpauthUri[type=" + type + ", issuer=" + issuer + ", account=" + account
        + ", secret=Secret[redacted], parameters=" + parameters + "]";
  }

  private static String checkText(String name, String text) {
    if (text.length() > MAX_TEXT_LENGTH || PercentCoding.encodedLength(text, false) > MAX_ENCODED_TEXT_LENGTH) {
      throw new OtpFormatException(name, name + " must be at most 256 characters (1024 when percent-encoded)");
    }
    if (text.indexOf(':') >= 0) {
      throw new OtpFormatException(name, name + " must not contain ':', which separates issuer and account");
    }
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (isRefusedCodePoint(codePoint)) {
        throw new OtpFormatException(name,
            name + " must not contain control, invisible formatting or unpaired surrogate characters");
      }
      i += Character.charCount(codePoint);
    }
    return text;
  }

  /**
   * Control characters break logs and displays; invisible formatting characters (bidi overrides,
   * zero-width joiners) let a label look like another one; unpaired surrogates cannot be UTF-8 encoded.
   */
  private static boolean isRefusedCodePoint(int codePoint) {
    int category = Character.getType(codePoint);
    return Character.isISOControl(codePoint)
        || category == Character.FORMAT
        || category == Character.SURROGATE
        || category == Character.LINE_SEPARATOR
        || category == Character.PARAGRAPH_SEPARATOR;
  }

  private static String stripSpaces(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == ' ') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(start, end);
  }
}
