package dev.watchword.benchmarks.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that sends the same small JSON POST again and again and
 * reads each answer's status, skipping its body. A load driver on the server's own cores must
 * cost little per request: {@code java.net.http} spends about 1.3 ms of CPU per request here,
 * this a small fraction of that, which leaves the cores to the server being measured.
 *
 * <p>Not a general client: no TLS, no redirects, no 1xx answers; it expects the server to answer
 * with {@code Content-Length} or chunked bodies. Not thread-safe: one per load thread. The bearer
 * token lives only in the request bytes in memory.
 */
public final class KeepAliveConnection implements AutoCloseable {

  private final URI base;
  private final byte[] request;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  /** A connection that POSTs {@code json} to {@code path} with the bearer {@code token}. */
  public KeepAliveConnection(URI base, String token, String path, String json) {
    this.base = base;
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\n"
        + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
        + "Authorization: Bearer " + token + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Accept: application/json\r\n"
        + "User-Agent: watchword-load\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
    this.request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
  }

  /** Sends the request and returns the answer's status; reconnects once if the server closed the connection. */
  public int post() throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      return exchange();
    } catch (IOException closedByServer) {
      close();
      connect();
      return exchange();
    }
  }

  private void connect() throws IOException {
    socket = new Socket(base.getHost(), base.getPort());
    socket.setTcpNoDelay(true);
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    out = socket.getOutputStream();
  }

  private int exchange() throws IOException {
    out.write(request);
    out.flush();
    String statusLine = line();
    if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
      throw new IOException("not an HTTP/1.1 answer");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, Math.max(colon, 0)).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
        chunked = true;
      } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
        close = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
          size = Long.parseLong(line().split(";")[0].trim(), 16)) {
        skip(size);
        line();
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else if (length > 0) {
      skip(length);
    }
    if (close) {
      close();
    }
    return status;
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private void skip(long bytes) throws IOException {
    for (long left = bytes; left > 0; ) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  @Override
  public void close() {
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException e) {
      // nothing left to release
    } finally {
      socket = null;
    }
  }
}
