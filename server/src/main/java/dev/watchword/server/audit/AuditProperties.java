package dev.watchword.server.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit trail ({@code watchword.audit.*}).
 *
 * @param checkpointEvery a signed checkpoint is cut after this many events at most
 * @param checkpointInterval ... or once this much time has passed since the last one, at the next event
 * @param retention how long events are kept; {@code null} keeps them for ever. Pruning leaves a
 *     signed anchor, so verification still covers what remains
 * @param headFile where the newest signed checkpoint is copied outside the database, so a
 *     verifier notices newest events deleted together with their checkpoints; {@code null} means
 *     {@code audit-head.json} in the data directory
 */
@ConfigurationProperties("watchword.audit")
public record AuditProperties(Integer checkpointEvery, Duration checkpointInterval, Duration retention,
    Path headFile) {

  public AuditProperties {
    if (checkpointEvery == null) {
      checkpointEvery = 256;
    }
    if (checkpointInterval == null) {
      checkpointInterval = Duration.ofMinutes(1);
    }
    if (checkpointEvery < 1) {
      throw new IllegalArgumentException("watchword.audit.checkpoint-every must be at least 1");
    }
    if (retention != null && retention.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("watchword.audit.retention must be at least one day (P1D)");
    }
  }
}
