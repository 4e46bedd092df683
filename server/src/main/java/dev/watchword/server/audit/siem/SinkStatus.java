package dev.watchword.server.audit.siem;

import java.time.Instant;

/**
 * How far one sink has come. Holds no secret: errors name the receiver and the failure only.
 *
 * @param state {@code running}, {@code retrying} (a transient failure, backing off),
 *     {@code halted} (the receiver refused the events; fix it, then restart the server) or
 *     {@code stopped}
 * @param cursor the last delivered sequence number, as persisted
 * @param lag events appended but not yet delivered ({@code head - cursor})
 * @param lastSuccess when a batch was last delivered by this node; {@code null} if never
 * @param lastError the latest failure, {@code null} once a batch succeeds again
 */
public record SinkStatus(String sink, String state, long cursor, long head, long lag, Instant lastSuccess,
    String lastError, Instant lastErrorAt) {}
