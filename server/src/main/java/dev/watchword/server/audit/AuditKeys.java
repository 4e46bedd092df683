package dev.watchword.server.audit;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.SignatureConfig;
import dev.watchword.server.crypto.ServerSecrets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit's two keys: the chain key (HMAC-SHA256, 256 bits) that links events, and the Ed25519
 * key that signs checkpoints. Both are generated once per installation, sealed under the master
 * key, and stored in {@code audit_key}.
 *
 * <p>Guarantee: neither private key is ever stored, logged or returned unsealed.
 */
final class AuditKeys {

  private static final String CHAIN_CONTEXT = "audit:chain-key";
  private static final String SIGNING_CONTEXT = "audit:signing-key";

  static {
    try {
      SignatureConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink signatures are not available", e);
    }
  }

  private final AuditChain chain;
  private final PublicKeySign signer;
  private final PublicKeyVerify verifier;

  private AuditKeys(AuditChain chain, PublicKeySign signer, PublicKeyVerify verifier) {
    this.chain = chain;
    this.signer = signer;
    this.verifier = verifier;
  }

  /** The installation's audit keys, created on first use (several nodes may race; one wins). */
  static Opened loadOrCreate(JdbcClient jdbc, ServerSecrets secrets, SecureRandom random, long nowMillis) {
    return load(jdbc, secrets).map(keys -> new Opened(keys, false)).orElseGet(() -> {
      boolean created;
      try {
        create(jdbc, secrets, random, nowMillis);
        created = true;
      } catch (DuplicateKeyException anotherNodeWon) {
        // use the keys the other node stored; its start records their creation
        created = false;
      }
      return new Opened(load(jdbc, secrets).orElseThrow(), created);
    });
  }

  /** The installation's keys, and whether this node generated them just now. */
  record Opened(AuditKeys keys, boolean created) {}

  /** The stored keys, for a verifier that must not create any. */
  static Optional<AuditKeys> load(JdbcClient jdbc, ServerSecrets secrets) {
    return jdbc.sql("SELECT chain_key, signing_keyset FROM audit_key WHERE id = 1")
        .query((rs, n) -> open(secrets, rs.getBytes("chain_key"), rs.getBytes("signing_keyset")))
        .optional();
  }

  AuditChain chain() {
    return chain;
  }

  byte[] sign(byte[] message) {
    try {
      return signer.sign(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign an audit checkpoint", e);
    }
  }

  boolean verifies(byte[] signature, byte[] message) {
    try {
      verifier.verify(signature, message);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static void create(JdbcClient jdbc, ServerSecrets secrets, SecureRandom random, long nowMillis) {
    byte[] chainKey = new byte[32];
    random.nextBytes(chainKey);
    try {
      KeysetHandle signing = KeysetHandle.generateNew(Ed25519Parameters.create(Ed25519Parameters.Variant.NO_PREFIX));
      byte[] signingKeyset = TinkProtoKeysetFormat.serializeKeyset(signing, InsecureSecretKeyAccess.get());
      jdbc.sql("""
              INSERT INTO audit_key (id, chain_key, signing_keyset, created_at)
              VALUES (1, :chainKey, :signingKeyset, :now)""")
          .param("chainKey", secrets.seal(CHAIN_CONTEXT, chainKey))
          .param("signingKeyset", secrets.seal(SIGNING_CONTEXT, signingKeyset))
          .param("now", nowMillis)
          .update();
      Arrays.fill(signingKeyset, (byte) 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot create the audit signing key", e);
    } finally {
      Arrays.fill(chainKey, (byte) 0);
    }
  }

  /**
   * Opens the sealed keys. The verifying key is derived from the sealed signing key, so nobody
   * with database access alone can swap in a key of their own.
   */
  private static AuditKeys open(ServerSecrets secrets, byte[] sealedChainKey, byte[] sealedSigningKeyset) {
    byte[] chainKey = secrets.open(CHAIN_CONTEXT, sealedChainKey);
    byte[] signingKeyset = secrets.open(SIGNING_CONTEXT, sealedSigningKeyset);
    try {
      KeysetHandle signing = TinkProtoKeysetFormat.parseKeyset(signingKeyset, InsecureSecretKeyAccess.get());
      KeysetHandle verifying = signing.getPublicKeysetHandle();
      return new AuditKeys(new AuditChain(chainKey),
          signing.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class),
          verifying.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The stored audit keys are unreadable", e);
    } finally {
      Arrays.fill(chainKey, (byte) 0);
      Arrays.fill(signingKeyset, (byte) 0);
    }
  }
}
