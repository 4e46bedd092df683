package dev.watchword.server.web;

import dev.watchword.server.runtime.WatchwordProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code watchword.max-request-bytes} with 413, whether the size is
 * declared up front ({@code Content-Length}) or only discovered while reading a chunked body.
 * Runs first, so an oversized body is refused before authentication spends any work on it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

  /**
   * The routes that take files: {@code POST /api/v1/vaults/{vaultId}/import}, and the import page's
   * preview and import ({@code /vaults/{vaultId}/import}, {@code /vaults/{vaultId}/import/preview}).
   */
  private static final java.util.regex.Pattern IMPORT =
      java.util.regex.Pattern.compile("(/api/v1)?/vaults/[^/]+/import(/preview)?");

  private final long defaultLimit;
  private final long importLimit;
  private final ProblemResponseWriter problems;

  RequestSizeLimitFilter(WatchwordProperties properties, ProblemResponseWriter problems) {
    this.defaultLimit = properties.maxRequestBytes();
    this.importLimit = properties.maxImportBytes();
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = IMPORT.matcher(request.getRequestURI()).matches() ? importLimit : defaultLimit;
    if (request.getContentLengthLong() > limit) {
      refuse(request, response);
      return;
    }
    try {
      chain.doFilter(new LimitedRequest(request, limit), response);
    } catch (BodyTooLargeException e) {
      if (!response.isCommitted()) {
        response.resetBuffer();
        refuse(request, response);
      }
    } catch (ServletException | RuntimeException e) {
      if (causedByLimit(e) && !response.isCommitted()) {
        response.resetBuffer();
        refuse(request, response);
        return;
      }
      throw e;
    }
  }

  /**
   * A 413 problem for the API; for a page of the web UI the container's error dispatch, which
   * renders the problem page with the pages' headers (see {@link ProblemErrorController}).
   */
  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Connection", "close");
    if (request.getRequestURI().startsWith("/api/")) {
      problems.write(response, tooLarge());
    } else {
      response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
    }
  }

  static ProblemDetail tooLarge() {
    return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large",
        "The request body exceeds the size limit.");
  }

  static boolean causedByLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException) {
        return true;
      }
    }
    return false;
  }

  /** Thrown from the body stream when the limit is crossed. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("request body too large");
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedInputStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long limit;
    private long read;

    LimitedInputStream(ServletInputStream delegate, long limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > limit) {
        throw new BodyTooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
