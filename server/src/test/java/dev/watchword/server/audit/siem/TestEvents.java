package dev.watchword.server.audit.siem;

import dev.watchword.server.audit.AuditRecord;
import java.time.Instant;

/** Audit records for tests that need no database: {@code TestEvents.event(7).actor("zoe").deny().build()}. */
final class TestEvents {

  static final Instant AT = Instant.parse("2026-03-01T12:34:56.789Z");

  private long seq;
  private String actor = "alice";
  private String action = "code.release";
  private String decision = "allow";
  private String reason = "INC-1";
  private String rule;

  private TestEvents(long seq) {
    this.seq = seq;
  }

  static TestEvents event(long seq) {
    return new TestEvents(seq);
  }

  TestEvents actor(String name) {
    this.actor = name;
    return this;
  }

  TestEvents action(String verb) {
    this.action = verb;
    return this;
  }

  TestEvents reason(String text) {
    this.reason = text;
    return this;
  }

  TestEvents rule(String name) {
    this.rule = name;
    return this;
  }

  TestEvents deny() {
    this.decision = "deny";
    return this;
  }

  AuditRecord build() {
    return new AuditRecord(seq, AT, actor, "7f1c2e0a-0000-4000-8000-000000000001", action,
        "5b0e8a52-0000-4000-8000-000000000002", "9d4c1f7e-0000-4000-8000-000000000003", decision, reason, rule,
        "192.0.2.10", "curl/8.5", "s-123", "step=1");
  }
}
