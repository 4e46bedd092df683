package dev.watchword.server.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The {@code inCidr(ip, cidr)} function: IPv4 and IPv6 literals only. Never resolves a name
 * (IPv4 is parsed here; only text with a colon and hex digits reaches {@link InetAddress}, which
 * parses such text as a literal). Malformed input throws {@link IllegalArgumentException}.
 */
final class Cidr {

  private Cidr() {}

  /** Whether {@code ip} lies in {@code cidr}; a bare address is a /32 or /128. Families differ: false. */
  static boolean contains(String ip, String cidr) {
    byte[] address = address(ip);
    int slash = cidr.indexOf('/');
    byte[] network = address(slash < 0 ? cidr : cidr.substring(0, slash));
    int prefix = slash < 0 ? network.length * 8 : prefix(cidr.substring(slash + 1), network.length * 8);
    if (address.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** Refuses a malformed block. */
  static void check(String cidr) {
    contains(cidr.indexOf('/') < 0 ? cidr : cidr.substring(0, cidr.indexOf('/')), cidr);
  }

  private static int prefix(String text, int max) {
    if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("malformed prefix length");
    }
    int prefix = Integer.parseInt(text);
    if (prefix > max) {
      throw new IllegalArgumentException("prefix length above " + max);
    }
    return prefix;
  }

  static byte[] address(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      throw new IllegalArgumentException("not an IP address");
    }
    return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
  }

  private static byte[] ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IP address");
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("not an IP address");
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        throw new IllegalArgumentException("not an IP address");
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }

  private static byte[] ipv6(String text) {
    if (!text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException("not an IP address");
    }
    try {
      // A literal with a colon is parsed, never looked up.
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address");
    }
  }
}
