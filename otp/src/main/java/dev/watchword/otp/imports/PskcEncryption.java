package dev.watchword.otp.imports;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.w3c.dom.Element;

/**
 * RFC 6030 §6.2 password-based encryption of PSKC values: the container's {@code EncryptionKey/DerivedKey}
 * names PBKDF2 (PKCS #5 v2.0) with a Salt/Specified, IterationCount, KeyLength and PRF (HMAC-SHA1 when empty);
 * values are XML Encryption AES-CBC ({@code xmlenc#aes128-cbc}, 192, 256) CipherValues of IV then ciphertext;
 * §6.1.1 {@code MACMethod} carries an encrypted MAC key, and each encrypted value's {@code ValueMAC} is
 * HMAC(MAC key, IV || ciphertext). A value whose MAC fails is refused, so a wrong password never yields seeds.
 * Pre-shared-key encryption (§6.1, {@code ds:KeyName}) and asymmetric encryption (§6.3) are not supported.
 */
final class PskcEncryption {

  private static final String PBKDF2 = "pkcs-5v2-0#pbkdf2";
  private static final String XMLENC = "http://www.w3.org/2001/04/xmlenc#aes";

  private final byte[] key;
  private final byte[] macKey;
  private final String macAlgorithm;
  private boolean verifiedOne;

  private PskcEncryption(byte[] key, byte[] macKey, String macAlgorithm) {
    this.key = key;
    this.macKey = macKey;
    this.macAlgorithm = macAlgorithm;
  }

  /** Null when the container has no EncryptionKey; otherwise the derived keys. */
  static PskcEncryption of(Element container, char[] password, ImportLimits limits) {
    Element encryptionKey = SecureXml.child(container, "EncryptionKey");
    if (encryptionKey == null) {
      return null;
    }
    Element derivedKey = SecureXml.child(encryptionKey, "DerivedKey");
    if (derivedKey == null) {
      throw Refused.unsupported("EncryptionKey", "only password-based (PBKDF2) PSKC encryption is supported, "
          + "not a pre-shared or public key; ask the vendor for a password-protected file");
    }
    Element method = SecureXml.child(derivedKey, "KeyDerivationMethod");
    if (method == null || !method.getAttribute("Algorithm").endsWith(PBKDF2)) {
      throw Refused.unsupported("EncryptionKey", "the key derivation must be PBKDF2");
    }
    if (password == null) {
      throw Refused.passwordRequired("PSKC file");
    }
    Element params = SecureXml.child(method, "PBKDF2-params");
    if (params == null) {
      throw Refused.malformed("EncryptionKey", "PBKDF2-params is missing");
    }
    String where = "EncryptionKey";
    byte[] salt = Codec.base64(where, "Salt", SecureXml.text(params, "Salt", "Specified"));
    long iterations = decimal(SecureXml.text(params, "IterationCount"), "IterationCount", where);
    long keyLength = decimal(SecureXml.text(params, "KeyLength"), "KeyLength", where);
    if (keyLength != 16 && keyLength != 24 && keyLength != 32) {
      throw Refused.malformed(where, "KeyLength must be 16, 24 or 32 bytes for AES");
    }
    Element prf = SecureXml.child(params, "PRF");
    String prfHmac = prf == null ? "HmacSHA1" : hmacName(prf.getAttribute("Algorithm"), where);
    // every cheap check before the costly PBKDF2
    Element macMethod = SecureXml.child(container, "MACMethod");
    if (macMethod == null || SecureXml.child(macMethod, "MACKey") == null) {
      throw Refused.unsupported("MACMethod", "an encrypted PSKC file must carry a MACMethod with a MACKey "
          + "(RFC 6030 §6.1.1); without it a wrong password cannot be told from a right one");
    }
    String macHmac = hmacName(macMethod.getAttribute("Algorithm"), "MACMethod");
    byte[] key = Decryption.pbkdf2(password, salt, iterations, (int) keyLength, prfHmac, limits, where);
    PskcEncryption encryption = new PskcEncryption(key, null, macHmac);
    byte[] macKey = encryption.decryptUnpadded(SecureXml.child(macMethod, "MACKey"), "MACMethod");
    if (macKey == null || macKey.length == 0) {
      encryption.destroy();
      throw Refused.wrongPassword("PSKC file");
    }
    return new PskcEncryption(key, macKey, encryption.macAlgorithm);
  }

