package dev.watchword.otp.imports;

import dev.watchword.otp.imports.ImportFormatException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;

/** The detection order documented on {@link ImportFile}. */
final class FormatDetection {

  private FormatDetection() {
  }

  static ImportResult read(byte[] content, String fileName, char[] password, ImportLimits limits,
      boolean mayDecompress) {
    if (content.length == 0) {
      throw Refused.malformed("file", "the file is empty");
    }
    if (startsWith(content, 0x1f, 0x8b)) {
      if (!mayDecompress) {
        throw Refused.unsupported("file", "the gzip file contains another gzip file");
      }
      return read(gunzip(content, limits), fileName, password, limits, false);
    }
    if (startsWith(content, 0x89, 'P', 'N', 'G') || startsWith(content, 0xff, 0xd8, 0xff)
        || startsWith(content, 'G', 'I', 'F', '8')) {
      return QrImage.read(content, limits);
    }
    if (startsWith(content, 'P', 'K', 3, 4)) {
      throw Refused.unsupported("file", "zip archives are not read; extract the export file and import that");
    }
    if (startsWith(content, 'R', 'I', 'F', 'F') || startsWith(content, '%', 'P', 'D', 'F')) {
      throw Refused.unsupported("file", "WebP images and PDF files are not read; use a PNG or JPEG screenshot");
    }
    String text = utf8(content, fileName);
    String start = text.stripLeading();
    if (start.startsWith("<")) {
      return PskcContainer.read(content, password, limits);
    }
    if (start.startsWith("{") || start.startsWith("[")) {
      return json(JsonDocuments.parse(content, "file"), fileName, password, limits);
    }
    if (UriLines.matches(text)) {
      return UriLines.read(text, limits);
    }
    if (CsvFile.matches(text)) {
      return CsvFile.read(text, limits);
    }
    throw unknown(fileName);
  }

  static ImportResult json(JsonNode root, String fileName, char[] password, ImportLimits limits) {
    if (WatchwordExport.matches(root)) {
      return WatchwordExport.read(root, password, limits);
    }
    if (AegisVault.matches(root)) {
      return AegisVault.read(root, password, limits);
    }
    if (TwoFasBackup.matches(root)) {
      return TwoFasBackup.read(root, password, limits);
    }
    if (BitwardenExport.matches(root)) {
      return BitwardenExport.read(root, limits);
    }
    if (FreeOtpPlusBackup.matches(root)) {
      return FreeOtpPlusBackup.read(root, limits);
    }
    if (AndOtpBackup.matches(root)) {
      return AndOtpBackup.read(root, limits);
    }
    throw new ImportFormatException(Reason.UNKNOWN_FORMAT, "file", "the JSON is not an export format that is read"
        + hint(fileName) + "; supported JSON exports are Aegis, 2FAS, Bitwarden (unencrypted), andOTP and FreeOTP+");
  }

  /** Decompresses one gzip member stream, stopping as soon as the output passes the file size limit. */
  private static byte[] gunzip(byte[] content, ImportLimits limits) {
    int max = Math.min(limits.maxFileBytes(), limits.maxDecodedBytes());
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (out.size() + n > max) {
          throw Refused.limit("file", "the file decompresses to more than " + max + " bytes");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw Refused.malformed("file", "the gzip data is truncated or corrupt", e);
    }
  }

  private static String utf8(byte[] content, String fileName) {
    int offset = startsWith(content, 0xef, 0xbb, 0xbf) ? 3 : 0;
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content, offset, content.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      throw unknown(fileName);
    }
  }

  private static ImportFormatException unknown(String fileName) {
    return new ImportFormatException(Reason.UNKNOWN_FORMAT, "file", "the content is not a supported export or "
        + "image" + hint(fileName) + "; supported are QR images (PNG, JPEG, GIF), otpauth URI lists, Google "
        + "Authenticator exports, Watchword exports, Aegis, 2FAS, Bitwarden, andOTP, FreeOTP+, PSKC and Watchword CSV");
  }

  /** The file name can say what the user meant; it is never trusted to pick the parser. */
  private static String hint(String fileName) {
    if (fileName == null) {
      return "";
    }
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".aes")) {
      return " (andOTP encrypted backups are not supported: export a plain JSON backup)";
    }
    if (lower.endsWith(".2fas")) {
      return " (the name says 2FAS backup, but the content is not one)";
    }
    if (lower.endsWith(".pskc") || lower.endsWith(".xml")) {
      return " (the name says XML, but the content is not a PSKC KeyContainer)";
    }
    return "";
  }

  private static boolean startsWith(byte[] content, int... prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((content[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
