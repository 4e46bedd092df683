package dev.watchword.server.vault;

import dev.watchword.otp.imports.ImportFormatException;
import dev.watchword.otp.imports.ImportResult;
import dev.watchword.otp.imports.ImportedEntry;
import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.VaultId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an authenticator export or QR image into a vault (editors).
 *
 * <p>Guarantees: the file is parsed and checked before anything is written; a real import is
 * all or nothing (one transaction, refused with every bad entry listed if any entry cannot be
 * read); an entry whose issuer, account and secret equal an entry already in the vault, or one
 * earlier in the file, is skipped and counted; a dry run writes nothing but its audit event; each
 * imported entry is audited like one added by hand, plus one summary event for the import.
 */
@Service
class EntryImporter {

  private final VaultService vaults;
  private final EntryService entryService;
  private final EntryRepository entries;
  private final SealedSeeds seeds;
  private final AuditLog audit;
  private final TransactionTemplate transactions;

  EntryImporter(VaultService vaults, EntryService entryService, EntryRepository entries, SealedSeeds seeds,
      AuditLog audit, TransactionTemplate transactions) {
    this.vaults = vaults;
    this.entryService = entryService;
    this.entries = entries;
    this.seeds = seeds;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** {@code parse} reads the upload with the import library; its refusals become 4xx problems. */
  ImportReport importInto(Caller caller, VaultId vaultId, Supplier<ImportResult> parse, boolean dryRun,
      RequestOrigin origin) {
    vaults.getWithRole(caller, vaultId, VaultRole.EDITOR);
    ImportResult parsed;
    try {
      parsed = parse.get();
    } catch (ImportFormatException e) {
      throw ImportRefusedException.of(e);
    }
    String format = parsed.format().name().toLowerCase(Locale.ROOT);
    List<ImportReport.Error> errors = parsed.problems().stream()
        .map(p -> new ImportReport.Error(p.position(), p.message())).toList();
    if (dryRun) {
      ImportReport preview = classify(vaultId, parsed, format, errors, true, null, null);
      transactions.executeWithoutResult(status -> audit.record(summary(caller, vaultId, origin, preview)));
      return preview;
    }
    if (!parsed.problems().isEmpty()) {
      throw new ImportHasErrorsException(parsed.problems());
    }
    return transactions.execute(status -> {
      vaults.getWithRole(caller, vaultId, VaultRole.EDITOR);
      ImportReport report = classify(vaultId, parsed, format, errors, false, caller, origin);
      audit.record(summary(caller, vaultId, origin, report));
      return report;
    });
  }

  /**
   * Sorts the file's entries into new and duplicate; unless this is a dry run, stores the new ones
   * together (one batch of entries, one of audit events) and reports their ids in file order.
   */
  private ImportReport classify(VaultId vaultId, ImportResult parsed, String format, List<ImportReport.Error> errors,
      boolean dryRun, Caller caller, RequestOrigin origin) {
    Set<String> known = fingerprintsOf(vaultId, parsed);
    List<ImportReport.Item> items = new ArrayList<>();
    List<EntryDraft> drafts = new ArrayList<>();
    List<String> details = new ArrayList<>();
    List<Integer> draftItems = new ArrayList<>();
    for (ImportedEntry candidate : parsed.entries()) {
      String issuer = candidate.credential().hasIssuer() ? candidate.issuer() : null;
      String type = candidate.type().lowerName();
      boolean duplicate = !known.add(fingerprint(issuer, candidate.account(), candidate.secret().bytes()));
      items.add(new ImportReport.Item(candidate.position(), issuer, candidate.account(), type,
          duplicate ? "duplicate" : dryRun ? "new" : "imported", null));
      if (duplicate || dryRun) {
        candidate.secret().destroy();
        continue;
      }
      drafts.add(new EntryDraft(issuer, candidate.account(), candidate.secret(), candidate.parameters()));
      details.add("import " + format + " " + candidate.position());
      draftItems.add(items.size() - 1);
    }
    if (!drafts.isEmpty()) {
      List<Entry> stored = entryService.insertAll(caller, vaultId, drafts, origin, details);
      for (int i = 0; i < stored.size(); i++) {
        ImportReport.Item item = items.get(draftItems.get(i));
        items.set(draftItems.get(i), new ImportReport.Item(item.position(), item.issuer(), item.account(), item.type(),
            item.status(), stored.get(i).id().toString()));
      }
    }
    long imported = items.stream().filter(item -> !item.status().equals("duplicate")).count();
    return new ImportReport(format, dryRun, (int) imported, parsed.entries().size() - (int) imported, items, errors);
  }

  /**
   * The fingerprints of the vault's entries that could be duplicates: only those whose issuer and
   * account appear in the file, so an import opens no seed it does not have to.
   */
  private Set<String> fingerprintsOf(VaultId vaultId, ImportResult parsed) {
    Set<String> labels = new HashSet<>();
    parsed.entries().forEach(e -> labels.add(label(e.credential().hasIssuer() ? e.issuer() : null, e.account())));
    Set<String> fingerprints = new HashSet<>();
    for (SealedEntry sealed : entries.listSealed(vaultId)) {
      Entry entry = sealed.entry();
      if (labels.contains(label(entry.issuer(), entry.account()))) {
        fingerprints.add(seeds.withSeed(sealed, seed -> fingerprint(entry.issuer(), entry.account(), seed)));
      }
    }
    return fingerprints;
  }

  private static String label(String issuer, String account) {
    return (issuer == null ? "" : issuer) + '\0' + account;
  }

  /**
   * A one-way digest of (issuer, account, secret), so the duplicate check keeps no seed in memory
   * longer than it takes to hash it. Length prefixes keep ("a", "bc") apart from ("ab", "c").
   */
  private static String fingerprint(String issuer, String account, byte[] secret) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (byte[] part : new byte[][] {bytes(issuer), bytes(account), secret}) {
        sha256.update((byte) (part.length >>> 8));
        sha256.update((byte) part.length);
        sha256.update(part);
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static byte[] bytes(String text) {
    return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
  }

  private static AuditEvent summary(Caller caller, VaultId vaultId, RequestOrigin origin, ImportReport report) {
    return AuditEvent.allowed(caller.id(), caller.username(), report.dryRun() ? "vault.import.preview" : "vault.import",
        vaultId, null, origin)
        .withDetail("format=" + report.format() + " imported=" + report.imported() + " skipped=" + report.skipped()
            + " errors=" + report.errors().size());
  }
}