  /**
   * The plaintext of an EncryptedValue after its ValueMAC verified.
   *
   * @throws ImportFormatException WRONG_PASSWORD when the first value fails its MAC
   * @throws EntryProblem when a later value fails (that entry was altered)
   */
  byte[] decryptValue(Element encryptedValue, String valueMac, String where) {
    byte[] cipherValue = Codec.base64(where, "CipherValue", SecureXml.text(encryptedValue, "CipherData",
        "CipherValue"));
    if (valueMac.isEmpty()) {
      throw new EntryProblem("the encrypted secret has no ValueMAC");
    }
    byte[] expected = Codec.base64(where, "ValueMAC", valueMac);
    if (!MessageDigest.isEqual(expected, mac(cipherValue))) {
      if (!verifiedOne) {
        throw Refused.wrongPassword("PSKC file");
      }
      throw new EntryProblem("the secret does not match its ValueMAC; the file was altered");
    }
    verifiedOne = true;
    byte[] plain = decryptUnpadded(encryptedValue, where);
    if (plain == null) {
      throw new EntryProblem("the encrypted secret has invalid padding");
    }
    return plain;
  }

  /** Zeroes the derived keys. */
  void destroy() {
    Arrays.fill(key, (byte) 0);
    if (macKey != null) {
      Arrays.fill(macKey, (byte) 0);
    }
  }

  /** XML Encryption §5.2 block padding: the last byte counts the padding bytes. Null when that is impossible. */
  private byte[] decryptUnpadded(Element encrypted, String where) {
    Element method = SecureXml.child(encrypted, "EncryptionMethod");
    String algorithm = method == null ? "" : method.getAttribute("Algorithm");
    if (!algorithm.equals(XMLENC + (key.length * 8) + "-cbc")) {
      throw Refused.unsupported(where, "values must be encrypted with AES-CBC (xmlenc) under a key of KeyLength");
    }
    byte[] cipherValue = Codec.base64(where, "CipherValue", SecureXml.text(encrypted, "CipherData", "CipherValue"));
    if (cipherValue.length < 32) {
      throw Refused.malformed(where, "the CipherValue is shorter than an IV and one block");
    }
    byte[] plain = Decryption.aesCbc(key, Arrays.copyOf(cipherValue, 16),
        Arrays.copyOfRange(cipherValue, 16, cipherValue.length), where);
    int padding = plain[plain.length - 1] & 0xff;
    if (padding < 1 || padding > 16) {
      Arrays.fill(plain, (byte) 0);
      return null;
    }
    byte[] unpadded = Arrays.copyOf(plain, plain.length - padding);
    Arrays.fill(plain, (byte) 0);
    return unpadded;
  }

  private byte[] mac(byte[] data) {
    try {
      Mac mac = Mac.getInstance(macAlgorithm);
      mac.init(new SecretKeySpec(macKey, macAlgorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM lacks " + macAlgorithm, e);
    }
  }

  /** xmldsig#hmac-sha1 and xmldsig-more#hmac-sha256 / -sha512, as RFC 6030 §6.1.1 names them. */
  private static String hmacName(String uri, String where) {
    String lower = uri.toLowerCase(Locale.ROOT);
    if (lower.isEmpty() || lower.endsWith("#hmac-sha1")) {
      return "HmacSHA1";
    }
    if (lower.endsWith("#hmac-sha256")) {
      return "HmacSHA256";
    }
    if (lower.endsWith("#hmac-sha512")) {
      return "HmacSHA512";
    }
    throw Refused.unsupported(where, "the MAC or PRF must be HMAC-SHA1, HMAC-SHA256 or HMAC-SHA512");
  }

  private static long decimal(String text, String name, String where) {
    if (!text.matches("[0-9]{1,10}")) {
      throw Refused.malformed(where, name + " must be a whole number");
    }
    return Long.parseLong(text);
  }
}
