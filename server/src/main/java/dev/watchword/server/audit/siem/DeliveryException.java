package dev.watchword.server.audit.siem;

import java.time.Duration;
import java.util.Optional;

/**
 * A batch that may not have reached its receiver. Transient failures are retried with backoff;
 * a permanent one (the receiver refuses the request itself) halts the sink, which keeps its
 * cursor, so no event is skipped. The message names the receiver and what went wrong, never a
 * secret.
 */
final class DeliveryException extends RuntimeException {

  private final boolean permanent;
  private final transient Duration retryAfter;

  private DeliveryException(String message, boolean permanent, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
    this.retryAfter = retryAfter;
  }

  static DeliveryException transientFailure(String message, Throwable cause) {
    return new DeliveryException(message, false, null, cause);
  }

  /** A transient failure after which the receiver asked us to wait ({@code Retry-After}). */
  static DeliveryException retryLater(String message, Duration retryAfter) {
    return new DeliveryException(message, false, retryAfter, null);
  }

  static DeliveryException permanentFailure(String message) {
    return new DeliveryException(message, true, null, null);
  }

  boolean permanent() {
    return permanent;
  }

  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** An I/O failure described by its type and message (which the JDK keeps free of our secrets). */
  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
