package dev.watchword.otp.imports;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.watchword.otp.HmacAlgorithm;
import dev.watchword.otp.OtpType;
import dev.watchword.otp.Secret;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Google Authenticator's "Transfer accounts" export: {@code otpauth-migration://offline?data=BASE64}, where the
 * data is a protobuf {@code MigrationPayload} (field numbers as in the community-documented
 * {@code migration.proto}, kept with the tests):
 * <pre>
 * MigrationPayload { repeated OtpParameters otp_parameters = 1; int32 version = 2; int32 batch_size = 3;
 *                    int32 batch_index = 4; int32 batch_id = 5; }
 * OtpParameters    { bytes secret = 1; string name = 2; string issuer = 3; Algorithm algorithm = 4;
 *                    DigitCount digits = 5; OtpType type = 6; int64 counter = 7; }
 * Algorithm  { UNSPECIFIED = 0; SHA1 = 1; SHA256 = 2; SHA512 = 3; MD5 = 4; }
 * DigitCount { UNSPECIFIED = 0; SIX = 1; EIGHT = 2; }
 * OtpType    { UNSPECIFIED = 0; HOTP = 1; TOTP = 2; }
 * </pre>
 * Unspecified algorithm and digits mean SHA1 and 6, as in the app. The wire format is read field by field with
 * protobuf-java's {@link CodedInputStream}, skipping unknown fields and fields of an unexpected wire type.
 */
final class GoogleMigration {

  static final String PREFIX = "otpauth-migration://";
  private static final String OFFLINE_DATA = PREFIX + "offline?data=";
  /** An export split over more QR codes than this is refused (real ones use a handful). */
  private static final int MAX_BATCH_PARTS = 1000;

  /** One decoded QR code or line. */
  record Payload(List<byte[]> parameters, int batchSize, int batchIndex, int batchId) {
  }

  private GoogleMigration() {
  }

  static boolean isMigrationUri(String text) {
    return text.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** @throws EntryProblem when the URI or its payload is malformed */
  static Payload decode(String uri, ImportLimits limits) {
    if (uri.length() > limits.maxDecodedBytes()) {
      throw new EntryProblem("the otpauth-migration URI is longer than " + limits.maxDecodedBytes() + " characters");
    }
    if (!uri.regionMatches(true, 0, OFFLINE_DATA, 0, OFFLINE_DATA.length())) {
      throw new EntryProblem("an otpauth-migration URI must be otpauth-migration://offline?data=...");
    }
    String data = uri.substring(OFFLINE_DATA.length());
    int next = data.indexOf('&');
    if (next >= 0) {
      data = data.substring(0, next);
    }
    byte[] payload;
    try {
      // '+' is Base64, not a space, in these URIs; decode only the %XX escapes.
      String base64 = URLDecoder.decode(data.replace("+", "%2B"), StandardCharsets.UTF_8);
      payload = java.util.Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new EntryProblem("the otpauth-migration data is not valid percent-encoded Base64");
    }
    try {
      return parsePayload(payload);
    } finally {
      Arrays.fill(payload, (byte) 0);
    }
  }

  /** Reads a MigrationPayload message. @throws EntryProblem when it is not one */
  static Payload parsePayload(byte[] payload) {
    List<byte[]> parameters = new ArrayList<>();
    int batchSize = 1;
    int batchIndex = 0;
    int batchId = 0;
    try {
      CodedInputStream in = CodedInputStream.newInstance(payload);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        int field = WireFormat.getTagFieldNumber(tag);
        int wireType = WireFormat.getTagWireType(tag);
        if (field == 1 && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          parameters.add(in.readByteArray());
        } else if (field >= 3 && field <= 5 && wireType == WireFormat.WIRETYPE_VARINT) {
          int value = in.readInt32();
          switch (field) {
            case 3 -> batchSize = value;
            case 4 -> batchIndex = value;
            default -> batchId = value;
          }
        } else {
          in.skipField(tag);
        }
      }
    } catch (IOException e) {
      throw new EntryProblem("the otpauth-migration data is not a Google Authenticator payload");
    }
    // Real exports span a handful of QR codes; the cap keeps a hostile index from sizing a huge bit set.
    if (batchSize < 1 || batchSize > MAX_BATCH_PARTS || batchIndex < 0 || batchIndex >= batchSize) {
      throw new EntryProblem("the otpauth-migration batch index or size is invalid");
    }
    return new Payload(parameters, batchSize, batchIndex, batchId);
  }

  /** Reads one OtpParameters message. @throws EntryProblem when it is not one or is unsupported */
  static Candidate candidate(byte[] message) {
    Candidate candidate = new Candidate();
    byte[] secret = null;
    int algorithm = 0;
    int digits = 0;
    int type = 0;
    try {
      CodedInputStream in = CodedInputStream.newInstance(message);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        int field = WireFormat.getTagFieldNumber(tag);
        boolean delimited = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
        boolean varint = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT;
        if (field == 1 && delimited) {
          wipe(secret);
          secret = in.readByteArray();
        } else if (field == 2 && delimited) {
          candidate.account = in.readStringRequireUtf8();
        } else if (field == 3 && delimited) {
          candidate.issuer = in.readStringRequireUtf8();
        } else if (field == 4 && varint) {
          algorithm = in.readEnum();
        } else if (field == 5 && varint) {
          digits = in.readEnum();
        } else if (field == 6 && varint) {
          type = in.readEnum();
        } else if (field == 7 && varint) {
          candidate.counter = in.readInt64();
        } else {
          in.skipField(tag);
        }
      }
      candidate.type = type(type);
      candidate.algorithm = algorithm(algorithm);
      candidate.digits = digits(digits);
      if (secret == null || secret.length == 0) {
        throw new EntryProblem("secret is missing");
      }
      candidate.secret = Secret.ofBytes(secret);
      return candidate;
    } catch (InvalidProtocolBufferException e) {
      throw new EntryProblem("the entry is not a valid Google Authenticator OtpParameters message");
    } catch (IOException e) {
      throw new EntryProblem("the entry is truncated");
    } finally {
      wipe(secret);
    }
  }

  private static OtpType type(int type) {
    return switch (type) {
      case 1 -> OtpType.HOTP;
      case 2 -> OtpType.TOTP;
      default -> throw new EntryProblem("type is unspecified or unknown; Google Authenticator writes HOTP or TOTP");
    };
  }

  private static HmacAlgorithm algorithm(int algorithm) {
    return switch (algorithm) {
      case 0, 1 -> HmacAlgorithm.SHA1;
      case 2 -> HmacAlgorithm.SHA256;
      case 3 -> HmacAlgorithm.SHA512;
      case 4 -> throw new EntryProblem("algorithm MD5 is not supported; only SHA1, SHA256 and SHA512 are");
      default -> throw new EntryProblem("algorithm is unknown");
    };
  }

  private static int digits(int digits) {
    return switch (digits) {
      case 0, 1 -> 6;
      case 2 -> 8;
      default -> throw new EntryProblem("digits is unknown; Google Authenticator writes 6 or 8");
    };
  }

  private static void wipe(byte[] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
