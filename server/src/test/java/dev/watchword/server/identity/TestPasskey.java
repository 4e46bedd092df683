package dev.watchword.server.identity;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A software passkey and the browser around it, for tests: an ES256 discoverable credential
 * that answers WebAuthn Level 3 creation (§6.3.2, "none" attestation) and assertion (§6.3.3)
 * requests with user presence and user verification, producing the JSON that Spring Security's
 * endpoints read. The origin and RP ID it claims are the test's choice, so a phishing site can
 * be played too.
 */
final class TestPasskey {

  private static final byte UP = 0x01;
  private static final byte UV = 0x04;
  private static final byte AT = 0x40;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair keys;
  private final byte[] credentialId = new byte[32];
  private byte[] userHandle;
  private long counter;

  TestPasskey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    RANDOM.nextBytes(credentialId);
  }

  /** Makes this authenticator behave like a copy of itself taken earlier: its signature counter goes back. */
  void rewindCounterTo(long earlier) {
    counter = earlier;
  }

  String credentialId() {
    return B64.encodeToString(credentialId);
  }

  byte[] publicKeyEncoded() {
    return keys.getPublic().getEncoded();
  }

  /** The body of {@code POST /webauthn/register} for creation options' challenge and user handle. */
  String register(String challenge, String userId, String origin, String rpId, String label) {
    userHandle = Base64.getUrlDecoder().decode(userId);
    byte[] clientData = clientData("webauthn.create", challenge, origin);
    AttestedCredentialData credential = new AttestedCredentialData(new AAGUID(new byte[16]), credentialId,
        EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
    AuthenticatorData<com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput> data =
        new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), (byte) (UP | UV | AT), counter,
            credential);
    byte[] attestation = new AttestationObjectConverter(new ObjectConverter())
        .convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
    return """
        {"publicKey":{"credential":{"id":"%1$s","rawId":"%1$s","type":"public-key",\
        "response":{"attestationObject":"%2$s","clientDataJSON":"%3$s","transports":["internal"]},\
        "clientExtensionResults":{},"authenticatorAttachment":"platform"},"label":"%4$s"}}"""
        .formatted(credentialId(), B64.encodeToString(attestation), B64.encodeToString(clientData), label);
  }

  /** The body of {@code POST /login/webauthn} for request options' challenge. */
  String sign(String challenge, String origin, String rpId) {
    byte[] clientData = clientData("webauthn.get", challenge, origin);
    counter++;
    byte[] authenticatorData = ByteBuffer.allocate(37).put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
        .put((byte) (UP | UV)).putInt((int) counter).array();
    byte[] signature;
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(keys.getPrivate());
      signer.update(authenticatorData);
      signer.update(sha256(clientData));
      signature = signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return """
        {"id":"%1$s","rawId":"%1$s","type":"public-key","response":{"authenticatorData":"%2$s",\
        "clientDataJSON":"%3$s","signature":"%4$s","userHandle":"%5$s"},"clientExtensionResults":{},\
        "authenticatorAttachment":"platform"}"""
        .formatted(credentialId(), B64.encodeToString(authenticatorData), B64.encodeToString(clientData),
            B64.encodeToString(signature), B64.encodeToString(userHandle));
  }

  private static byte[] clientData(String type, String challenge, String origin) {
    return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
        + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
