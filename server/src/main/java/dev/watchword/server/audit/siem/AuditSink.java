package dev.watchword.server.audit.siem;

import dev.watchword.server.audit.AuditRecord;
import java.util.List;

/**
 * Where audit events go. A sink is driven by one thread only.
 *
 * <p>Guarantee asked of implementations: {@link #deliver} returns normally only once the receiver
 * holds every event of the batch as far as the transport can tell; otherwise it throws, and the
 * same events (and possibly more) are offered again later.
 */
interface AuditSink extends AutoCloseable {

  /** The sink's name, which is also the key of its cursor in {@code audit_sink_cursor}. */
  String name();

  /**
   * Hands {@code batch} (non-empty, in sequence order) to the receiver.
   *
   * @throws DeliveryException with a message free of secrets, when the batch may not have arrived
   */
  void deliver(List<AuditRecord> batch);

  /** Releases connections and threads; never throws. */
  @Override
  void close();
}
