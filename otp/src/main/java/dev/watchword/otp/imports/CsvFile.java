package dev.watchword.otp.imports;

import dev.watchword.otp.HmacAlgorithm;
import dev.watchword.otp.OtpType;
import dev.watchword.otp.Secret;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Watchword's CSV import format, RFC 4180 comma-separated values with a header line:
 * <pre>
 * issuer,account,secret,type,algorithm,digits,period,counter
 * Example,alice@example.com,JBSWY3DPEHPK3PXP,totp,SHA1,6,30,
 * "Example, Inc.",bob,GEZDGNBVGY3TQOJQ,hotp,SHA256,8,,42
 * </pre>
 * Only {@code secret} (Base32) is required; header names ignore case and order, unknown columns are ignored.
 * Empty cells take the defaults: type totp (or hotp, steam), algorithm SHA1, digits 6, period 30, counter 0 (an
 * hotp row should state its counter). Fields containing commas, quotes or line breaks are double-quoted, with
 * '"' doubled inside. Blank lines are skipped; positions are the 1-based line on which the row starts.
 */
final class CsvFile {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader()
      .setSkipHeaderRecord(true)
      .setIgnoreHeaderCase(true)
      .setIgnoreSurroundingSpaces(true)
      .setIgnoreEmptyLines(true)
      .setAllowMissingColumnNames(true)
      .get();

  private CsvFile() {
  }

  /** True when the first line names a {@code secret} column. */
  static boolean matches(String text) {
    int end = text.indexOf('\n');
    String header = (end < 0 ? text : text.substring(0, end)).strip();
    for (String name : header.split(",", -1)) {
      if (name.strip().replace("\"", "").equalsIgnoreCase("secret")) {
        return true;
      }
    }
    return false;
  }

  static ImportResult read(String text, ImportLimits limits) {
    EntryCollector collector = new EntryCollector(limits);
    try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
      Map<String, Integer> header = parser.getHeaderMap();
      if (header == null || !header.containsKey("secret")) {
        throw Refused.malformed("line 1", "the CSV header must name a secret column");
      }
      LineCounter lines = new LineCounter(text);
      for (CSVRecord row : parser) {
        collector.add("line " + lines.lineOfFirstContentFrom(row.getCharacterPosition()), () -> candidate(row));
      }
    } catch (IOException | UncheckedIOException e) {
      // commons-csv reports unbalanced quotes this way; its message quotes the input, so it is not passed on.
      throw Refused.malformed("line " + (countLines(text)), "the CSV has an unterminated quoted field", e);
    } catch (IllegalArgumentException e) {
      if (e instanceof ImportFormatException refused) {
        throw refused;
      }
      throw Refused.malformed("line 1", "the CSV header names a column twice", e);
    }
    return collector.result(ImportFormat.CSV);
  }

  private static Candidate candidate(CSVRecord row) {
    Candidate candidate = new Candidate();
    String type = cell(row, "type");
    candidate.type = type.isEmpty() ? OtpType.TOTP : OtpType.parseIncludingSteam(type);
    candidate.issuer = cell(row, "issuer");
    candidate.account = cell(row, "account");
    String algorithm = cell(row, "algorithm");
    candidate.algorithm = algorithm.isEmpty() ? HmacAlgorithm.SHA1 : HmacAlgorithm.parse(algorithm);
    candidate.digits = (int) number(row, "digits", candidate.digits);
    candidate.period = (int) number(row, "period", candidate.period);
    candidate.counter = number(row, "counter", 0);
    String secret = cell(row, "secret");
    if (secret.isEmpty()) {
      throw new EntryProblem("secret is missing");
    }
    candidate.secret = Secret.fromBase32(secret);
    return candidate;
  }

  private static String cell(CSVRecord row, String name) {
    return row.isMapped(name) && row.isSet(name) ? row.get(name).strip() : "";
  }

  private static long number(CSVRecord row, String name, long defaultValue) {
    String value = cell(row, name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    if (!value.matches("[0-9]{1,18}")) {
      throw new EntryProblem(name + " must be a whole number");
    }
    long number = Long.parseLong(value);
    if (!name.equals("counter") && number > Integer.MAX_VALUE) {
      throw new EntryProblem(name + " is out of range");
    }
    return number;
  }

  /** Line numbers of increasing character offsets, counted incrementally. */
  private static final class LineCounter {

    private final String text;
    private int offset;
    private long line = 1;

    LineCounter(String text) {
      this.text = text;
    }

    /** The line of the first non-whitespace character at or after {@code position}. */
    long lineOfFirstContentFrom(long position) {
      int target = (int) Math.min(Math.max(position, offset), text.length());
      while (target < text.length() && Character.isWhitespace(text.charAt(target))) {
        target++;
      }
      for (; offset < target; offset++) {
        if (text.charAt(offset) == '\n') {
          line++;
        }
      }
      return line;
    }
  }

  private static long countLines(String text) {
    return text.chars().filter(c -> c == '\n').count() + 1;
  }
}
