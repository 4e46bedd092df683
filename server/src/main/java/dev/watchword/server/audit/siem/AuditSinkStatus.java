package dev.watchword.server.audit.siem;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The read-only view of the SIEM sinks for an API or a health check: per configured sink its
 * state, persisted cursor, lag behind the newest event, last success and last error. Callers
 * decide who may see it. Never exposes a secret.
 */
@Component
public class AuditSinkStatus {

  private final SinkDeliveries deliveries;

  AuditSinkStatus(SinkDeliveries deliveries) {
    this.deliveries = deliveries;
  }

  /** One entry per enabled sink (none when no sink is enabled); MUST NOT return null. */
  public List<SinkStatus> sinks() {
    return deliveries.statuses();
  }
}
