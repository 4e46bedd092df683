package dev.watchword.server.identity;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.audit.Decision;
import dev.watchword.server.identity.SignInChallenges.Purpose;
import dev.watchword.server.identity.SsoHandoffs.Handoff;
import dev.watchword.server.identity.SsoHandoffs.Outcome;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.UserId;
import dev.watchword.server.web.PlainTextRule;
import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single sign-on with OpenID Connect, after Spring Security has run the authorization code flow
 * with PKCE and validated the ID token (signature, issuer, audience, expiry, nonce).
 *
 * <p>Guarantees: a user is found only by the ID token's (iss, sub); a disabled user is refused;
 * the provider's {@code amr}/{@code acr} must meet the provider's configured requirement for the
 * sign-in to start a session on its own, otherwise the user completes a local factor (or
 * enrols one); every outcome is audited.
 */
@Service
class SsoSignInService {

  private final SsoClientRegistrations registrations;
  private final SsoLinks links;
  private final SsoHandoffs handoffs;
  private final UserRepository users;
  private final SecondFactors secondFactors;
  private final SignInChallenges challenges;
  private final Sessions sessions;
  private final AuditLog audit;
  private final TransactionTemplate transactions;

  SsoSignInService(SsoClientRegistrations registrations, SsoLinks links, SsoHandoffs handoffs,
      UserRepository users, SecondFactors secondFactors, SignInChallenges challenges, Sessions sessions, AuditLog audit,
      TransactionTemplate transactions) {
    this.registrations = registrations;
    this.links = links;
    this.handoffs = handoffs;
    this.users = users;
    this.secondFactors = secondFactors;
    this.challenges = challenges;
    this.sessions = sessions;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Returns a one-time handoff code for the signed-in provider account, or refuses. */
  String complete(String providerId, OidcUser oidc, RequestOrigin origin) {
    SsoProperties.Provider provider = registrations.provider(providerId).orElseThrow(SsoRefusedException::new);
    String issuer = oidc.getIssuer().toString();
    String subject = oidc.getSubject();
    List<String> amr = Optional.ofNullable(oidc.getClaimAsStringList("amr")).orElse(List.of());
    String acr = oidc.getClaimAsString("acr");
    String facts = "provider=" + provider.id() + " amr=" + String.join(",", amr) + " acr=" + acr;
    String[] refusal = new String[1];
    String code = transactions.execute(status -> {
      Optional<UserAccount> account = links.find(issuer, subject).flatMap(users::findAccount)
          .or(() -> provider.autoProvision() ? Optional.of(provision(issuer, subject, oidc, origin)) : Optional.empty());
      if (account.isEmpty() || account.get().isDisabled()) {
        refusal[0] = account.isEmpty() ? "no linked user" : "disabled user";
        audit.record(new AuditEvent(account.map(a -> a.caller().id()).orElse(null),
            account.map(a -> a.caller().username()).orElse(AuditNames.attempted(subject)), "signin.sso",
            null, null, Decision.DENY, null, origin, facts + " " + refusal[0]));
        return null;
      }
      UserId user = account.get().caller().id();
      Outcome outcome = provider.acceptsAsMultiFactor(amr, acr) ? Outcome.SESSION
          : secondFactors.hasAny(user) ? Outcome.MFA : Outcome.ENROL;
      audit.record(new AuditEvent(user, account.get().caller().username(), "signin.sso", null, null,
          Decision.ALLOW, null, origin, facts + " outcome=" + outcome.name().toLowerCase(java.util.Locale.ROOT)));
      return handoffs.create(user, outcome, outcome == Outcome.SESSION ? "sso:" + String.join("+", amr) : "sso");
    });
    if (code == null) {
      throw new SsoRefusedException();
    }
    return code;
  }

  /** Redeems a handoff: a session's tokens, or a challenge for the local factor still needed. */
  SsoRedemption redeem(String code, RequestOrigin origin) {
    return transactions.execute(status -> {
      Handoff handoff = handoffs.redeem(code).orElseThrow(SignInFailedException::new);
      UserAccount account = users.findAccount(handoff.user()).filter(a -> !a.isDisabled())
          .orElseThrow(SignInFailedException::new);
      return switch (handoff.outcome()) {
        case SESSION -> {
          IssuedTokens tokens = sessions.start(handoff.user(), AssuranceLevel.AAL2, handoff.methods(), origin);
          audit.record(new AuditEvent(handoff.user(), account.caller().username(), "signin.success", null, null,
              Decision.ALLOW, null, origin, "method=" + handoff.methods() + " aal=2 session=" + tokens.sessionId()));
          yield SsoRedemption.signedIn(tokens);
        }
        case MFA -> SsoRedemption.challenge("MFA_REQUIRED", challenges.create(handoff.user(), Purpose.MFA));
        case ENROL -> SsoRedemption.challenge("ENROLMENT_REQUIRED", challenges.create(handoff.user(), Purpose.ENROL));
      };
    });
  }

  private UserAccount provision(String issuer, String subject, OidcUser oidc, RequestOrigin origin) {
    String username = usernameFor(oidc, issuer, subject);
    String displayName = Optional.ofNullable(oidc.getFullName()).filter(PlainTextRule::isPlain)
        .filter(n -> !n.isBlank() && n.length() <= 200).orElse(username);
    Caller created = users.create(username, displayName, OrgRole.MEMBER, null);
    links.link(issuer, subject, created.id());
    audit.record(new AuditEvent(null, "sso:" + issuer, "user.create", null, null, Decision.ALLOW, null, origin,
        "user=" + created.id() + " role=member provisioned from " + issuer));
    return users.findAccount(created.id()).orElseThrow();
  }

  /** The provider's preferred username when it is a valid, free Watchword username; else a stable derived one. */
  private String usernameFor(OidcUser oidc, String issuer, String subject) {
    String preferred = oidc.getPreferredUsername();
    if (preferred != null && preferred.matches(UserController.USERNAME_PATTERN)
        && users.findAccount(preferred).isEmpty()) {
      return preferred;
    }
    return "sso-" + OpaqueTokens.hash(issuer + "\n" + subject).substring(0, 12);
  }

  /** The answer to a redemption: either tokens or a status with a challenge, as the login endpoints give. */
  record SsoRedemption(String status, String challenge, IssuedTokens tokens) {

    static SsoRedemption signedIn(IssuedTokens tokens) {
      return new SsoRedemption("SIGNED_IN", null, tokens);
    }

    static SsoRedemption challenge(String status, String challenge) {
      return new SsoRedemption(status, challenge, null);
    }

    @Override
    public String toString() {
      return "SsoRedemption[" + status + "]";
    }
  }
}
