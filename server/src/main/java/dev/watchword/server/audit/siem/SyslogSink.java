package dev.watchword.server.audit.siem;

import dev.watchword.server.audit.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends events to a syslog receiver over one long-lived TCP connection, TLS (RFC 5425) unless
 * configured off, each message framed by octet counting (RFC 6587 §3.4.1): {@code MSG-LEN SP SYSLOG-MSG}.
 *
 * <p>Guarantees: with TLS, the receiver's certificate is verified against the trust store and the
 * configured host name, and only TLS 1.2 or 1.3 is spoken. Connecting, the handshake and every
 * write are bounded by the timeout. Before each batch the connection is probed, so a receiver
 * that closed it (restart) costs a reconnect rather than the batch.
 *
 * <p>Limit: syslog has no acknowledgement. Events written into a connection that the receiver
 * drops before reading them are lost to it even though the cursor moved on; use the webhook for
 * strict at-least-once delivery.
 */
final class SyslogSink implements AuditSink {

  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final String host;
  private final int port;
  private final SSLSocketFactory tls;
  private final int timeoutMillis;
  private final SyslogFormat format;
  private final ScheduledExecutorService watchdog;
  private Socket socket;

  /** @param tls {@code null} for plain TCP */
  SyslogSink(String host, int port, SSLSocketFactory tls, Duration timeout, SyslogFormat format) {
    this.host = host;
    this.port = port;
    this.tls = tls;
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    this.format = format;
    this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "audit-sink-syslog-watchdog");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public String name() {
    return "syslog";
  }

  @Override
  public void deliver(List<AuditRecord> batch) {
    byte[] frames = frames(batch);
    try {
      Socket connection = connection();
      // a blocked write (receiver stopped reading, full TCP window) is cut off by closing the socket
      ScheduledFuture<?> cutOff = watchdog.schedule(() -> closeQuietly(connection), timeoutMillis,
          TimeUnit.MILLISECONDS);
      try {
        OutputStream out = connection.getOutputStream();
        out.write(frames);
        out.flush();
      } finally {
        cutOff.cancel(false);
      }
    } catch (IOException e) {
      disconnect();
      throw DeliveryException.transientFailure("syslog " + host + ":" + port + ": " + DeliveryException.describe(e), e);
    }
  }

  /** RFC 6587 §3.4.1: {@code SYSLOG-FRAME = MSG-LEN SP SYSLOG-MSG}, MSG-LEN in octets. */
  byte[] frames(List<AuditRecord> batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 768);
    for (AuditRecord event : batch) {
      byte[] message = format.message(event);
      out.writeBytes((message.length + " ").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(message);
    }
    return out.toByteArray();
  }

  private Socket connection() throws IOException {
    if (socket != null && !stillOpen(socket)) {
      disconnect();
    }
    if (socket == null) {
      socket = open();
    }
    return socket;
  }

  private Socket open() throws IOException {
    Socket plain = new Socket();
    try {
      plain.connect(new InetSocketAddress(host, port), timeoutMillis);
      plain.setSoTimeout(timeoutMillis);
      plain.setKeepAlive(true);
      if (tls == null) {
        return plain;
      }
      SSLSocket secure = (SSLSocket) tls.createSocket(plain, host, port, true);
      SSLParameters parameters = secure.getSSLParameters();
      // RFC 5425 §5.2 / RFC 6125: the certificate must name the host we meant to reach
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      parameters.setProtocols(PROTOCOLS);
      secure.setSSLParameters(parameters);
      secure.startHandshake();
      return secure;
    } catch (IOException | RuntimeException e) {
      closeQuietly(plain);
      throw e;
    }
  }

  /**
   * A syslog receiver never sends application data, so a short read tells an open connection
   * (timeout) from one the receiver closed (end of stream or reset).
   */
  private static boolean stillOpen(Socket connection) {
    try {
      int timeout = connection.getSoTimeout();
      connection.setSoTimeout(1);
      try {
        return connection.getInputStream().read() >= 0;
      } finally {
        connection.setSoTimeout(timeout);
      }
    } catch (SocketTimeoutException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void disconnect() {
    if (socket != null) {
      closeQuietly(socket);
      socket = null;
    }
  }

  private static void closeQuietly(Socket connection) {
    try {
      connection.close();
    } catch (IOException ignored) {
      // already broken; nothing more to release
    }
  }

  @Override
  public void close() {
    disconnect();
    watchdog.shutdownNow();
  }
}
