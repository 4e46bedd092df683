package dev.watchword.otp.imports;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses JSON export files into trees with bounds: shallow nesting, short numbers, and duplicate keys refused
 * (two "secret" fields would make the reading ambiguous). Errors give the line and column only, since Jackson's
 * own messages can quote the input.
 */
final class JsonDocuments {

  private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(32)
              .maxNumberLength(64)
              .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build())
      .build();

  private JsonDocuments() {
  }

  /** @throws ImportFormatException MALFORMED with the line and column of the first error */
  static JsonNode parse(byte[] json, String where) {
    try {
      JsonNode tree = MAPPER.readTree(json);
      if (tree == null || tree.isMissingNode()) {
        throw Refused.malformed(where, "the JSON document is empty");
      }
      return tree;
    } catch (JacksonException e) {
      TokenStreamLocation location = e.getLocation();
      String at = location == null || location.getLineNr() < 0
          ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw Refused.malformed(where, "the JSON is invalid or truncated" + at, e);
    }
  }
}
