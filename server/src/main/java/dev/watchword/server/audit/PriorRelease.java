package dev.watchword.server.audit;

import java.time.Instant;

/** An earlier allowed release of the same code: to whom, and when. */
public record PriorRelease(String to, Instant at) {}
