package dev.watchword.server.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code oathtool}, an independent HOTP/TOTP implementation, as a test oracle.
 * Required under {@code CI=true}; elsewhere its absence skips the test.
 */
public final class Oathtool {

  private static final Path BINARY = Path.of("/usr/bin/oathtool");

  private Oathtool() {}

  public static void assumeInstalled() {
    if (Files.isExecutable(BINARY)) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("oathtool is required under CI=true (apt-get install oathtool)");
    }
    Assumptions.abort("oathtool is not installed");
  }

  public static String totp(String base32Secret, String algorithm, int digits, int period, long epochSecond) {
    return run(List.of("--totp=" + algorithm.toLowerCase(), "--base32", "--digits=" + digits,
        "--time-step-size=" + period + "s", "--now=@" + epochSecond, base32Secret));
  }

  /** oathtool's HOTP is HMAC-SHA1 only. */
  public static String hotp(String base32Secret, int digits, long counter) {
    return run(List.of("--hotp", "--base32", "--digits=" + digits, "--counter=" + counter, base32Secret));
  }

  private static String run(List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(BINARY.toString());
    command.addAll(arguments);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("oathtool failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
