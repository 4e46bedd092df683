package dev.watchword.server.audit;

import dev.watchword.server.shared.Actor;
import dev.watchword.server.shared.RequestOrigin;
import dev.watchword.server.shared.VaultId;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail as its readers use it: verification, queries and exports. Exports are
 * themselves audited (who took a copy of the log, and of what).
 */
@Service
public class AuditTrail {

  private final AuditReader reader;
  private final AuditStore store;
  private final AuditKeyring keyring;
  private final HeadPublisher publisher;
  private final AuditLog log;
  private final TransactionTemplate transactions;

  AuditTrail(AuditReader reader, AuditStore store, AuditKeyring keyring, HeadPublisher publisher, AuditLog log,
      TransactionTemplate transactions) {
    this.reader = reader;
    this.store = store;
    this.keyring = keyring;
    this.publisher = publisher;
    this.log = log;
    this.transactions = transactions;
  }

  /** Verifies the log; heads committed before this call are in the head file first. */
  public Verification verify() {
    publisher.flush();
    return new AuditVerifier(store, keyring.keys(), publisher.headFile()).verify();
  }

  public List<AuditRecord> page(AuditQuery query) {
    return reader.page(query);
  }

  /** A page for a viewer: newest first, older than {@code before} when it is given. */
  List<AuditRecord> newestFirst(AuditQuery query, Long before) {
    return reader.newestFirst(query, before);
  }

  /** Where the log stands, without verifying it: cheap enough for every page view. */
  AuditStatus status() {
    return store.status().orElse(AuditStatus.of(0, 0, 0, 0));
  }

  /**
   * Records, now, that {@code actor} exports the events matching {@code query} (of one vault, for a
   * client report, when {@code vault} is given), and returns what streams them; an export whose
   * audit row cannot be written does not start.
   */
  public Consumer<OutputStream> export(Actor actor, VaultId vault, AuditQuery query, AuditExport format,
      RequestOrigin origin) {
    transactions.executeWithoutResult(status -> log.record(new AuditEvent(actor.id(), actor.username(),
        "audit.export", vault, null, Decision.ALLOW, null, origin, "format=" + format.name().toLowerCase()
            + filterDetail(query))));
    return out -> format.write(reader, query, out);
  }

  private static String filterDetail(AuditQuery query) {
    StringBuilder detail = new StringBuilder();
    append(detail, "vault", query.vaultId());
    append(detail, "entry", query.entryId());
    append(detail, "actor", query.actor());
    append(detail, "action", query.action());
    append(detail, "decision", query.decision());
    append(detail, "from", query.from());
    append(detail, "to", query.to());
    return detail.toString();
  }

  private static void append(StringBuilder detail, String name, Object value) {
    if (value != null) {
      detail.append(' ').append(name).append('=').append(value);
    }
  }
}
