package dev.watchword.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares random HOTP and TOTP codes with OATH Toolkit's {@code oathtool}, an independent C implementation.
 * oathtool only prints 6 to 8 digits; {@link HotpTest} covers 9 and 10.
 *
 * <p>The random seed is printed with any mismatch; rerun one with {@code -Dotp.crosscheck.seed=<seed>}.
 * Without oathtool the tests are skipped, unless CI=true, where a missing tool fails the build.
 */
class OathtoolCrossCheckTest {

  private static final int TOTP_CASES = 1_000;
  private static final int HOTP_CASES = 300;
  private static final int[] PERIODS = {1, 15, 30, 60, 90, 3600};
  private static final long LATEST_TIME = 1L << 33;
  private static final long LARGEST_COUNTER = 1L << 40;

  /** Mostly waiting on child processes, so more threads than cores. */
  private static ExecutorService processes;

  private final long seed = Long.getLong("otp.crosscheck.seed", System.nanoTime());
  private final Random random = new Random(seed);

  /** One code both sides compute: the arguments for oathtool and ours. */
  private record Case(String description, List<String> oathtoolArguments, String ours) {
  }

  @BeforeAll
  static void requireOathtool() {
    Oathtool.requireInstalled();
    processes = Executors.newFixedThreadPool(4 * Runtime.getRuntime().availableProcessors());
  }

  @AfterAll
  static void stopProcesses() {
    if (processes != null) {
      processes.shutdownNow();
    }
  }

  @Test
  void generateWhenRandomTotpTuplesThenMatchesOathtool() throws Exception {
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < TOTP_CASES; i++) {
      cases.add(randomTotpCase(i));
    }
    assertThat(mismatches(cases)).as("mismatches with seed %d", seed).isEmpty();
  }

  /** oathtool's HOTP is RFC 4226 proper, which is HMAC-SHA1 only. */
  @Test
  void generateWhenRandomHotpTuplesThenMatchesOathtool() throws Exception {
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < HOTP_CASES; i++) {
      byte[] key = randomKey();
      int digits = 6 + random.nextInt(3);
      long counter = random.nextLong(LARGEST_COUNTER + 1);
      cases.add(new Case(
          "hotp case " + i + ": " + digits + " digits, counter " + counter + ", " + key.length + "-byte key",
          List.of("--hotp", "-d", Integer.toString(digits), "-c", Long.toString(counter), hex(key)),
          Hotp.generate(HmacAlgorithm.SHA1, key, counter, digits)));
    }
    assertThat(mismatches(cases)).as("mismatches with seed %d", seed).isEmpty();
  }

  private Case randomTotpCase(int index) {
    byte[] key = randomKey();
    HmacAlgorithm algorithm = HmacAlgorithm.values()[random.nextInt(3)];
    int digits = 6 + random.nextInt(3);
    int choice = random.nextInt(PERIODS.length + 1);
    int period = choice < PERIODS.length ? PERIODS[choice] : 1 + random.nextInt(3600);
    long time = random.nextLong(LATEST_TIME + 1);
    return new Case(
        "totp case " + index + ": " + algorithm + ", " + digits + " digits, period " + period
            + ", time " + time + ", " + key.length + "-byte key",
        List.of("--totp=" + algorithm.name(), "-d", Integer.toString(digits), "-s", period + "s",
            "-N", "@" + time, hex(key)),
        Totp.generate(algorithm, key, Instant.ofEpochSecond(time), period, digits));
  }

  private byte[] randomKey() {
    byte[] key = new byte[10 + random.nextInt(55)];
    random.nextBytes(key);
    return key;
  }

  private static List<String> mismatches(List<Case> cases) throws InterruptedException, ExecutionException {
    List<Future<String>> theirs = new ArrayList<>();
    for (Case c : cases) {
      theirs.add(processes.submit(() -> Oathtool.run(c.oathtoolArguments())));
    }
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String expected = theirs.get(i).get();
      if (!expected.equals(c.ours())) {
        mismatches.add(c.description() + ": oathtool " + expected + ", ours " + c.ours());
      }
    }
    return mismatches;
  }

  private static String hex(byte[] key) {
    return HexFormat.of().formatHex(key);
  }
}
