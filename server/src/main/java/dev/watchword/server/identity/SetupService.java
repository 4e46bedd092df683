package dev.watchword.server.identity;

import dev.watchword.server.identity.UserService.NewUser;
import dev.watchword.server.runtime.WatchwordProperties;
import dev.watchword.server.shared.RequestOrigin;
import java.io.PrintStream;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First-run setup: while no user exists, each start prints a one-time link that creates the
 * owner. There are no default credentials, ever.
 */
@Service
class SetupService {

  private final UserRepository users;
  private final SetupTokens tokens;
  private final UserService userService;
  private final WatchwordProperties properties;
  private final TransactionTemplate transactions;
  private final PrintStream out = System.out;

  SetupService(UserRepository users, SetupTokens tokens, UserService userService, WatchwordProperties properties,
      TransactionTemplate transactions) {
    this.users = users;
    this.tokens = tokens;
    this.userService = userService;
    this.properties = properties;
    this.transactions = transactions;
  }

  /** Prints the setup link when the installation has no user yet (development mode has its own owner). */
  void announceIfNeeded(String baseUrl) {
    if (properties.dev()) {
      return;
    }
    Optional<String> token = transactions.execute(status -> users.anyExists()
        ? Optional.<String>empty()
        : Optional.of(tokens.issue()));
    token.ifPresent(t -> {
      out.println("No user exists yet. Within one hour, open this one-time link to create the owner account:");
      out.println("  " + baseUrl + "/setup#token=" + t);
      out.flush();
    });
  }

  /** Creates the owner; the link is spent only together with the owner's creation. */
  UserAccount createOwner(String token, NewUser owner, RequestOrigin origin) {
    String hash = userService.acceptedPasswordHash(owner);
    return transactions.execute(status -> {
      if (users.anyExists() || !tokens.spend(token)) {
        throw new SetupTokenInvalidException();
      }
      return userService.insert(null, owner.username(), owner, hash, OrgRole.OWNER, origin, "setup.owner");
    });
  }
}
