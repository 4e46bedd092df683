package dev.watchword.server.vault;

import dev.watchword.otp.OtpauthUri;
import dev.watchword.otp.imports.WatchwordExport;
import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.identity.StepUp;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.VaultId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports a whole vault as a password-encrypted Watchword export file ({@link WatchwordExport}),
 * which the import endpoint reads back: for moving a client's vault between installations.
 *
 * <p>Guarantees: managers only, after a recent sign-in (step-up), and the export is audited
 * ({@code vault.export}, with the number of entries) before the file is returned; the seeds leave
 * only inside the file, encrypted under the caller's password, never in plain text.
 */
@Service
class VaultExporter {

  private final VaultService vaults;
  private final EntryRepository entries;
  private final SealedSeeds seeds;
  private final StepUp stepUp;
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final SecureRandom random;

  VaultExporter(VaultService vaults, EntryRepository entries, SealedSeeds seeds, StepUp stepUp, AuditLog audit,
      TransactionTemplate transactions, SecureRandom random) {
    this.vaults = vaults;
    this.entries = entries;
    this.seeds = seeds;
    this.stepUp = stepUp;
    this.audit = audit;
    this.transactions = transactions;
    this.random = random;
  }

  /** The file's bytes; the caller should zero {@code password} afterwards. */
  byte[] export(Caller caller, VaultId vaultId, char[] password, RequestOrigin origin) {
    Vault vault = vaults.getWithRole(caller, vaultId, VaultRole.MANAGER);
    stepUp.requireRecentAal2(caller);
    List<OtpauthUri> uris = new ArrayList<>();
    try {
      for (SealedEntry sealed : entries.listSealed(vaultId)) {
        uris.add(seeds.uri(sealed));
      }
      byte[] file = WatchwordExport.write(vault.name(), vault.client(), uris, password, random);
      transactions.executeWithoutResult(status -> audit.record(AuditEvent.allowed(caller.id(), caller.username(),
          "vault.export", vaultId, null, origin).withDetail("format=watchword entries=" + uris.size())));
      return file;
    } finally {
      uris.forEach(uri -> uri.secret().destroy());
    }
  }
}
