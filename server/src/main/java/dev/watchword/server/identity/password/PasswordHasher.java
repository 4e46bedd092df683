package dev.watchword.server.identity.password;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashes with at least OWASP's minimum cost: 19 MiB of memory, 2 passes,
 * parallelism 1, a 16-byte random salt and a 32-byte output, written as a PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$...}).
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Every password is NFKC-normalised with {@link PasswordPolicy#normalise} before it is
 *       hashed or verified, so "ﬁ" and "fi" are the same password whichever keyboard typed it.
 *       Callers may normalise first as well; normalising twice changes nothing.
 *   <li>At most {@code watchword.password.max-concurrent-hashes} Argon2id computations run at
 *       once (default: one per processor), so a login storm holds at most that many × 19 MiB.
 *       Waiting callers are served in arrival order; one that waits longer than
 *       {@code watchword.password.max-wait} (default 5 s) gets a
 *       {@link PasswordHashingBusyException} instead of a verdict.
 *   <li>Verifying against an unknown user ({@code null} hash) performs one full Argon2id
 *       verification, with the current parameters, against a fixed dummy hash, so an unknown
 *       user costs the same time as a wrong password.
 *   <li>The password never appears in a log line, an exception message or a {@code toString()}.
 * </ul>
 */
@Component
public class PasswordHasher {

  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;

  private static final PhcString CURRENT = new PhcString("argon2id", PhcString.VERSION_13,
      MEMORY_KIB, ITERATIONS, PARALLELISM, SALT_BYTES, HASH_BYTES);

  /**
   * The hash an unknown user's password is verified against: a random password, thrown away,
   * hashed once with the current parameters (a test keeps them equal). Written here rather than
   * computed at start-up, where Argon2id's first, unoptimised run takes about a second on two
   * cores. Knowing it helps no one: the unknown-user path answers {@code false} whatever the
   * outcome.
   */
  static final String DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$EXmB5Gku6BmwCtfHuc7l0w"
      + "$Edq7AOXrYDd+O53wLvUjSwJQbu61EeT+gAb5olorelY";

  private static final Logger log = LoggerFactory.getLogger(PasswordHasher.class);

  private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(
      SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
  private final Semaphore slots;
  private final Duration maxWait;
  private final Duration retryAfter;
  private final AtomicLong computations = new AtomicLong();

  PasswordHasher(PasswordHashingProperties properties) {
    this.slots = new Semaphore(properties.maxConcurrentHashes(), true);
    this.maxWait = properties.maxWait();
    // A caller turned away waited the whole maxWait in the queue; about as long again lets
    // the queue ahead drain. Whole seconds, since that is what Retry-After carries.
    long seconds = Math.max(1, maxWait.toSeconds() + (maxWait.toNanosPart() > 0 ? 1 : 0));
    this.retryAfter = Duration.ofSeconds(seconds);
  }

  /**
   * Hashes a new password. Check it with {@link PasswordPolicy#refusal} first.
   *
   * @return a PHC string starting {@code $argon2id$v=19$m=19456,t=2,p=1$}; never {@code null}
   * @throws IllegalArgumentException if the password is empty, longer than any policy allows
   *     or not well-formed UTF-16 (an unpaired surrogate)
   * @throws PasswordHashingBusyException if no Argon2id slot came free within the wait
   */
  public String hash(CharSequence password) {
    Objects.requireNonNull(password, "password");
    if (!PasswordPolicy.isVerifiable(password)) {
      throw new IllegalArgumentException(
          "a password must be non-empty, at most 4096 UTF-16 units and well-formed");
    }
    String normalised = PasswordPolicy.normalise(password);
    return inSlot(() -> encoder.encode(normalised));
  }

  /**
   * Whether the password matches the stored hash, in constant time for a given hash.
   *
   * <p>With {@code encodedHashOrNull} {@code null} (no such user, or a user without a
   * password) or not an Argon2 PHC string, one full Argon2id verification still runs against
   * the dummy hash and the answer is {@code false}. An empty password, one over 4,096 UTF-16
   * units, or one with an unpaired surrogate is {@code false} at once, whoever the user: no
   * policy lets such a password be set, and the shortcut does not depend on the user.
   *
   * @throws PasswordHashingBusyException if no Argon2id slot came free within the wait
   */
  public boolean verify(CharSequence password, String encodedHashOrNull) {
    Objects.requireNonNull(password, "password");
    if (!PasswordPolicy.isVerifiable(password)) {
      return false;
    }
    String normalised = PasswordPolicy.normalise(password);
    if (PhcString.parse(encodedHashOrNull).isEmpty()) {
      if (encodedHashOrNull != null) {
        log.warn("A stored password hash is not an Argon2 PHC string; treated as a wrong password");
      }
      inSlot(() -> encoder.matches(normalised, DUMMY_HASH));
      return false;
    }
    return inSlot(() -> encoder.matches(normalised, encodedHashOrNull));
  }

  /**
   * Whether a stored hash should be replaced, after a successful {@link #verify}, by
   * {@link #hash} of the same password: its parameters are weaker than the current ones, or it
   * is {@code null} or not an Argon2 PHC string at all.
   */
  public boolean needsRehash(String encoded) {
    return PhcString.parse(encoded).map(stored -> stored.weakerThan(CURRENT)).orElse(true);
  }

  /** Argon2id computations completed since start-up; for tests. */
  long computations() {
    return computations.get();
  }

  /**
   * Runs one Argon2id computation in a slot, waiting for one at most the configured time.
   * Package-private so that tests can hold a slot.
   */
  <T> T inSlot(Supplier<T> argon2) {
    acquireSlot();
    try {
      T result = argon2.get();
      computations.incrementAndGet();
      return result;
    } finally {
      slots.release();
    }
  }

  private void acquireSlot() {
    boolean acquired;
    try {
      // The timed tryAcquire honours the semaphore's fairness; the untimed one would barge.
      acquired = slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PasswordHashingBusyException(retryAfter);
    }
    if (!acquired) {
      throw new PasswordHashingBusyException(retryAfter);
    }
  }
}
