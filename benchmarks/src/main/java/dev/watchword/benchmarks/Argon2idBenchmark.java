package dev.watchword.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The raw Argon2id hash rate with the server's password parameters (OWASP's minimum: 19 MiB,
 * 2 passes, parallelism 1, 16-byte salt, 32-byte output), in hashes per second: the ceiling on
 * password sign-ins per second, against which the sign-in benchmark's figures compare.
 *
 * <p>It calls Bouncy Castle's {@link Argon2BytesGenerator} as Spring Security's
 * {@code Argon2PasswordEncoder} does inside the server's {@code PasswordHasher}, without the
 * encoder's salt generation and Base64, the server's NFKC normalisation and its concurrency
 * limit, which cost microseconds against tens of milliseconds. Like the server, it allocates the
 * 19 MiB afresh for every hash, so the garbage collector's share is in the figures. The
 * parameters are repeated here rather than read from {@code PasswordHasher}, whose constants are
 * package-private; {@code PasswordHasherTest} pins the server's to the same values.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Argon2idBenchmark {

  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private byte[] password;
  private Argon2Parameters parameters;

  /** Each thread gets its own salt; Argon2's cost does not depend on the salt's value. */
  @Setup
  public void chooseSalt() {
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withSalt(salt)
        .withParallelism(PARALLELISM)
        .withMemoryAsKB(MEMORY_KIB)
        .withIterations(ITERATIONS)
        .build();
  }

  /** One hash at a time: the latency a single sign-in pays, as a rate. */
  @Benchmark
  @Threads(1)
  public byte[] oneThread() {
    return argon2id();
  }

  /** Two hashes at once, the server's default limit on a two-core machine; JMH sums both. */
  @Benchmark
  @Threads(2)
  public byte[] twoThreads() {
    return argon2id();
  }

  private byte[] argon2id() {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] hash = new byte[HASH_BYTES];
    generator.generateBytes(password, hash);
    return hash;
  }
}
