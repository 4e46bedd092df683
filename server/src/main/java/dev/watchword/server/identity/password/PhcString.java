package dev.watchword.server.identity.password;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a stored Argon2 hash in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded standard Base64), as
 * Spring Security's {@code Argon2PasswordEncoder} writes it. Only the parameters are kept, never
 * the salt or the hash themselves, so {@code toString()} reveals nothing worth guessing against.
 */
record PhcString(String type, int version, long memoryKib, long iterations, long parallelism,
    int saltLength, int hashLength) {

  /** Argon2 version 1.3, written {@code v=19}; a string without {@code v=} is version 1.0. */
  static final int VERSION_13 = 0x13;

  // Bounded digit counts keep every number inside a long; the encoder reads them as ints.
  private static final Pattern FORMAT = Pattern.compile(
      "\\$(argon2id|argon2i|argon2d)(?:\\$v=(\\d{1,5}))?"
          + "\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})"
          + "\\$([A-Za-z0-9+/]{1,1024})\\$([A-Za-z0-9+/]{1,1024})");

  /** Parses a stored hash; empty when it is not an Argon2 PHC string. */
  static Optional<PhcString> parse(String encoded) {
    if (encoded == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(encoded);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int version = m.group(2) == null ? 0x10 : Integer.parseInt(m.group(2));
      int saltLength = Base64.getDecoder().decode(m.group(6)).length;
      int hashLength = Base64.getDecoder().decode(m.group(7)).length;
      return Optional.of(new PhcString(m.group(1), version, Long.parseLong(m.group(3)),
          Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), saltLength, hashLength));
    } catch (IllegalArgumentException e) {
      // A Base64 part of impossible length (one character too many): not a hash we wrote.
      return Optional.empty();
    }
  }

  /**
   * Whether a hash with these parameters is cheaper to attack than one with {@code current}'s:
   * another Argon2 variant, an older version, less memory, fewer passes, a shorter salt or a
   * shorter output. A different parallelism alone is not weaker: the memory and passes are what
   * an attacker pays for.
   */
  boolean weakerThan(PhcString current) {
    return !type.equals(current.type)
        || version < current.version
        || memoryKib < current.memoryKib
        || iterations < current.iterations
        || saltLength < current.saltLength
        || hashLength < current.hashLength;
  }
}
