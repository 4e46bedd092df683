package dev.watchword.benchmarks.loginstorm;

import java.util.Random;

/**
 * How often each kind of sign-in attempt is made, as integer weights
 * {@code correct:wrong:unknown} (for example {@code 80:10:10}).
 */
record AttemptMix(int correct, int wrongPassword, int unknownUser) {

  /** What one attempt sends. Each costs the server one Argon2id verification unless throttled. */
  enum Attempt {
    CORRECT_PASSWORD("correct password"),
    WRONG_PASSWORD("wrong password"),
    UNKNOWN_USER("unknown user");

    final String label;

    Attempt(String label) {
      this.label = label;
    }
  }

  AttemptMix {
    if (correct < 0 || wrongPassword < 0 || unknownUser < 0 || correct + wrongPassword + unknownUser == 0) {
      throw new IllegalArgumentException("--mix needs three non-negative weights, not all zero");
    }
  }

  static AttemptMix parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("--mix is correct:wrong:unknown, for example 80:10:10");
    }
    try {
      return new AttemptMix(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--mix is correct:wrong:unknown, for example 80:10:10");
    }
  }

  Attempt next(Random random) {
    int pick = random.nextInt(correct + wrongPassword + unknownUser);
    if (pick < correct) {
      return Attempt.CORRECT_PASSWORD;
    }
    return pick < correct + wrongPassword ? Attempt.WRONG_PASSWORD : Attempt.UNKNOWN_USER;
  }

  boolean hasFailures() {
    return wrongPassword + unknownUser > 0;
  }

  @Override
  public String toString() {
    return correct + ":" + wrongPassword + ":" + unknownUser;
  }
}
