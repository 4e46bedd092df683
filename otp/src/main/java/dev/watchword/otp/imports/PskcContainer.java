package dev.watchword.otp.imports;

import dev.watchword.otp.HmacAlgorithm;
import dev.watchword.otp.OtpType;
import dev.watchword.otp.Secret;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * RFC 6030 Portable Symmetric Key Container files, as hardware token vendors ship seeds:
 * {@code KeyContainer/KeyPackage/Key} in namespace {@value #NAMESPACE}. Per key: {@code @Algorithm}
 * (urn:ietf:params:xml:ns:keyprov:pskc:hotp, or :totp as vendors write it), {@code Issuer},
 * {@code AlgorithmParameters/Suite} (e.g. HMAC-SHA256; SHA1 when absent) and {@code ResponseFormat @Length}
 * (digits; {@code @Encoding} must be DECIMAL), {@code Data/Secret} ({@code PlainValue} Base64, or an
 * {@code EncryptedValue} with {@code ValueMAC}, see {@link PskcEncryption}), {@code Data/Counter} (HOTP; 0 when
 * absent), {@code Data/TimeInterval} (TOTP; 30 when absent). The account is {@code UserId}, else the device's
 * {@code SerialNo}, else the key's {@code @Id}; the issuer is {@code Issuer}, else the device's
 * {@code Manufacturer}. Positions are "key package N".
 */
final class PskcContainer {

  static final String NAMESPACE = "urn:ietf:params:xml:ns:keyprov:pskc";

  private PskcContainer() {
  }

  static ImportResult read(byte[] xml, char[] password, ImportLimits limits) {
    Document document = SecureXml.parse(xml);
    Element container = document.getDocumentElement();
    if (!"KeyContainer".equals(container.getLocalName()) || !NAMESPACE.equals(container.getNamespaceURI())) {
      throw Refused.malformed("file", "the XML is not an RFC 6030 PSKC KeyContainer");
    }
    List<Element> packages = SecureXml.children(container, "KeyPackage");
    EntryCollector collector = new EntryCollector(limits);
    collector.expect(packages.size(), "KeyContainer");
    PskcEncryption encryption = PskcEncryption.of(container, password, limits);
    try {
      for (int i = 0; i < packages.size(); i++) {
        Element keyPackage = packages.get(i);
        List<Element> keys = SecureXml.children(keyPackage, "Key");
        String position = "key package " + (i + 1);
        if (keys.isEmpty()) {
          collector.problem(position, "the key package has no Key");
        }
        for (int k = 0; k < keys.size(); k++) {
          Element key = keys.get(k);
          String where = keys.size() == 1 ? position : position + ", key " + (k + 1);
          collector.add(where, () -> candidate(keyPackage, key, encryption, where));
        }
      }
    } finally {
      if (encryption != null) {
        encryption.destroy();
      }
    }
    return collector.result(ImportFormat.PSKC);
  }

  private static Candidate candidate(Element keyPackage, Element key, PskcEncryption encryption, String where) {
    Candidate candidate = new Candidate();
    candidate.type = type(key.getAttribute("Algorithm"));
    String suite = SecureXml.text(key, "AlgorithmParameters", "Suite");
    candidate.algorithm = suite.isEmpty() ? HmacAlgorithm.SHA1 : HmacAlgorithm.parse(suite.replaceFirst("(?i)^hmac-", ""));
    Element parameters = SecureXml.child(key, "AlgorithmParameters");
    Element format = parameters == null ? null : SecureXml.child(parameters, "ResponseFormat");
    if (format != null) {
      if (!format.getAttribute("Encoding").isEmpty() && !"DECIMAL".equals(format.getAttribute("Encoding"))) {
        throw new EntryProblem("ResponseFormat Encoding must be DECIMAL");
      }
      candidate.digits = (int) decimal(format.getAttribute("Length"), "ResponseFormat Length", candidate.digits);
    }
    candidate.counter = decimal(SecureXml.text(key, "Data", "Counter", "PlainValue"), "Counter", 0);
    candidate.period = (int) decimal(SecureXml.text(key, "Data", "TimeInterval", "PlainValue"), "TimeInterval",
        candidate.period);
    candidate.issuer = firstNonEmpty(SecureXml.text(key, "Issuer"),
        SecureXml.text(keyPackage, "DeviceInfo", "Manufacturer"));
    candidate.account = firstNonEmpty(SecureXml.text(key, "UserId"), SecureXml.text(keyPackage, "DeviceInfo",
        "SerialNo"), key.getAttribute("Id"));
    candidate.secret = secret(key, encryption, where);
    return candidate;
  }

  private static Secret secret(Element key, PskcEncryption encryption, String where) {
    Element data = SecureXml.child(key, "Data");
    Element secret = data == null ? null : SecureXml.child(data, "Secret");
    if (secret == null) {
      throw new EntryProblem("the key has no Data/Secret");
    }
    Element plain = SecureXml.child(secret, "PlainValue");
    Element encrypted = SecureXml.child(secret, "EncryptedValue");
    byte[] bytes;
    if (plain != null) {
      try {
        bytes = Codec.base64(where, "PlainValue", plain.getTextContent());
      } catch (ImportFormatException notBase64) {
        throw new EntryProblem("the secret PlainValue must be Base64");
      }
    } else if (encrypted != null) {
      if (encryption == null) {
        throw new EntryProblem("the secret is encrypted but the file has no EncryptionKey");
      }
      bytes = encryption.decryptValue(encrypted, SecureXml.text(secret, "ValueMAC"), where);
    } else {
      throw new EntryProblem("the secret has neither PlainValue nor EncryptedValue");
    }
    try {
      return Secret.ofBytes(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static OtpType type(String algorithm) {
    String lower = algorithm.toLowerCase(Locale.ROOT);
    if (lower.endsWith(":hotp") || lower.endsWith("#hotp")) {
      return OtpType.HOTP;
    }
    if (lower.endsWith(":totp") || lower.endsWith("#totp")) {
      return OtpType.TOTP;
    }
    throw new EntryProblem("the key algorithm must be PSKC hotp or totp");
  }

  private static long decimal(String text, String name, long defaultValue) {
    if (text.isEmpty()) {
      return defaultValue;
    }
    if (!text.matches("[0-9]{1,9}")) {
      throw new EntryProblem(name + " must be a whole number");
    }
    return Long.parseLong(text);
  }

  private static String firstNonEmpty(String... values) {
    for (String value : values) {
      if (!value.isBlank()) {
        return value;
      }
    }
    return "";
  }
}
