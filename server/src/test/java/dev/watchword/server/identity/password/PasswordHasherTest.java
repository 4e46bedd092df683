package dev.watchword.server.identity.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.CharBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PasswordHasherTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final String BCRYPT_HASH =
      "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

  private final PasswordHasher hasher =
      new PasswordHasher(new PasswordHashingProperties(2, Duration.ofSeconds(5)));

  @Test
  void hashWhenPasswordThenArgon2idPhcStringWithOwaspParameters() {
    String hash = hasher.hash(PASSWORD);

    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
    PhcString parsed = PhcString.parse(hash).orElseThrow();
    assertThat(parsed.saltLength()).isEqualTo(16);
    assertThat(parsed.hashLength()).isEqualTo(32);
  }

  @Test
  void hashWhenSamePasswordTwiceThenSaltsDiffer() {
    assertThat(hasher.hash(PASSWORD)).isNotEqualTo(hasher.hash(PASSWORD));
  }

  @Test
  void hashWhenEmptyThenRefusedWithoutThePassword() {
    assertThatThrownBy(() -> hasher.hash("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verifyWhenSamePasswordThenTrue() {
    assertThat(hasher.verify(PASSWORD, hasher.hash(PASSWORD))).isTrue();
  }

  @Test
  void verifyWhenSamePasswordFromCharArrayThenTrue() {
    String hash = hasher.hash(CharBuffer.wrap(PASSWORD.toCharArray()));

    assertThat(hasher.verify(CharBuffer.wrap(PASSWORD.toCharArray()), hash)).isTrue();
  }

  @Test
  void verifyWhenWrongPasswordThenFalse() {
    assertThat(hasher.verify("correct horse battery stapler", hasher.hash(PASSWORD))).isFalse();
  }

  @Test
  void verifyWhenNfkcEquivalentSpellingThenTrue() {
    // U+FB01 LATIN SMALL LIGATURE FI and full-width digits normalise to "fi" and "42".
    String hash = hasher.hash("\uFB01ne day \uFF14\uFF12");

    assertThat(hasher.verify("fine day 42", hash)).isTrue();
  }

  @Test
  void verifyWhenUnknownUserThenFalseAfterOneFullArgon2idVerification() {
    long before = hasher.computations();

    assertThat(hasher.verify(PASSWORD, null)).isFalse();
    assertThat(hasher.computations()).isEqualTo(before + 1);
  }

  @Test
  void dummyHashWhenComparedWithNewHashThenSameParameters() {
    // The unknown-user path costs the same as a wrong password only while this holds.
    assertThat(PhcString.parse(PasswordHasher.DUMMY_HASH))
        .isEqualTo(PhcString.parse(hasher.hash(PASSWORD)));
  }

  @Test
  void verifyWhenWrongPasswordThenSameWorkAsUnknownUser() {
    String hash = hasher.hash(PASSWORD);
    long before = hasher.computations();

    hasher.verify("wrong password", hash);
    hasher.verify("wrong password", null);

    assertThat(hasher.computations()).isEqualTo(before + 2);
  }

  @Test
  void verifyWhenStoredHashIsNotArgon2ThenFalseAfterOneFullVerification() {
    long before = hasher.computations();

    assertThat(hasher.verify(PASSWORD, BCRYPT_HASH)).isFalse();
    assertThat(hasher.computations()).isEqualTo(before + 1);
  }

  @Test
  void verifyWhenEmptyPasswordThenFalseWithoutArgon2id() {
    String hash = hasher.hash(PASSWORD);
    long before = hasher.computations();

    assertThat(hasher.verify("", hash)).isFalse();
    assertThat(hasher.verify("", null)).isFalse();
    assertThat(hasher.computations()).isEqualTo(before);
  }

  @Test
  void verifyWhenUnpairedSurrogateThenFalse() {
    assertThat(hasher.verify("abc\uD800defgh", hasher.hash(PASSWORD))).isFalse();
  }

  @Test
  void verifyWhenHashWrittenBySpringWithSameParametersThenTrue() {
    String hash = new Argon2PasswordEncoder(16, 32, 1, 19456, 2).encode(PASSWORD);

    assertThat(hasher.verify(PASSWORD, hash)).isTrue();
  }

  @Test
  void verifyWhenAllSlotsHeldLongerThanMaxWaitThenBusy() throws Exception {
    PasswordHasher oneSlot =
        new PasswordHasher(new PasswordHashingProperties(1, Duration.ofMillis(200)));
    String hash = oneSlot.hash(PASSWORD);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> oneSlot.inSlot(() -> {
      held.countDown();
      await(release);
      return null;
    }));
    try {
      assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> oneSlot.verify(PASSWORD, hash))
          .isInstanceOfSatisfying(PasswordHashingBusyException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)))
          .hasMessage("too many password checks in progress");
      assertThatThrownBy(() -> oneSlot.verify(PASSWORD, null))
          .isInstanceOf(PasswordHashingBusyException.class);
      assertThatThrownBy(() -> oneSlot.hash(PASSWORD))
          .isInstanceOf(PasswordHashingBusyException.class);
    } finally {
      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
    }
    assertThat(oneSlot.verify(PASSWORD, hash)).isTrue();
  }

  @Test
  void verifyWhenInterruptedWhileWaitingThenBusyAndStillInterrupted() throws Exception {
    PasswordHasher oneSlot =
        new PasswordHasher(new PasswordHashingProperties(1, Duration.ofSeconds(30)));
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> oneSlot.inSlot(() -> {
      held.countDown();
      await(release);
      return null;
    }));
    try {
      assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
      Thread.currentThread().interrupt();

      assertThatThrownBy(() -> oneSlot.verify(PASSWORD, null))
          .isInstanceOf(PasswordHashingBusyException.class);
      assertThat(Thread.interrupted()).isTrue();
    } finally {
      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void needsRehashWhenCurrentParametersThenFalse() {
    assertThat(hasher.needsRehash(hasher.hash(PASSWORD))).isFalse();
  }

  @Test
  void needsRehashWhenStrongerParametersThenFalse() {
    String stronger = hasher.hash(PASSWORD).replace("m=19456,t=2,p=1", "m=65536,t=3,p=4");

    assertThat(hasher.needsRehash(stronger)).isFalse();
  }

  @Test
  void needsRehashWhenSpringSecurityDefaultsThenTrue() {
    // Spring Security 5.8's defaults: 16 MiB, 2 passes, below OWASP's 19 MiB.
    String weaker = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);

    assertThat(hasher.needsRehash(weaker)).isTrue();
  }

  @Test
  void needsRehashWhenOnePassThenTrue() {
    assertThat(hasher.needsRehash(hasher.hash(PASSWORD).replace(",t=2,", ",t=1,"))).isTrue();
  }

  @Test
  void needsRehashWhenArgon2iThenTrue() {
    assertThat(hasher.needsRehash(hasher.hash(PASSWORD).replace("$argon2id$", "$argon2i$")))
        .isTrue();
  }

  @Test
  void needsRehashWhenNullOrNotArgon2ThenTrue() {
    assertThat(hasher.needsRehash(null)).isTrue();
    assertThat(hasher.needsRehash(BCRYPT_HASH)).isTrue();
  }

  @Test
  void propertiesWhenUnsetThenOneSlotPerProcessorAndFiveSeconds() {
    PasswordHashingProperties defaults = new PasswordHashingProperties(null, null);

    assertThat(defaults.maxConcurrentHashes())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(defaults.maxWait()).isEqualTo(Duration.ofSeconds(5));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
