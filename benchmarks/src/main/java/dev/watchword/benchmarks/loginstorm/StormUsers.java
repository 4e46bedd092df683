package dev.watchword.benchmarks.loginstorm;

import dev.watchword.benchmarks.loginstorm.AttemptMix.Attempt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The accounts a storm signs in to, created through the API with the server's dev owner token,
 * and the request bodies for each kind of attempt.
 *
 * <p>Each account gets its own random 20-character passphrase from {@link SecureRandom}; letters
 * and digits only, so it can never contain the (hyphenated) username and passes the password
 * policy. Usernames and passwords need no JSON escaping.
 */
final class StormUsers {

  private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int PASSWORD_LENGTH = 20;

  private record Account(String username, String password) {}

  private final List<Account> accounts;

  private StormUsers(List<Account> accounts) {
    this.accounts = List.copyOf(accounts);
  }

  /** Creates {@code count} users, one at a time (each costs the server one Argon2id hash). */
  static StormUsers create(HttpClient http, URI baseUri, String ownerToken, int count, SecureRandom random)
      throws IOException, InterruptedException {
    URI users = baseUri.resolve("/api/v1/users");
    List<Account> accounts = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Account account = new Account(String.format("storm-user-%04d", i), passphrase(random));
      String body = "{\"username\":\"" + account.username() + "\",\"password\":\"" + account.password()
          + "\",\"displayName\":\"Storm user " + i + "\"}";
      HttpRequest request = HttpRequest.newBuilder(users)
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + ownerToken)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException("creating " + account.username() + " answered " + response.statusCode()
            + ": " + response.body());
      }
      accounts.add(account);
    }
    return new StormUsers(accounts);
  }

  int size() {
    return accounts.size();
  }

  /** The JSON body of one sign-in attempt of the given kind, on a random account. */
  String loginBody(Attempt attempt, Random random) {
    Account account = accounts.get(random.nextInt(accounts.size()));
    return switch (attempt) {
      case CORRECT_PASSWORD -> login(account.username(), account.password());
      case WRONG_PASSWORD -> login(account.username(), passphrase(random));
      // A fresh name each time, so that no per-account count ever builds up for it.
      case UNKNOWN_USER -> login("storm-ghost-" + Long.toHexString(random.nextLong()), passphrase(random));
    };
  }

  private static String login(String username, String password) {
    return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
  }

  private static String passphrase(Random random) {
    StringBuilder passphrase = new StringBuilder(PASSWORD_LENGTH);
    for (int i = 0; i < PASSWORD_LENGTH; i++) {
      passphrase.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return passphrase.toString();
  }
}
