package dev.watchword.otp;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OATH Toolkit's {@code oathtool}, an independent C implementation of HOTP and TOTP, as a test oracle.
 * Tests are skipped without it, unless CI=true, where a missing tool fails the build.
 */
public final class Oathtool {

  private static final Path OATHTOOL = Path.of("/usr/bin/oathtool");

  private Oathtool() {
  }

  /** Skips the calling test (or fails it under CI=true) when oathtool is not installed. */
  public static void requireInstalled() {
    if (!Files.isExecutable(OATHTOOL) && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(OATHTOOL + " is required when CI=true; install the Debian package oathtool");
    }
    assumeTrue(Files.isExecutable(OATHTOOL), OATHTOOL + " not installed; cross-check skipped");
  }

  /** Runs oathtool with these arguments and returns its trimmed output, or a marker string when it failed. */
  public static String run(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(OATHTOOL.toString()));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      return "<oathtool failed: " + output + ">";
    }
    return output;
  }
}
