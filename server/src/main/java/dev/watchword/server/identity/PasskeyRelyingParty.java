package dev.watchword.server.identity;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.audit.Decision;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.web.PlainTextRule;
import dev.watchword.server.web.RequestOrigins;
import java.util.HashSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Watchword's WebAuthn relying party: Spring Security's webauthn4j ceremonies, with
 * Watchword's rules around them.
 *
 * <p>Guarantees: every ceremony requires user verification (WebAuthn Level 3 §7.1 step 17,
 * §7.2 step 17) and a discoverable credential, so a passkey alone is a multi-factor
 * authenticator; registration binds the credential to the signed-in caller only, names it with
 * a plain-text label of at most {@value Passkeys#MAX_LABEL_LENGTH} characters and is audited
 * ({@code factor.passkey.add}) in the transaction that stores it; authentication is throttled
 * and audited by {@link PasskeySignIn}. Origins and the RP ID are checked by webauthn4j
 * (§7.1 steps 9 and 13, §7.2 steps 13 and 15).
 */
@Component
class PasskeyRelyingParty implements WebAuthnRelyingPartyOperations {

  private final Webauthn4JRelyingPartyOperations ceremonies;
  private final PasskeySignIn signIn;
  private final AuditLog audit;
  private final TransactionTemplate transactions;

  PasskeyRelyingParty(PasskeyProperties properties, @Value("${server.port:8080}") int port,
      PasskeyUserEntities userEntities, Passkeys passkeys, PasskeySignIn signIn, AuditLog audit,
      TransactionTemplate transactions) {
    this.ceremonies = new Webauthn4JRelyingPartyOperations(userEntities, passkeys,
        PublicKeyCredentialRpEntity.builder().id(properties.rpId()).name(PasskeyProperties.RP_NAME).build(),
        new HashSet<>(properties.originsOr(port)));
    ceremonies.setCustomizeCreationOptions(options -> options.authenticatorSelection(
        AuthenticatorSelectionCriteria.builder()
            .userVerification(UserVerificationRequirement.REQUIRED)
            .residentKey(ResidentKeyRequirement.REQUIRED)
            .build()));
    ceremonies.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
    this.signIn = signIn;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Options for a new passkey of the signed-in caller; creates their user handle on first use. */
  @Override
  public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
      PublicKeyCredentialCreationOptionsRequest request) {
    caller(request.getAuthentication());
    return transactions.execute(status -> ceremonies.createPublicKeyCredentialCreationOptions(request));
  }

  /** §7.1: verifies the new credential and stores it for the caller who asked for the options. */
  @Override
  public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
    Caller caller = caller(SecurityContextHolder.getContext().getAuthentication());
    RequestOrigin origin = currentOrigin();
    String label = request.getPublicKey().getLabel();
    String refusal = label == null || label.isBlank() ? "a passkey needs a name"
        : label.length() > Passkeys.MAX_LABEL_LENGTH ? "a passkey name has at most " + Passkeys.MAX_LABEL_LENGTH
            + " characters"
        : !PlainTextRule.isPlain(label) ? "a passkey name must be plain text"
        : !caller.username().equalsIgnoreCase(request.getCreationOptions().getUser().getName())
            ? "the registration was started by another user" : null;
    if (refusal != null) {
      throw refused(caller, origin, refusal);
    }
    try {
      return transactions.execute(status -> {
        CredentialRecord record = ceremonies.registerCredential(request);
        audit.record(new AuditEvent(caller.id(), caller.username(), "factor.passkey.add", null, null,
            Decision.ALLOW, null, origin, "label=" + label));
        return record;
      });
    } catch (RuntimeException verificationFailed) {
      throw refused(caller, origin, "the authenticator's response did not verify");
    }
  }

  /** Usernameless: no credentials are listed, the authenticator offers its discoverable ones. */
  @Override
  public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
      PublicKeyCredentialRequestOptionsRequest request) {
    return ceremonies.createCredentialRequestOptions(request);
  }

  /** §7.2, behind the sign-in throttle; the caller then starts the session. */
  @Override
  public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
    return signIn.verify(request.getPublicKey().getRawId(), currentOrigin(),
        () -> ceremonies.authenticate(request));
  }

  private PasskeyRefusedException refused(Caller caller, RequestOrigin origin, String why) {
    transactions.executeWithoutResult(status -> audit.record(new AuditEvent(caller.id(), caller.username(),
        "factor.passkey.add", null, null, Decision.DENY, null, origin, why)));
    return new PasskeyRefusedException("The passkey was not registered: " + why + ".");
  }

  private static Caller caller(Authentication authentication) {
    if (authentication instanceof CallerAuthentication signedIn) {
      return signedIn.getPrincipal();
    }
    throw new SignInFailedException();
  }

  /** The ceremonies run inside Spring Security's filters, where the request is bound to the thread. */
  private static RequestOrigin currentOrigin() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
        ? RequestOrigins.of(attributes.getRequest()) : RequestOrigin.system();
  }
}
