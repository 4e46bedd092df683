package dev.watchword.server.audit;

import dev.watchword.server.shared.EntryId;
import dev.watchword.server.shared.VaultId;
import java.time.Instant;

/** One allowed action of an actor, as found in the audit: where and when. */
public record RecordedAction(VaultId vaultId, EntryId entryId, Instant at) {}
