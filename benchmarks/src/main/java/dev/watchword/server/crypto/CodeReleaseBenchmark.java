package dev.watchword.server.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.watchword.otp.HmacAlgorithm;
import dev.watchword.otp.Hotp;
import dev.watchword.otp.Totp;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.VaultId;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of releasing one code: open the sealed seed with {@link SeedCipher#withSeed}, compute
 * the code, zero the seed. This is what {@code CodeReleaseService} does once it has read the row,
 * minus the database, the audit record and HTTP; the goal is under 2 µs per code.
 *
 * <p>It lives in {@code dev.watchword.server.crypto}, the server's package, because the
 * {@link SeedCipher} constructor and {@link DataKeys} are package-private: production wiring
 * belongs to Spring, and the benchmark must not widen that API to get in. The package is split
 * across two jars only at compile time: neither is a named module, and benchmarks.jar merges
 * them into one. The data key is held in memory, as {@code VaultKeys} holds it after the first
 * unwrap for a vault, so the figures are those of a warm node; the master-key unwrap and its
 * database read are not timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CodeReleaseBenchmark {

  private static final VaultId VAULT = VaultId.of("6f1c2a47-3b8e-4d0a-9c55-2e7b1d9f4a10");
  private static final EntryId ENTRY = EntryId.of("b2d94e1a-7c3f-4a86-8e0b-5f6a1c3d9e27");
  private static final int PERIOD = 30;

  /** The server reads the system clock per code, so the TOTP benchmarks do as well. */
  private final Clock clock = Clock.systemUTC();

  private SeedCipher cipher;
  private byte[] sealedSeed;
  private byte[] plainSeed;
  private long counter;

  @Setup
  public void sealOneSeed() throws GeneralSecurityException {
    AeadConfig.register();
    Aead dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
        .getPrimitive(RegistryConfiguration.get(), Aead.class);
    cipher = new SeedCipher(new InMemoryDataKeys(dataKey));
    plainSeed = new byte[20];
    new SecureRandom().nextBytes(plainSeed);
    sealedSeed = cipher.encrypt(VAULT, ENTRY, plainSeed);
  }

  /** The full TOTP path with the common parameters: decrypt, HMAC-SHA1, 6 digits, 30 s. */
  @Benchmark
  public String totpCodeWithDecryption() {
    Instant now = clock.instant();
    return cipher.withSeed(VAULT, ENTRY, sealedSeed,
        seed -> Totp.generate(HmacAlgorithm.SHA1, seed, now, PERIOD, 6));
  }

  /** The full HOTP path; the counter moves on each call as the stored counter does. */
  @Benchmark
  public String hotpCodeWithDecryption() {
    long next = counter++;
    return cipher.withSeed(VAULT, ENTRY, sealedSeed,
        seed -> Hotp.generate(HmacAlgorithm.SHA1, seed, next, 6));
  }

  /** The full TOTP path with the most expensive parameters RFC 6238 allows. */
  @Benchmark
  public String totpSha512With8Digits() {
    Instant now = clock.instant();
    return cipher.withSeed(VAULT, ENTRY, sealedSeed,
        seed -> Totp.generate(HmacAlgorithm.SHA512, seed, now, PERIOD, 8));
  }

  /** AES-256-GCM open and zeroing alone; returns the length so the work is not eliminated. */
  @Benchmark
  public int decryptOnly() {
    return cipher.withSeed(VAULT, ENTRY, sealedSeed, seed -> seed.length);
  }

  /** TOTP from a plain seed, with no decryption: the otp library's share of the full path. */
  @Benchmark
  public String totpCodeOnly() {
    return Totp.generate(HmacAlgorithm.SHA1, plainSeed, clock.instant(), PERIOD, 6);
  }

  /** One vault's data key, already unwrapped. */
  private static final class InMemoryDataKeys implements DataKeys {

    private final Aead dataKey;

    InMemoryDataKeys(Aead dataKey) {
      this.dataKey = dataKey;
    }

    @Override
    public void create(VaultId vault) {
      throw new UnsupportedOperationException("the benchmark seals under one fixed key");
    }

    @Override
    public Aead aead(VaultId vault) {
      return dataKey;
    }
  }
}
