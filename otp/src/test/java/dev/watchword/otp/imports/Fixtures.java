package dev.watchword.otp.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads fixtures from {@code src/test/resources/imports/}. */
final class Fixtures {

  private Fixtures() {
  }

  static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/imports/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  static ImportResult read(String path, String password) {
    return ImportFile.read(bytes(path), path.substring(path.lastIndexOf('/') + 1),
        password == null ? null : password.toCharArray(), ImportLimits.defaults());
  }
}
