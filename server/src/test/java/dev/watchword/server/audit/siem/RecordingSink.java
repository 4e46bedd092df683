package dev.watchword.server.audit.siem;

import dev.watchword.server.audit.AuditRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink that keeps what it was given; with {@code crashAfterDelivery} it then fails as a server
 * dying between delivery and the cursor's commit would.
 */
final class RecordingSink implements AuditSink {

  private final String name;
  private final boolean crashAfterDelivery;
  private final List<Long> received = new ArrayList<>();

  RecordingSink(String name, boolean crashAfterDelivery) {
    this.name = name;
    this.crashAfterDelivery = crashAfterDelivery;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void deliver(List<AuditRecord> batch) {
    batch.forEach(event -> received.add(event.seq()));
    if (crashAfterDelivery) {
      throw new IllegalStateException("simulated crash after delivery, before the cursor commit");
    }
  }

  List<Long> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {}
}
