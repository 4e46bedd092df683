package dev.watchword.server.vault;

import dev.watchword.server.audit.AuditEvent;
import dev.watchword.server.audit.AuditLog;
import dev.watchword.server.crypto.SeedCipher;
import dev.watchword.server.identity.Caller;
import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.VaultId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds and lists entries; a seed goes in encrypted and never comes back out of this service. */
@Service
class EntryService {

  private final VaultService vaults;
  private final EntryRepository entries;
  private final SeedCipher cipher;
  private final AuditLog audit;
  private final Clock clock;

  EntryService(VaultService vaults, EntryRepository entries, SeedCipher cipher, AuditLog audit, Clock clock) {
    this.vaults = vaults;
    this.entries = entries;
    this.cipher = cipher;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  Entry create(Caller caller, VaultId vaultId, EntryDraft draft, RequestOrigin origin) {
    vaults.getWithRole(caller, vaultId, VaultRole.EDITOR);
    return insert(caller, vaultId, draft, origin, null);
  }

  /**
   * Seals and stores one entry and audits it, in the caller's transaction; the caller has checked
   * the editor role. Destroys the draft's seed.
   */
  Entry insert(Caller caller, VaultId vaultId, EntryDraft draft, RequestOrigin origin, String detail) {
    return insertAll(caller, vaultId, List.of(draft), origin, java.util.Collections.singletonList(detail)).get(0);
  }

  /**
   * Seals and stores entries, in order, and audits each ({@code entry.create} with its {@code
   * details} item), in the caller's transaction with a few batched statements; the caller has
   * checked the editor role. Destroys every draft's seed, also when it fails.
   */
  List<Entry> insertAll(Caller caller, VaultId vaultId, List<EntryDraft> drafts, RequestOrigin origin,
      List<String> details) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    List<EntryRepository.Sealed> sealed = new ArrayList<>(drafts.size());
    List<AuditEvent> events = new ArrayList<>(drafts.size());
    try {
      for (int i = 0; i < drafts.size(); i++) {
        EntryDraft draft = drafts.get(i);
        EntryId id = EntryId.random();
        Entry entry = new Entry(id, vaultId, draft.issuer(), draft.account(), draft.parameters(),
            draft.secret().isWeak(), now, null, false, draft.tags());
        byte[] seed = draft.secret().bytes();
        try {
          sealed.add(new EntryRepository.Sealed(entry, cipher.encrypt(vaultId, id, seed)));
        } finally {
          java.util.Arrays.fill(seed, (byte) 0);
        }
        events.add(AuditEvent.allowed(caller.id(), caller.username(), "entry.create", vaultId, id, origin)
            .withDetail(details.get(i)));
      }
    } finally {
      drafts.forEach(draft -> draft.secret().destroy());
    }
    entries.insertAll(sealed, caller.id());
    audit.recordAll(events);
    return sealed.stream().map(EntryRepository.Sealed::entry).toList();
  }

  /**
   * Changes what {@code changes} gives, audited as one {@code entry.settings}. Tags need the editor
   * role; marking an entry high-value (or ordinary) the manager role; renaming the editor role,
   * or the manager role for a protected entry (see {@link #roleToRename}). An entry the caller
   * cannot see is "not found" before their role is weighed.
   */
  @Transactional
  Entry update(Caller caller, VaultId vaultId, EntryId entryId, EntryChanges changes, RequestOrigin origin) {
    Vault vault = vaults.getVisible(caller, vaultId);
    Entry before = find(vault, entryId);
    VaultService.requireRole(vault, changes.highValue() != null ? VaultRole.MANAGER : VaultRole.EDITOR);
    if (changes.renames(before)) {
      VaultService.requireRole(vault, roleToRename(vault, before));
      entries.rename(vaultId, entryId, changes.issuerAfter(before), changes.accountAfter(before));
    }
    if (changes.highValue() != null) {
      entries.setHighValue(vaultId, entryId, changes.highValue());
    }
    if (changes.tags() != null) {
      entries.replaceTags(vaultId, entryId, changes.tags());
    }
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "entry.settings", vaultId, entryId, origin)
        .withDetail(changes.auditDetail(before)));
    return entries.find(vaultId, entryId).orElseThrow();
  }

  /**
   * Deletes the entry and its sealed seed for good, audited {@code entry.delete} with its name. Its
   * audit events stay: the chain never loses a link. Editors delete; a protected entry only a
   * manager (see {@link #roleToDelete}).
   */
  @Transactional
  void delete(Caller caller, VaultId vaultId, EntryId entryId, RequestOrigin origin) {
    Vault vault = vaults.getVisible(caller, vaultId);
    Entry entry = find(vault, entryId);
    VaultService.requireRole(vault, roleToDelete(vault, entry));
    entries.delete(vaultId, entryId);
    audit.record(AuditEvent.allowed(caller.id(), caller.username(), "entry.delete", vaultId, entryId, origin)
        .withDetail(EntryChanges.quotedName(entry.issuer(), entry.account())));
  }

  /**
   * Renaming an entry whose codes need a second person (it or its vault is high-value) is a
   * manager's: the approver reads the entry's name, which the requester must not be able to dress up.
   */
  static VaultRole roleToRename(Vault vault, Entry entry) {
    return needsSecondPerson(vault, entry) ? VaultRole.MANAGER : VaultRole.EDITOR;
  }

  /**
   * Deleting is a manager's when the entry needs a second person (only a manager may lift that
   * protection) or its seed was revealed and not yet replaced (deleting it would hide from the
   * offboarding report a seed that still works at the provider).
   */
  static VaultRole roleToDelete(Vault vault, Entry entry) {
    return needsSecondPerson(vault, entry) || entry.rotationDue() ? VaultRole.MANAGER : VaultRole.EDITOR;
  }

  private static boolean needsSecondPerson(Vault vault, Entry entry) {
    return entry.highValue() || vault.rules().highValue();
  }

  /** The entry in {@code vault}, which the caller sees; otherwise "not found". */
  Entry find(Vault vault, EntryId entryId) {
    return entries.find(vault.id(), entryId).orElseThrow(EntryNotFoundException::new);
  }

  // No transaction: on SQLite every transaction takes the write lock up front (BEGIN IMMEDIATE),
  // and these reads need no more consistency than each statement gives.
  /** The vault's entries; only those tagged {@code tag} unless it is {@code null} (already normalised). */
  List<Entry> list(Caller caller, VaultId vaultId, String tag) {
    vaults.getVisible(caller, vaultId);
    return entries.list(vaultId, tag);
  }
}
