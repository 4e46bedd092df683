package dev.watchword.server.audit.siem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A strict reader of RFC 6587 §3.4.1 frames: {@code MSG-LEN SP SYSLOG-MSG}, MSG-LEN without leading zeros. */
final class OctetCounting {

  private OctetCounting() {}

  static List<String> split(byte[] stream) {
    List<String> messages = new ArrayList<>();
    int i = 0;
    while (i < stream.length) {
      int start = i;
      while (stream[i] >= '0' && stream[i] <= '9') {
        i++;
      }
      if (i == start || stream[start] == '0' || stream[i] != ' ') {
        throw new IllegalArgumentException("not an octet-counted frame at byte " + start);
      }
      int length = Integer.parseInt(new String(stream, start, i - start, StandardCharsets.US_ASCII));
      i++;
      messages.add(new String(stream, i, length, StandardCharsets.UTF_8));
      i += length;
    }
    return messages;
  }
}
